import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReturnVisitOutcome, VisitDecision } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A return visit (回访) of one resolution of a ticket. The unique (visited ticket, resolution)
 * is what keeps two planners from creating two tasks; the task itself is a return_visit ticket.
 */
@Entity('return_visit')
@Index(['visitedTicketId', 'resolution'], { unique: true })
export class ReturnVisit {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  visitedTicketId: number;

  @Column({ type: 'smallint' })
  resolution: number;

  @TimeColumn()
  resolvedAt: Date;

  /** Who resolved the visited work, for the agent's script and the staff member's record. */
  @IdRefColumn({ nullable: true })
  resolvedById: number | null;

  /** Null when no visit is due (not sampled, anonymous): the row still records the decision and the draw. */
  @Index({ unique: true })
  @IdRefColumn({ nullable: true })
  taskTicketId: number | null;

  @Column({ type: 'varchar', length: 16 })
  reason: VisitDecision['reason'];

  /** Sampled work: the draw and rate in parts per million, and the seed that drew it (reproducible). */
  @Column({ type: 'int', nullable: true })
  drawPpm: number | null;

  @Column({ type: 'int', nullable: true })
  ratePpm: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  seed: string | null;

  @TimeColumn({ nullable: true })
  dueAt: Date | null;

  /** Due within the declared-disaster deadline (48 h). */
  @Column({ type: 'boolean', default: false })
  disaster: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: ReturnVisitOutcome | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  followUpKind: 'reopened' | 'complaint' | null;

  @IdRefColumn({ nullable: true })
  followUpTicketId: number | null;

  /** When the resolution was settled: closed after the visit or rating, or followed up. */
  @TimeColumn({ nullable: true })
  settledAt: Date | null;

  @TimeColumn()
  createdAt: Date;
}
