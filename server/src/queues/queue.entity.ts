import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn } from '../common/columns';

/** A staff work queue. Belongs to a station, a district, or (triage) the whole company. */
@Entity('queue')
export class Queue {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 48, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Index()
  @IdRefColumn({ nullable: true })
  districtId: number | null;

  @Index()
  @IdRefColumn({ nullable: true })
  stationId: number | null;

  /** Emergency queues: tickets go at once to the least-loaded on-duty member. */
  @Column({ type: 'boolean', default: false })
  autoAssign: boolean;

  /** Reports of misconduct: supervisors (and admin) only. */
  @Column({ type: 'boolean', default: false })
  supervisorOnly: boolean;

  /** Where unroutable tickets go; exactly one queue has it. */
  @Column({ type: 'boolean', default: false })
  triage: boolean;
}
