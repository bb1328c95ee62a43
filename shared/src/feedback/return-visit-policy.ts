import { TicketType } from '../tickets/ticket-codes';
import { VISIT_TYPES } from '../tickets/ticket-state-machine';
import { addWorkingDays } from '../sla/sla-deadlines';
import { WorkCalendar } from '../sla/sla-types';

/** docs/domain.md#return-visits: every complaint, emergency and repair is visited. */
export const ALWAYS_VISITED: ReadonlySet<TicketType> = new Set([
  TicketType.Complaint,
  TicketType.Leak,
  TicketType.Repair,
  TicketType.RoomTemperature,
]);

/** Work that is sampled: the rest of what residents rate. Billing and the visits themselves are never visited. */
export const SAMPLED: ReadonlySet<TicketType> = new Set([
  TicketType.Inspection,
  TicketType.Application,
  TicketType.MisconductReport,
]);

export const DEFAULT_SAMPLE_RATE = 0.1;

export interface VisitDecision {
  visit: boolean;
  reason: 'policy' | 'sampled' | 'not_sampled' | 'excluded';
  /** The draw in [0, 1) compared with the rate, for sampled types. */
  draw: number | null;
  rate: number | null;
}

/** FNV-1a over the text: the same ticket, resolution and seed always draw the same number. */
export function sampleDraw(seed: string, ticketNo: string, resolution: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${ticketNo}:${resolution}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

export interface VisitCandidate {
  type: TicketType;
  ticketNo: string;
  /** 1 for the first resolution, 2 after a reopen… each resolution is decided on its own. */
  resolution: number;
  /** An anonymous report: calling the reporter would reveal them, so it is never visited. */
  anonymous: boolean;
}

export function returnVisitDecision(c: VisitCandidate, rate: number, seed: string): VisitDecision {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`sample rate must be within [0, 1], got ${rate}`);
  if (c.anonymous || (!ALWAYS_VISITED.has(c.type) && !SAMPLED.has(c.type)))
    return { visit: false, reason: 'excluded', draw: null, rate: null };
  if (ALWAYS_VISITED.has(c.type)) return { visit: true, reason: 'policy', draw: null, rate: null };
  const draw = sampleDraw(seed, c.ticketNo, c.resolution);
  return draw < rate
    ? { visit: true, reason: 'sampled', draw, rate }
    : { visit: false, reason: 'not_sampled', draw, rate };
}

export interface ReturnVisitDeadlines {
  /** After an emergency or repair (24 h), and in a declared disaster (48 h). */
  fieldHours: number;
  disasterHours: number;
  applicationWorkingDays: number;
  complaintWorkingDays: number;
  /** Sampled work docs/domain.md#return-visits gives no figure for (inspections, reports). */
  otherWorkingDays: number;
}

export const DEFAULT_RETURN_VISIT_DEADLINES: ReturnVisitDeadlines = {
  fieldHours: 24,
  disasterHours: 48,
  applicationWorkingDays: 7,
  complaintWorkingDays: 5,
  otherWorkingDays: 5,
};

/** When the visit of work finished at `resolvedAt` is due. */
export function returnVisitDeadline(
  type: TicketType,
  resolvedAt: Date,
  disaster: boolean,
  calendar: WorkCalendar,
  d: ReturnVisitDeadlines = DEFAULT_RETURN_VISIT_DEADLINES,
): Date {
  if (type === TicketType.Leak || type === TicketType.Repair || type === TicketType.RoomTemperature) {
    return new Date(resolvedAt.getTime() + (disaster ? d.disasterHours : d.fieldHours) * 3_600_000);
  }
  const days =
    type === TicketType.Application
      ? d.applicationWorkingDays
      : type === TicketType.Complaint
        ? d.complaintWorkingDays
        : d.otherWorkingDays;
  return addWorkingDays(resolvedAt, days, calendar);
}

/** Why the work goes round the loop: the problem is still there, or the resident is unhappy with the service. */
export type FollowUpCause = 'not_fixed' | 'dissatisfied';

/**
 * What a bad outcome does. Not fixed: field work goes back out (same number, fresh clocks), desk
 * work becomes a complaint. Dissatisfied (不满意, fixed or not yet visited): the service itself is
 * in question, so a complaint is opened, whatever the work was. A report is always reopened: a
 * complaint would take it out of the supervisors' hands (and near an anonymous reporter).
 */
export function followUpFor(type: TicketType, cause: FollowUpCause): 'reopen' | 'complaint' {
  if (type === TicketType.MisconductReport) return 'reopen';
  return cause === 'not_fixed' && VISIT_TYPES.has(type) ? 'reopen' : 'complaint';
}
