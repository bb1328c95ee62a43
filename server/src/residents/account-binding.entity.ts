import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A resident's claim to a utility account (户号), proven by the holder's name. A binding the
 * company ended (the holder changed: 过户) is kept with `endedAt` as history; a resident has at
 * most one binding without it per account (bind() holds the resident's row lock).
 */
@Entity('account_binding')
@Index(['residentId', 'accountId'])
export class AccountBinding {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  residentId: number;

  @Index()
  @IdRefColumn()
  accountId: number;

  /** 家, 父母家, 出租屋… */
  @Column({ type: 'varchar', length: 10, default: '' })
  label: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  endedAt: Date | null;

  /** Why the company ended it, e.g. 过户. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  endReason: string | null;
}
