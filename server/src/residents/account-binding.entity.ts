import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A resident's claim to a utility account (户号), proven by the holder's name. */
@Entity('account_binding')
@Index(['residentId', 'accountId'], { unique: true })
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
}
