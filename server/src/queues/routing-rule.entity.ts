import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TicketType } from '@utility/shared';
import { IdRefColumn } from '../common/columns';

/** type × (station | district | anywhere) → queue; evaluated by `routeTicket` at intake. */
@Entity('routing_rule')
@Index(['ticketType', 'districtId', 'stationId'], { unique: true })
export class RoutingRuleRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  ticketType: TicketType;

  @IdRefColumn({ nullable: true })
  districtId: number | null;

  @IdRefColumn({ nullable: true })
  stationId: number | null;

  @IdRefColumn()
  queueId: number;
}
