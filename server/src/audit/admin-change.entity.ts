import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** One change an admin made to the organisation, staff, tariffs or the customer master, kept for audit. */
@Entity('admin_change')
@Index(['subjectType', 'subjectId'])
export class AdminChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  staffId: number;

  @Column({ type: 'varchar', length: 50 })
  staffName: string;

  /** What was done, e.g. `staff.create`, `queue.update`, `tariff.create`, `account.import`. */
  @Column({ type: 'varchar', length: 48 })
  action: string;

  /** What it was done to: `staff`, `district`, `queue`, `account`, … */
  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'varchar', length: 64 })
  subjectId: string;

  /** JSON of the subject before the change (null when created); secrets never included. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  /** JSON of the subject after the change (null when removed). */
  @Column({ type: 'text', nullable: true })
  after: string | null;

  @TimeColumn()
  at: Date;
}
