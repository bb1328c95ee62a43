import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ClockPolicy, TicketType } from '@utility/shared';

/** The SLA of one ticket type; admin-editable, seeded with the defaults of docs/domain.md#ticket-types. */
@Entity('sla_policy')
export class SlaPolicy {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24, unique: true })
  ticketType: TicketType;

  @Column({ type: 'simple-json' })
  clocks: ClockPolicy[];

  /** Percent of a clock's time after which a ticket is at risk. */
  @Column({ type: 'int', default: 80 })
  atRiskPercent: number;
}
