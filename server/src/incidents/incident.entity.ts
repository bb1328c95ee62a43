import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A major incident (重大事件, e.g. a leak in a building that brings many calls): tickets grouped under a lead. */
@Entity('incident')
export class Incident {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @IdRefColumn({ nullable: true })
  leadId: number | null;

  @Column({ type: 'varchar', length: 8 })
  status: 'open' | 'closed';

  @TimeColumn()
  startedAt: Date;

  @TimeColumn({ nullable: true })
  closedAt: Date | null;

  @IdRefColumn()
  createdById: number;

  @TimeColumn()
  createdAt: Date;
}
