import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Channel, Priority, TicketStatus, TicketType } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';
import { TicketSnapshot } from './ticket-snapshot';

/** 工单: every resident request, whatever the channel. */
@Entity('ticket')
@Index(['queueId', 'status'])
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

  @TimeColumn()
  updatedAt: Date;
}
