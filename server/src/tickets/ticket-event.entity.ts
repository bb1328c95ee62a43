import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role, TicketEventKind, TicketStatus } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { TicketEventSnapshot } from './ticket-snapshot';

export type EventData = Record<string, string | number | boolean | null>;

/** One line of a ticket's timeline. Append-only: never updated, never deleted. */
@Entity('ticket_event')
export class TicketEvent implements TicketEventSnapshot {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: TicketEventKind;

  @TimeColumn()
  at: Date;

  /** Null for the system (sweeper, auto-assignment). */
  @IdRefColumn({ nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  /** `resident` or a staff role: actor ids of residents and staff are separate sequences. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole: Role | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: TicketStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: TicketStatus | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** Kind-specific facts (assignee, clock, old and new queue...). */
  @Column({ type: 'simple-json', nullable: true })
  data: EventData | null;
}
