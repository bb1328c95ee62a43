import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MonthlyReportFigures } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * The stored figures of a month for one scope (the company, or one district). Regenerated
 * until `dueAt`; from then on frozen: what was submitted is what is read, whatever changes later.
 */
@Entity('monthly_report')
@Index(['period', 'scope'], { unique: true })
export class MonthlyReport {
  @PrimaryGeneratedColumn()
  id: number;

  /** 'YYYY-MM' (Shanghai month). */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** 'all' or 'district:<id>': a unique key NULLs cannot break. */
  @Column({ type: 'varchar', length: 24 })
  scope: string;

  @IdRefColumn({ nullable: true })
  districtId: number | null;

  /** JSON of MonthlyReportFigures (TEXT: 64 KB holds a few hundred staff rows). */
  @Column({ type: 'simple-json' })
  figures: MonthlyReportFigures;

  @TimeColumn()
  generatedAt: Date;

  /** Set once from the configured due day and hour when first generated. */
  @TimeColumn()
  dueAt: Date;

  @TimeColumn({ nullable: true })
  frozenAt: Date | null;

  /** 1 on first generation, +1 per regeneration: the conditional update's guard. */
  @Column({ type: 'int', default: 1 })
  version: number;
}
