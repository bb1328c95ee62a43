import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gas billed per account and calendar year: where the tier counter stands (阶梯气价). */
@Entity('account_year_volume')
export class AccountYearVolume {
  @PrimaryColumn({ type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  volumeCentiM3: number;
}
