import type { ImportJobStatus } from '@utility/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * One uploaded file and how its import is going. Kept in the database so that any process can
 * answer `GET /api/admin/imports/:jobId`, while the process that took the upload runs it.
 */
@Entity('import_job')
@Index(['status'])
export class ImportJob {
  /** Random (UUID): not guessable from another job's. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** What the file holds: `accounts`. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 8 })
  format: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 12 })
  status: ImportJobStatus;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  total: number;

  /** JSON: the first problems found (capped), each `{line, column, code, message}`. */
  @Column({ type: 'text', nullable: true })
  errors: string | null;

  @Column({ type: 'int', default: 0 })
  errorCount: number;

  /** JSON of the counts once done: created, updated, unchanged, holderChanges. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  summary: string | null;

  @IdRefColumn()
  createdById: number;

  @TimeColumn()
  createdAt: Date;

  /** Moved on at every progress step: a running job whose heartbeat stopped was interrupted. */
  @TimeColumn()
  updatedAt: Date;

  @TimeColumn({ nullable: true })
  finishedAt: Date | null;
}
