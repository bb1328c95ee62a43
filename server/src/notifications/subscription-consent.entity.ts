import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * One acceptance of a one-time subscribe-message template (wx.requestSubscribeMessage):
 * it allows exactly one message of that template about that ticket, or, without a ticket,
 * one message about the resident's accounts (bill alerts).
 */
@Entity('subscription_consent')
@Index(['residentId', 'ticketId', 'templateId'])
export class SubscriptionConsent {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  residentId: number;

  @IdRefColumn({ nullable: true })
  ticketId: number | null;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @TimeColumn()
  grantedAt: Date;

  /** Set when a notice used it; a used consent never sends again. */
  @IdRefColumn({ nullable: true })
  usedByNoticeId: number | null;
}
