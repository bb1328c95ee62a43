import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * applied: a stop-supply application waits for a supervisor's decision; stopped: approved (supply may be
 * cut by staff); cancelled: the arrears were paid before a decision (or staff cancelled it); refused: the
 * supervisor refused; restored: paid after approval, a restore ticket opened.
 */
export type StopSupplyStatus = 'applied' | 'stopped' | 'cancelled' | 'refused' | 'restored';

/** Long arrears on one account followed to the end (docs/domain.md#arrears): apply, decide, cancel or restore. */
@Entity('stop_supply_case')
export class StopSupplyCase {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  accountId: number;

  @Column({ type: 'varchar', length: 10 })
  accountNo: string;

  /** The newest bill past the grace when it was applied for: one application per such bill, ever. */
  @IdRefColumn({ unique: true })
  triggerBillId: number;

  /** Equal to accountId while applied or stopped, null once ended: one open case per account. */
  @Column({ type: 'int', nullable: true, unique: true })
  openAccountId: number | null;

  @Column({ type: 'varchar', length: 10 })
  status: StopSupplyStatus;

  @IdRefColumn({ nullable: true })
  stopTicketId: number | null;

  @IdRefColumn({ nullable: true })
  restoreTicketId: number | null;

  @TimeColumn()
  openedAt: Date;

  @TimeColumn({ nullable: true })
  closedAt: Date | null;
}
