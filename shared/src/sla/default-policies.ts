import { ClockKind, TicketType } from '../tickets/ticket-codes';
import { DEFAULT_AT_RISK_RATIO } from './sla-deadlines';
import { ClockPolicy, SlaPolicyRule } from './sla-types';

const min = (clock: ClockKind, minutes: number): ClockPolicy => ({ clock, minutes });
const wd = (clock: ClockKind, workingDays: number): ClockPolicy => ({ clock, workingDays });
const { Respond, OnSite, Resolve, FirstReply } = ClockKind;

/**
 * The defaults of docs/domain.md#ticket-types, used until an operator configures its own. Field work runs on the
 * 24/7 clock (a leak does not wait for Monday); desk work counts working days.
 * Inspection has only a resolve clock: its real deadline is the booked slot, set by the
 * booking module. Return-visit deadlines depend on what is visited (24 h / 5 / 7 working
 * days), so 24 h is only the fallback.
 */
export const DEFAULT_SLA_POLICIES: SlaPolicyRule[] = [
  { ticketType: TicketType.Leak, clocks: [min(Respond, 5), min(OnSite, 30), min(Resolve, 1440)] },
  { ticketType: TicketType.Repair, clocks: [min(Respond, 30), min(OnSite, 120), min(Resolve, 1440)] },
  { ticketType: TicketType.RoomTemperature, clocks: [min(Respond, 30), min(OnSite, 1440), min(Resolve, 4320)] },
  { ticketType: TicketType.Inspection, clocks: [min(Resolve, 1440)] },
  { ticketType: TicketType.Complaint, clocks: [min(Respond, 1440), min(FirstReply, 4320), wd(Resolve, 5)] },
  { ticketType: TicketType.MisconductReport, clocks: [wd(Respond, 1), wd(Resolve, 10)] },
  { ticketType: TicketType.Application, clocks: [wd(Respond, 3)] },
  { ticketType: TicketType.Billing, clocks: [wd(Respond, 1)] },
  { ticketType: TicketType.ReturnVisit, clocks: [min(Resolve, 1440)] },
].map((p) => ({ ...p, atRiskRatio: DEFAULT_AT_RISK_RATIO }));
