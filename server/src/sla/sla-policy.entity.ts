import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AreaClass, Channel, ClockPolicy, SlaUtility, TicketType } from '@utility/shared';
import { IdRefColumn } from '../common/columns';

/**
 * One row of the SLA table (docs/domain.md#clocks): a ticket type, optionally narrowed to a
 * utility, an area class, a district or a channel (null = any), with the clocks it sets.
 * Admin-editable, seeded with the defaults of docs/domain.md#ticket-types.
 */
@Entity('sla_policy')
export class SlaPolicy {
  @PrimaryGeneratedColumn()
  id: number;

  /** policySelectorKey: unique, as NULLs would not be in a unique index over the columns. */
  @Column({ type: 'varchar', length: 80, unique: true })
  selectorKey: string;

  @Column({ type: 'varchar', length: 24 })
  ticketType: TicketType;

  @Column({ type: 'varchar', length: 8, nullable: true })
  utility: SlaUtility | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  areaClass: AreaClass | null;

  @IdRefColumn({ nullable: true })
  districtId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: Channel | null;

  @Column({ type: 'simple-json' })
  clocks: ClockPolicy[];

  /** Percent of a clock's time after which a ticket is at risk. */
  @Column({ type: 'int', default: 80 })
  atRiskPercent: number;
}
