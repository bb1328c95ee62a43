import { PaymentMethod } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type PaymentOrderStatus = 'open' | 'paid' | 'closed' | 'refunded';

/**
 * One payment of one bill: a WeChat Pay order (out_trade_no), or a payment billing staff recorded (counter,
 * bank auto-debit), whose orderNo is made from its receipt or bank serial number so that it is recorded once.
 * A bill has at most one open order. Or one prepaid top-up (docs/domain.md#prepaid-accounts): billId null,
 * topUpId set, at most one open top-up order per account.
 */
@Entity('payment_order')
@Index(['status', 'createdAt'])
export class PaymentOrder {
  @PrimaryGeneratedColumn()
  id: number;

  /** out_trade_no sent to WeChat Pay (W…); R + receipt number (counter); B + bank serial number (代扣). */
  @Column({ type: 'varchar', length: 32, unique: true })
  orderNo: string;

  @Column({ type: 'varchar', length: 16, default: 'wechat' })
  method: PaymentMethod;

  /** The counter's receipt number or the bank's serial number; null for WeChat Pay. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  receiptNo: string | null;

  /** The billing staff member who recorded a counter payment or imported a bank line. */
  @IdRefColumn({ nullable: true })
  recordedById: number | null;

  /** The bill paid; null for a prepaid top-up. */
  @Index()
  @IdRefColumn({ nullable: true })
  billId: number | null;

  /** The prepaid top-up paid (prepaid module); null for a bill. */
  @Index()
  @IdRefColumn({ nullable: true })
  topUpId: number | null;

  /** The account while a top-up order is open, null after: the unique index allows one open top-up per account. */
  @Column({ type: 'int', nullable: true, unique: true })
  openTopUpAccountId: number | null;

  /** Equal to billId while the order is open, null after: the unique index allows one open order per bill. */
  @Column({ type: 'int', nullable: true, unique: true })
  openBillId: number | null;

  @Index()
  @IdRefColumn()
  accountId: number;

  /** The resident who paid by WeChat Pay; null for counter and bank payments. */
  @IdRefColumn({ nullable: true })
  residentId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  payerOpenid: string | null;

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
