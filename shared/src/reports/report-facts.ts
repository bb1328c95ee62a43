import { PaymentMethod } from '../api/billing';
import type { OutageFact } from './outage-sections';
import { Role } from '../org/roles';
import { Channel, ClockKind, TicketStatus, TicketType } from '../tickets/ticket-codes';

/*
 * What each module's service hands the report for a month. Section functions are pure over
 * these; a provider may return more than the month (older tickets resolved in it, say): every
 * section applies its own counting rule to the range.
 */

/** The window a report counts in: the month [start, end), and what was known at `asOf` (generation time). */
export interface ReportWindow {
  start: Date;
  end: Date;
  asOf: Date;
}

export interface TicketFact {
  id: number;
  type: TicketType;
  districtId: number | null;
  /** How the request came in (the report splits by channel). */
  channel: Channel;
  createdAt: Date;
}

/** A status move on a ticket's timeline. */
export interface TransitionFact {
  ticketId: number;
  toStatus: TicketStatus;
  /** Null for the system; for a resident, `actorRole` is `resident`. */
  actorId: number | null;
  actorRole: Role | null;
  at: Date;
}

export interface ClockFact {
  ticketId: number;
  kind: ClockKind;
  dueAt: Date;
  stoppedAt: Date | null;
}

/** A recorded breach (sla_breach): never erased by later work. */
export interface BreachFact {
  ticketId: number;
  clock: ClockKind;
  breachedAt: Date;
}

export interface TicketMonthFacts {
  tickets: TicketFact[];
  transitions: TransitionFact[];
  clocks: ClockFact[];
  breaches: BreachFact[];
}

/** The four levels (docs/domain.md#ratings), best first (feedback module's RatingLevel values). */
export type RatingLevelCode = 'very_satisfied' | 'satisfied' | 'fairly_satisfied' | 'dissatisfied';

/** One rating a resident gave: the ticket, who did the work (if anyone), when. */
export interface RatingFact {
  ticketId: number;
  staffId: number | null;
  level: RatingLevelCode;
  at: Date;
}

/** A return visit of a ticket (the visited one, not the visit task), done or not yet. */
export interface ReturnVisitFact {
  ticketId: number;
  completedAt: Date | null;
}

/** A hazard (隐患) found by an inspection, closed once re-inspected. */
export interface HazardFact {
  id: number;
  districtId: number | null;
  foundAt: Date;
  closedAt: Date | null;
}

export interface PaymentFact {
  id: number;
  districtId: number;
  /** WeChat Pay, the counter or the bank (reported by method). */
  method: PaymentMethod;
  amountFen: number;
  paidAt: Date;
}

export interface RefundFact {
  id: number;
  districtId: number;
  amountFen: number;
  completedAt: Date;
}

export interface BillFact {
  id: number;
  accountId: number;
  districtId: number;
  amountFen: number;
  /** Shanghai date 'YYYY-MM-DD'. */
  dueOn: string;
  paidAt: Date | null;
}

export interface PaymentMonthFacts {
  payments: PaymentFact[];
  refunds: RefundFact[];
  /** Bills due by the end of the month (paid or not): arrears are read from them. */
  bills: BillFact[];
}

export interface StaffFact {
  id: number;
  name: string;
  role: Role;
}

export interface DistrictFact {
  id: number;
  name: string;
}

/** Everything one monthly report is computed from. */
export interface MonthlyReportFacts extends TicketMonthFacts, PaymentMonthFacts {
  ratings: RatingFact[];
  returnVisits: ReturnVisitFact[];
  hazards: HazardFact[];
  staff: StaffFact[];
  districts: DistrictFact[];
  /** Outages (停气/停热/停电) of the month; absent in reports from before outages were recorded. */
  outages?: OutageFact[];
}
