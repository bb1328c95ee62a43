import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';

/** A day that has been reconciled (or is being): one process takes each day. */
@Entity('reconciliation_run')
export class ReconciliationRun {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  billDate: string;

  @TimeColumn()
  startedAt: Date;

  @Column({ type: 'int', nullable: true })
  mismatches: number | null;
}
