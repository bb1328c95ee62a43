import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
export type NoticeData = Record<string, { value: string }>;

/** The outbox: a subscribe message to send, retried with backoff, never sent twice. */
@Entity('notice')
@Index(['status', 'nextAttemptAt'])
@Index(['status', 'priority', 'nextAttemptAt'])
export class Notice {
  @PrimaryGeneratedColumn()
  id: number;

  /** What caused it (`ticket-event:<id>:resident:<id>`): the unique key that stops duplicates. */
  @Column({ type: 'varchar', length: 80, unique: true })
  dedupeKey: string;

  @IdRefColumn()
  residentId: number;

  @IdRefColumn({ nullable: true })
  ticketId: number | null;

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'varchar', length: 128 })
  page: string;

  @Column({ type: 'simple-json' })
  data: NoticeData;

  @Column({ type: 'varchar', length: 12 })
  status: NoticeStatus;

  /**
   * 0: about the resident's own request or account, sent first; 1: a broadcast (an outage's
   * notices to a whole area), sent with what a run has left, at NOTICE_BROADCAST_PER_RUN.
   */
  @Column({ type: 'smallint', default: 0 })
  priority: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @TimeColumn()
  nextAttemptAt: Date;

  /** A sender holds the notice until then; past it, a crashed sender's notice is taken again. */
  @TimeColumn({ nullable: true })
  lockedUntil: Date | null;

  /** Why it failed or was skipped (no consent, user refused, gave up after N tries). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  sentAt: Date | null;
}
