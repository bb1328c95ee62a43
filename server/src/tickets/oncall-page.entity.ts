import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * `waiting`: the paged technician has until `ackDueAt` to acknowledge (接单); `acknowledged`: he did;
 * `supervisor`: nobody did, the district's supervisors were told; `ended`: the ticket moved on otherwise
 * (reassigned, handed back, cancelled).
 */
export type OncallState = 'waiting' | 'acknowledged' | 'supervisor' | 'ended';

/** The on-call chain of one auto-assigned emergency (docs/domain.md#duty-roster): who is paged now, until when. */
@Entity('oncall_page')
@Index(['state', 'ackDueAt'])
export class OncallPage {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @IdRefColumn()
  ticketId: number;

  /** 0: the technician auto-assignment chose; 1: the next one on shift. */
  @Column({ type: 'int', default: 0 })
  step: number;

  /** The technician paged now. */
  @IdRefColumn()
  staffId: number;

  /** Everyone paged so far, comma-separated: the chain never comes back to them. */
  @Column({ type: 'varchar', length: 200 })
  pagedIds: string;

  @Column({ type: 'varchar', length: 12 })
  state: OncallState;

  @TimeColumn()
  pagedAt: Date;

  /** Past it, still not acknowledged: the next step of the chain. Null once the chain has ended. */
  @TimeColumn({ nullable: true })
  ackDueAt: Date | null;

  @TimeColumn()
  updatedAt: Date;
}
