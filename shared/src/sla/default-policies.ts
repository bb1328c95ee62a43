import { AREA_CLASSES, AreaClass } from '../org/area-class';
import { Channel, ClockKind, TicketType } from '../tickets/ticket-codes';
import { DEFAULT_AT_RISK_RATIO } from './sla-deadlines';
import { ClockPolicy, SlaPolicyRule } from './sla-types';

const min = (clock: ClockKind, minutes: number): ClockPolicy => ({ clock, minutes });
const wd = (clock: ClockKind, workingDays: number): ClockPolicy => ({ clock, workingDays });
const { Respond, Contact, OnSite, Resolve, FirstReply, Decision, Opinion, Answer } = ClockKind;

/**
 * Defaults from docs/domain.md#ticket-types, used until an operator configures its own. Field work
 * runs on the 24/7 clock (a leak does not wait for Monday); desk work counts working days.
 * Respond is acceptance (受理); contact (联系用户, 30 min) is the assignee's call agreeing a time;
 * a booked appointment moves on-site to the window's end (appointmentDeadlines). A cold flat is
 * a cold flat: room temperature is on site within 2 h like 暖气不热. Inspection has only a
 * resolve clock: its real deadline is the booked slot. Applications owe a decision (not an
 * acceptance) within 3 working days; billing a reply within 1 working day (the first-reply clock)
 * and, as no regulation gives one, the complaint's 5 working days to settle. Return-visit
 * deadlines depend on what is visited, so 24 h is only the fallback. A consultation is answered
 * within 1 working day, a suggestion replied to within 5 (the answer clock, stopped by the answer). Rows with a utility, area
 * class or channel refine the type's row clock by clock (resolveSlaPolicy).
 */
/** Power repairs' on-site limit per area class (docs/domain.md#ticket-types). */
export const POWER_ON_SITE_MINUTES: Record<AreaClass, number> = { urban: 45, rural: 90, remote: 120 };

export const DEFAULT_SLA_POLICIES: SlaPolicyRule[] = [
  {
    ticketType: TicketType.Leak,
    clocks: [min(Respond, 5), min(Contact, 30), min(OnSite, 30), min(Resolve, 1440)],
  },
  {
    ticketType: TicketType.Repair,
    clocks: [min(Respond, 30), min(Contact, 30), min(OnSite, 120), min(Resolve, 1440)],
  },
  {
    ticketType: TicketType.RoomTemperature,
    clocks: [min(Respond, 30), min(Contact, 30), min(OnSite, 120), min(Resolve, 1440)],
  },
  { ticketType: TicketType.Inspection, clocks: [min(Resolve, 1440)] },
  { ticketType: TicketType.Complaint, clocks: [min(Respond, 1440), min(FirstReply, 4320), wd(Resolve, 5)] },
  { ticketType: TicketType.MisconductReport, clocks: [wd(Respond, 1), wd(Resolve, 10)] },
  { ticketType: TicketType.Application, clocks: [wd(Respond, 1), wd(Decision, 3)] },
  { ticketType: TicketType.Billing, clocks: [wd(Respond, 1), wd(FirstReply, 1), wd(Resolve, 5)] },
  { ticketType: TicketType.ReturnVisit, clocks: [min(Resolve, 1440)] },
  { ticketType: TicketType.Consultation, clocks: [wd(Answer, 1)] },
  { ticketType: TicketType.Suggestion, clocks: [wd(Answer, 5)] },
  // Power rules: on site within 45 / 90 / 120 min by the district's area class.
  ...AREA_CLASSES.map((areaClass) => ({
    ticketType: TicketType.Repair,
    utility: 'power' as const,
    areaClass,
    clocks: [min(OnSite, POWER_ON_SITE_MINUTES[areaClass])],
  })),
  // Heating 四(五): a matter transferred by the 12345 hotline owes its handling opinion within 1 hour.
  ...Object.values(TicketType)
    .filter((type) => type !== TicketType.ReturnVisit)
    .map((ticketType) => ({ ticketType, channel: Channel.Hotline12345, clocks: [min(Opinion, 60)] })),
].map((p): SlaPolicyRule => ({ ...p, atRiskRatio: DEFAULT_AT_RISK_RATIO }));
