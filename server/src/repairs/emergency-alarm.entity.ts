import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * Every one-tap leak alarm a resident raised: the one that opened a leak ticket, and each repeat that joined
 * the account's open leak instead of dispatching another technician. Counted for the per-resident rate limit.
 */
@Entity('emergency_alarm')
@Index(['residentId', 'at'])
export class EmergencyAlarm {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  residentId: number;

  @IdRefColumn()
  accountId: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  /** True when the account already had an open leak and this alarm joined it. */
  @Column({ type: 'boolean' })
  joined: boolean;

  @TimeColumn()
  at: Date;
}
