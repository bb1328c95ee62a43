import { TicketType } from './ticket-codes';

/** Routing is data: type × (station | district | anywhere) → queue. */
export interface RoutingRule {
  id: number;
  ticketType: TicketType;
  districtId: number | null;
  stationId: number | null;
  queueId: number;
}

export interface RoutingTarget {
  type: TicketType;
  districtId: number | null;
  stationId: number | null;
}
