import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A former holder of an account, kept when the holder changes (过户). */
@Entity('account_holder_history')
export class AccountHolderHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  accountId: number;

  @Column({ type: 'varchar', length: 50 })
  holderName: string;

  /** When they became the holder, if known. */
  @TimeColumn({ nullable: true })
  heldFrom: Date | null;

  @TimeColumn()
  heldUntil: Date;

  /** The staff member whose edit or import made the change. */
  @IdRefColumn()
  changedById: number;

  @Column({ type: 'varchar', length: 50 })
  changedByName: string;

  /** `edit` or `import:<jobId>`. */
  @Column({ type: 'varchar', length: 48 })
  source: string;
}
