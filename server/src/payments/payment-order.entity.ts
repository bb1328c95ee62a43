import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type PaymentOrderStatus = 'open' | 'paid' | 'closed' | 'refunded';

/** One WeChat Pay order (out_trade_no) for one bill. A bill has at most one open order. */
@Entity('payment_order')
@Index(['status', 'createdAt'])
export class PaymentOrder {
  @PrimaryGeneratedColumn()
  id: number;

  /** out_trade_no sent to WeChat Pay. */
  @Column({ type: 'varchar', length: 32, unique: true })
  orderNo: string;

  @Index()
  @IdRefColumn()
  billId: number;

  /** Equal to billId while the order is open, null after: the unique index allows one open order per bill. */
  @Column({ type: 'int', nullable: true, unique: true })
  openBillId: number | null;

  @Index()
  @IdRefColumn()
  accountId: number;

  @IdRefColumn()
  residentId: number;

  @Column({ type: 'varchar', length: 64 })
  payerOpenid: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 10 })
  status: PaymentOrderStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true, unique: true })
  transactionId: string | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  expiresAt: Date;

  @TimeColumn({ nullable: true })
  paidAt: Date | null;

  /** False when WeChat reported the payment but the bill was already settled: a refund is due. */
  @Column({ type: 'boolean', default: true })
  settledBill: boolean;

  @TimeColumn({ nullable: true })
  lastQueriedAt: Date | null;
}
