import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A binding that ended because the account changed hands (过户) or the company ended it: kept as history
 * (who could act for the account, from when until when), while the resident no longer acts for the account.
 */
@Entity('ended_binding')
export class EndedBinding {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  residentId: number;

  @Index()
  @IdRefColumn()
  accountId: number;

  @Column({ type: 'varchar', length: 10, default: '' })
  label: string;

  /** When the binding was made. */
  @TimeColumn()
  boundAt: Date;

  @TimeColumn()
  endedAt: Date;

  /** Why it ended, e.g. `holder_changed` (过户). */
  @Column({ type: 'varchar', length: 200 })
  reason: string;
}
