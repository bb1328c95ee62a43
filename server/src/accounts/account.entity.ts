import type { MeterKind, PaymentMode, UsageType } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';

export type Utility = 'gas' | 'heating' | 'power';

/** A utility account (户号) in the company's records: the customer master. */
@Entity('account')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10, unique: true })
  accountNo: string;

  @Column({ type: 'varchar', length: 50 })
  holderName: string;

  /** Since when the holder has held it (a 过户 restarts it); null for accounts from before the records. */
  @TimeColumn({ nullable: true })
  holderSince: Date | null;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 16 })
  utility: Utility;

  @Index()
  @IdRefColumn()
  districtId: number;

  @Index()
  @IdRefColumn()
  stationId: number;

  /** Heated area in hundredths of m², for heating accounts billed by area. */
  @Column({ type: 'int', nullable: true })
  areaCentiM2: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  meterNo: string | null;

  @Column({ type: 'varchar', length: 16, default: 'residential' })
  usageType: UsageType;

  /** 重点用户: hospitals, schools, the elderly living alone… */
  @Column({ type: 'boolean', default: false })
  keyCustomer: boolean;

  @Column({ type: 'varchar', length: 8, default: 'postpaid' })
  paymentMode: PaymentMode;

  /** An IC-card or IoT meter takes prepaid top-ups (docs/domain.md#prepaid-accounts); ordinary meters are read. */
  @Column({ type: 'varchar', length: 8, default: 'ordinary' })
  meterKind: MeterKind;

  /**
   * The phone registered with the company for this account (at opening or transfer). Never shown: residents
   * prove they know its last four digits when binding (BINDING_SECOND_FACT). Personal data: encrypted at rest (预留手机号).
   */
  @Column({ type: 'varchar', length: 120, nullable: true, transformer: encrypted })
  phone: string | null;

  /** The phone's blind index (common/phone-index.ts): how a desk search by phone finds the account. */
  @Index()
  @Column({ type: 'varchar', length: 44, nullable: true })
  phoneIndex: string | null;

  /** false once deactivated (销户); its records stay. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @TimeColumn({ nullable: true })
  updatedAt: Date | null;
}
