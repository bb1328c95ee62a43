import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A resident looked up an account by 户号 to pay for it (代缴): counted against enumeration, and what lets
 * an unbound payer order that account's bills for a while.
 */
@Entity('account_lookup')
@Index(['residentId', 'at'])
export class AccountLookup {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  residentId: number;

  /** The account found; null when the number matched none (still counted). */
  @IdRefColumn({ nullable: true })
  accountId: number | null;

  @TimeColumn()
  at: Date;
}
