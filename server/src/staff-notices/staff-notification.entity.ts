import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** `none`: the staff member has no WeCom user id, the notification centre is the only delivery. */
export type WecomDelivery = 'none' | 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One message to one staff member: an entry of their notification centre, and the outbox row of its
 * WeCom delivery (sent once, retried with backoff, the reason kept when given up).
 */
@Entity('staff_notification')
@Index(['staffId', 'dedupeKey'], { unique: true })
@Index(['staffId', 'readAt'])
@Index(['delivery', 'nextAttemptAt'])
export class StaffNotification {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  staffId: number;

  /** What caused it (`sla-breach:<clock id>`): one notification per cause and staff member. */
  @Column({ type: 'varchar', length: 80 })
  dedupeKey: string;

  /** e.g. `sla_breach`. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  /** The miniapp page it opens, with its query (`staff/ticket/index?id=12`). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  url: string | null;

  @IdRefColumn({ nullable: true })
  ticketId: number | null;

  @TimeColumn({ nullable: true })
  readAt: Date | null;

  @TimeColumn()
  createdAt: Date;

  @Column({ type: 'varchar', length: 12 })
  delivery: WecomDelivery;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @TimeColumn({ nullable: true })
  nextAttemptAt: Date | null;

  /** A sender holds the row until then; past it, a crashed sender's message is taken again. */
  @TimeColumn({ nullable: true })
  lockedUntil: Date | null;

  @TimeColumn({ nullable: true })
  sentAt: Date | null;

  /** The last failure while retries remain. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  /** Why WeCom delivery was given up (a refusal that will not pass, or too many tries). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  givenUpReason: string | null;
}
