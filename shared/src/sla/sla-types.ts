import { ClockKind, TicketType } from '../tickets/ticket-codes';

/**
 * How long one clock runs. Exactly one of `minutes` (24/7 time) or `workingDays`
 * (China's working calendar: weekends and public holidays skipped, 调休 days worked).
 */
export interface ClockPolicy {
  clock: ClockKind;
  minutes?: number;
  workingDays?: number;
}

export interface SlaPolicyRule {
  ticketType: TicketType;
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
