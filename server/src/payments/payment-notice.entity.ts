import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';

/** Every notice WeChat Pay delivered and what we made of it: the audit trail of crediting. */
@Entity('payment_notice')
@Index(['outTradeNo'])
export class PaymentNotice {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat's notice id (the same notice may be delivered several times). */
  @Column({ type: 'varchar', length: 64 })
  noticeId: string;

  @Column({ type: 'varchar', length: 32 })
  eventType: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outTradeNo: string | null;

  /** credited, duplicate, mismatch, unknown_order, refund_succeeded… (refused notices are only counted) */
  @Column({ type: 'varchar', length: 64 })
  outcome: string;

  @TimeColumn()
  receivedAt: Date;
}
