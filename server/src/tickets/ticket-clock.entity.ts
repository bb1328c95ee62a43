import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ClockKind } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { TicketClockSnapshot } from './ticket-snapshot';

/** One SLA clock of a ticket (respond, on site, resolve). */
@Entity('ticket_clock')
@Index(['ticketId', 'kind'], { unique: true })
@Index(['stoppedAt', 'dueAt'])
@Index(['stoppedAt', 'riskAt'])
export class TicketClock implements TicketClockSnapshot {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  ticketId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ClockKind;

  @TimeColumn()
  startedAt: Date;

  @TimeColumn()
  dueAt: Date;

  /** When the at-risk share of the clock's time is used up (start + ratio × length). */
  @TimeColumn()
  riskAt: Date;

  @TimeColumn({ nullable: true })
  stoppedAt: Date | null;

  /** Set once by the sweeper that first saw 80 % used; guards against double flagging. */
  @TimeColumn({ nullable: true })
  atRiskAt: Date | null;

  /** Set once by the sweeper that first saw it late; guards against double escalation. */
  @TimeColumn({ nullable: true })
  breachedAt: Date | null;
}
