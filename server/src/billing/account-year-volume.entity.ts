import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Energy billed per account and calendar year: where the step counter stands (阶梯气价, and
 * 阶梯电价 for a power account, whose volume is in centiKwh).
 */
@Entity('account_year_volume')
export class AccountYearVolume {
  @PrimaryColumn({ type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  volumeCentiM3: number;
}
