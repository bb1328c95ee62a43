import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Channel, PRIORITY_RANK, Priority, TicketStatus, TicketType } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';
import { TicketSnapshot } from './ticket-snapshot';

/** Statuses a ticket nobody works yet can be claimed from (shared canClaim). */
export const CLAIMABLE = [TicketStatus.Submitted, TicketStatus.Accepted];

/** Priorities highest first (PRIORITY_RANK): a priority's place in work order is its index here. */
const PRIORITIES_IN_WORK_ORDER = (Object.keys(PRIORITY_RANK) as Priority[]).sort(
  (a, b) => PRIORITY_RANK[b] - PRIORITY_RANK[a],
);

/**
 * `claimPlace` as SQL on the ticket's own columns: while the ticket may be claimed (nobody works it,
 * not a duplicate, submitted or accepted), its priority's place in work order (emergency 0, high 1,
 * normal 2); NULL otherwise.
 */
export const CLAIM_PLACE_SQL =
  `CASE WHEN assigneeId IS NULL AND parentId IS NULL AND status IN (${CLAIMABLE.map((s) => `'${s}'`).join(', ')}) ` +
  `THEN CASE priority ${PRIORITIES_IN_WORK_ORDER.map((p, i) => `WHEN '${p}' THEN ${i}`).join(' ')} ` +
  `ELSE ${PRIORITIES_IN_WORK_ORDER.length} END END`;

/** The index a claim walks (docs/architecture.md#claiming-the-next-ticket): a queue's claimable tickets in work order. */
export const CLAIM_ORDER_INDEX = 'IDX_ticket_claim_order';

/** 工单: every resident request, whatever the channel. */
@Entity('ticket')
@Index(['queueId', 'status'])
@Index(CLAIM_ORDER_INDEX, ['queueId', 'claimPlace', 'createdAt', 'id'])
export class Ticket implements TicketSnapshot {
  @PrimaryGeneratedColumn()
  id: number;

  /**
   * Human-facing number, stable across reopenings: Shanghai date + id (ticketNumber). Derived from
   * the row as it is read (TicketNumbering), not a column: intake writes it in no statement of its
   * own. Null only on a partial read without the id or the creation time.
   */
  no: string | null;

  @Column({ type: 'varchar', length: 24 })
  type: TicketType;

  @Column({ type: 'varchar', length: 16 })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 16 })
  priority: Priority;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @IdRefColumn()
  queueId: number;

  /** The sender's own number: a 12345 hotline transfer's 工单编号 (required for that channel), a letter's registration number. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  externalRef: string | null;

  @Index()
  @IdRefColumn({ nullable: true })
  assigneeId: number | null;

  @Index()
  @Column({ type: 'varchar', length: 10, nullable: true })
  accountNo: string | null;

  @IdRefColumn({ nullable: true })
  districtId: number | null;

  @IdRefColumn({ nullable: true })
  stationId: number | null;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 50 })
  contactName: string;

  /** Personal data: encrypted at rest, masked on the wire except to whoever works the ticket. */
  @Column({ type: 'varchar', length: 120, transformer: encrypted })
  contactPhone: string;

  /** The phone's blind index (common/phone-index.ts): how a desk search by phone finds the ticket. */
  @Index()
  @Column({ type: 'varchar', length: 44, nullable: true })
  contactPhoneIndex: string | null;

  @Column({ type: 'text' })
  description: string;

  /** The visit window agreed with the resident (docs/domain.md#clocks: an appointment is the deadline); null when none. */
  @TimeColumn({ nullable: true })
  windowStart: Date | null;

  @TimeColumn({ nullable: true })
  windowEnd: Date | null;

  /**
   * The open ticket this duplicate report joined (docs/domain.md#duplicates): it is not dispatched on its
   * own (its clocks stopped, nobody may claim it) and it is resolved with its parent. Null for most.
   */
  @Index()
  @IdRefColumn({ nullable: true })
  parentId: number | null;

  /** Staff member who took it in (phone/counter), null for the resident's own submission. */
  @IdRefColumn({ nullable: true })
  createdById: number | null;

  @TimeColumn()
  createdAt: Date;

  /**
   * The first key of the queue's claim order (CLAIM_PLACE_SQL), derived by the database: every write
   * of a status, assignee, parent or priority, wherever it is made, keeps the claim-order index
   * right, and a ticket that may not be claimed leaves it (NULL sorts before the claimable ones, and a
   * claim starts past them). Ascending, as the rest of work order is (oldest first), so that one index
   * serves the whole ORDER BY. Not read with the ticket: only claims look at it.
   */
  @Column({ type: 'int', nullable: true, asExpression: CLAIM_PLACE_SQL, generatedType: 'STORED', select: false })
  readonly claimPlace?: number | null;

  @TimeColumn()
  updatedAt: Date;
}
