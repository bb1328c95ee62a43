import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';

export type Utility = 'gas' | 'heating' | 'power';

/** A utility account (户号) in the company's records. */
@Entity('account')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10, unique: true })
  accountNo: string;

  @Column({ type: 'varchar', length: 50 })
  holderName: string;

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

  /**
   * The phone registered with the company for this account (at opening or transfer). Never shown: residents
   * prove they know its last four digits when binding (BINDING_SECOND_FACT). Personal data: encrypted at rest.
   */
  @Column({ type: 'varchar', length: 120, nullable: true, transformer: encrypted })
  phone?: string | null;

  /** Heated area in hundredths of m², for heating accounts billed by area. */
  @Column({ type: 'int', nullable: true })
  areaCentiM2: number | null;
}
