import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillLine } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type BillStatus = 'unpaid' | 'paid';

/** One bill per account and period; paid in full or not at all. */
@Entity('bill')
@Index(['accountId', 'period'], { unique: true })
@Index(['status', 'dueOn'])
export class Bill {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  accountId: number;

  @Column({ type: 'varchar', length: 10 })
  accountNo: string;

  /** Billing month YYYY-MM. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 8 })
  utility: 'gas' | 'heating' | 'power';

  @Column({ type: 'varchar', length: 10 })
  fromOn: string;

  @Column({ type: 'varchar', length: 10 })
  toOn: string;

  @IdRefColumn({ nullable: true })
  readingId: number | null;

  @Column({ type: 'int', nullable: true })
  fromValueCentiM3: number | null;

  @Column({ type: 'int', nullable: true })
  toValueCentiM3: number | null;

  @Column({ type: 'int', default: 0 })
  volumeCentiM3: number;

  @Column({ type: 'simple-json' })
  lines: BillLine[];

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'int', default: 0 })
  paidFen: number;

  @Column({ type: 'varchar', length: 8 })
  status: BillStatus;

  @Column({ type: 'varchar', length: 10 })
  dueOn: string;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  paidAt: Date | null;

  /** 滞纳金 charged with the payment that settled it (paidFen − amountFen); 0 while unpaid. */
  @Column({ type: 'int', default: 0 })
  lateFeeFen: number;

  /** A supervisor waived the late fee (docs/domain.md#arrears): when, who and why. */
  @TimeColumn({ nullable: true })
  lateFeeWaivedAt: Date | null;

  @IdRefColumn({ nullable: true })
  lateFeeWaivedById: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  lateFeeWaiverReason: string | null;

  /** The payment that settled it: set once, in the same transaction as the order. */
  @IdRefColumn({ nullable: true })
  paymentId: number | null;
}
