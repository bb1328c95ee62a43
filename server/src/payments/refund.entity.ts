import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** requested (billing staff) → approved (supervisor, sent to WeChat) → succeeded | failed; or rejected. */
export type RefundStatus = 'requested' | 'processing' | 'succeeded' | 'failed' | 'rejected';

@Entity('refund')
export class Refund {
  @PrimaryGeneratedColumn()
  id: number;

  /** out_refund_no sent to WeChat Pay. */
  @Column({ type: 'varchar', length: 32, unique: true })
  refundNo: string;

  /** One refund per payment: a bill is paid, and refunded, in full. */
  @Column({ type: 'int', unique: true })
  orderId: number;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'varchar', length: 12 })
  status: RefundStatus;

  @IdRefColumn()
  requestedById: number;

  @IdRefColumn({ nullable: true })
  decidedById: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatRefundId: string | null;

  @TimeColumn()
  requestedAt: Date;

  @TimeColumn({ nullable: true })
  decidedAt: Date | null;

  @TimeColumn({ nullable: true })
  completedAt: Date | null;
}
