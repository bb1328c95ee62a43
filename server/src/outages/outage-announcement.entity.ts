import type { OutageNoticeKind } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * One round of an outage's notices (announced, restore time changed, restored), planned into the
 * outbox in chunks of its accounts by the notice worker; `cursor` is the last outage_account id done.
 */
@Entity('outage_announcement')
@Index(['doneAt', 'sendAt'])
export class OutageAnnouncement {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  outageId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: OutageNoticeKind;

  @TimeColumn()
  sendAt: Date;

  @Column({ type: 'int', default: 0 })
  cursor: number;

  /** Residents a notice was queued for (one each, whatever number of their accounts is affected). */
  @Column({ type: 'int', default: 0 })
  residentsQueued: number;

  @TimeColumn({ nullable: true })
  doneAt: Date | null;

  @TimeColumn()
  createdAt: Date;
}
