import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** opening: the balance carried over when the account became prepaid; usage: a span of readings charged. */
export type PrepaidEntryKind = 'opening' | 'top_up' | 'refund' | 'usage';

/**
 * The prepaid balance ledger (docs/domain.md#prepaid-accounts): the balance is the sum of an account's entries.
 * Each entry names its cause in `refKey` (`top-up:<id>`, `refund:<topUpId>`, `usage:<readingId>`), unique, so
 * a cause is booked once whatever retries or races happen.
 */
@Entity('prepaid_entry')
export class PrepaidEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  accountId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: PrepaidEntryKind;

  /** Signed fen: money in is positive, usage and refunds negative. */
  @Column({ type: 'int' })
  amountFen: number;

  /** Usage: the volume charged, centiM3. */
  @Column({ type: 'int', nullable: true })
  volumeCentiM3: number | null;

  @Column({ type: 'varchar', length: 40, unique: true })
  refKey: string;

  @TimeColumn()
  createdAt: Date;
}
