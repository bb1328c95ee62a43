import type { StationUtility } from '../api/org-admin';
import type { AreaClass } from '../org/area-class';
import { Channel, ClockKind, TicketType } from '../tickets/ticket-codes';

/** What the ticket's station supplies; the SLA may differ per utility (power repairs). */
export type SlaUtility = StationUtility;

/**
 * Which tickets a policy row is for: its type, and optionally (null = any) the utility, the
 * district's area class, the district, the channel. docs/domain.md#clocks: the most specific
 * row that sets a clock decides it.
 */
export interface SlaPolicySelector {
  ticketType: TicketType;
  utility?: SlaUtility | null;
  areaClass?: AreaClass | null;
  districtId?: number | null;
  channel?: Channel | null;
}

/** What a policy is resolved for: a ticket's type, place and channel. */
export interface SlaSubject {
  ticketType: TicketType;
  utility: SlaUtility | null;
  areaClass: AreaClass | null;
  districtId: number | null;
  channel: Channel | null;
}

/**
 * How long one clock runs. Exactly one of `minutes` (24/7 time) or `workingDays`
 * (China's working calendar: weekends and public holidays skipped, 调休 days worked).
 */
export interface ClockPolicy {
  clock: ClockKind;
  minutes?: number;
  workingDays?: number;
}

export interface SlaPolicyRule extends SlaPolicySelector {
  clocks: ClockPolicy[];
  /** Share of a clock's time after which the ticket is flagged at risk (docs/domain.md#escalation: 0.8). */
  atRiskRatio: number;
}

/** Answers whether a Shanghai calendar date (YYYY-MM-DD) is a working day. */
export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
}

export interface ComputedDeadline {
  kind: ClockKind;
  dueAt: Date;
}

/** Where a running clock stands at a moment. */
export type ClockPhase = 'running' | 'at_risk' | 'breached';
