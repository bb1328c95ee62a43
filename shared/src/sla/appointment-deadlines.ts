import { ClockKind } from '../tickets/ticket-codes';
import { ComputedDeadline } from './sla-types';

/** A visit window the resident and the company agreed on (a repair's appointment, an inspection's half-day). */
export interface VisitWindow {
  start: Date;
  end: Date;
}

/**
 * docs/domain.md#clocks: an appointment is the deadline. Being on site is due by the window's
 * end, not "2 hours after the report", and the time to fix runs from there: the resolve clock
 * keeps the policy's length, measured from the window's end instead of from the report.
 * Other clocks (accept, contact) are unchanged: the resident still wants a call.
 */
export function appointmentDeadlines(
  deadlines: ComputedDeadline[],
  startedAt: Date,
  window: VisitWindow,
): ComputedDeadline[] {
  const end = window.end.getTime();
  return deadlines.map((d) => {
    if (d.kind === ClockKind.OnSite) return { kind: d.kind, dueAt: new Date(end) };
    if (d.kind === ClockKind.Resolve)
      return { kind: d.kind, dueAt: new Date(end + (d.dueAt.getTime() - startedAt.getTime())) };
    return d;
  });
}
