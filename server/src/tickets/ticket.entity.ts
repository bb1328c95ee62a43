import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Channel, PRIORITY_RANK, Priority, TicketStatus, TicketType } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';
import { TicketSnapshot } from './ticket-snapshot';

/** Priorities highest first (PRIORITY_RANK): a priority's place in work order is its index here. */
const PRIORITIES_IN_WORK_ORDER = (Object.keys(PRIORITY_RANK) as Priority[]).sort(
  (a, b) => PRIORITY_RANK[b] - PRIORITY_RANK[a],
);

/** The priority's place in work order as SQL on the ticket's own columns: emergency 0, high 1, normal 2. */
export const PRIORITY_PLACE_SQL = `CASE priority ${PRIORITIES_IN_WORK_ORDER.map((p, i) => `WHEN '${p}' THEN ${i}`).join(
  ' ',
)} ELSE ${PRIORITIES_IN_WORK_ORDER.length} END`;

/** The index a claim walks (docs/domain.md#queues-and-claiming): a queue's unassigned tickets in work order. */
export const WORK_ORDER_INDEX = 'IDX_ticket_work_order';

/** 工单: every resident request, whatever the channel. */
@Entity('ticket')
@Index(['queueId', 'status'])
@Index(WORK_ORDER_INDEX, ['queueId', 'assigneeId', 'priorityPlace', 'createdAt', 'id'])
export class Ticket implements TicketSnapshot {
  @PrimaryGeneratedColumn()
  id: number;

  /** Human-facing number, stable across reopenings: Shanghai date + id. */
  @Column({ type: 'varchar', length: 20, unique: true, nullable: true })
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
   * Work order's first key, derived by the database from `priority` (PRIORITY_PLACE_SQL), so that
   * every write of a priority, wherever it is made, keeps the work-order index right. Ascending, as
   * the rest of work order is (oldest first): one index then serves the whole ORDER BY. Not read
   * with the ticket: only claims sort by it.
   */
  @Column({ type: 'int', asExpression: PRIORITY_PLACE_SQL, generatedType: 'STORED', select: false })
  readonly priorityPlace?: number;

  @TimeColumn()
  updatedAt: Date;
}
