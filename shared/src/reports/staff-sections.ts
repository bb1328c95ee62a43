import { Role } from '../org/roles';
import { RATING_SCORE, ratingsInWindow } from './feedback-sections';
import { RatingFact, ReportWindow, StaffFact, TicketMonthFacts } from './report-facts';
import { rate } from './report-rate';
import { StaffFigures } from './report-types';
import { lateTicketIds, resolutionsInMonth } from './ticket-sections';

/**
 * Per staff member: tickets they resolved in the month, the share of those with no late clock,
 * and the average score of the month's ratings of their work. Residents and the system are not staff.
 */
export function perStaff(
  facts: Pick<TicketMonthFacts, 'transitions' | 'clocks' | 'breaches'> & { ratings: RatingFact[]; staff: StaffFact[] },
  w: ReportWindow,
): StaffFigures[] {
  const late = lateTicketIds(facts, w.asOf);
  const handled = new Map<number, Set<number>>();
  for (const e of resolutionsInMonth(facts.transitions, w)) {
    if (e.actorId === null || e.actorRole === Role.Resident) continue;
    handled.set(e.actorId, (handled.get(e.actorId) ?? new Set()).add(e.ticketId));
  }
  const scores = new Map<number, number[]>();
  for (const r of ratingsInWindow(facts.ratings, w)) {
    if (r.staffId !== null) scores.set(r.staffId, [...(scores.get(r.staffId) ?? []), RATING_SCORE[r.level]]);
  }
  const who = new Map(facts.staff.map((s) => [s.id, s]));
  const ids = [...new Set([...handled.keys(), ...scores.keys()])].sort((a, b) => a - b);
  return ids.map((staffId) => {
    const tickets = [...(handled.get(staffId) ?? [])];
    const onTime = tickets.filter((id) => !late.has(id)).length;
    const mine = scores.get(staffId) ?? [];
    return {
      staffId,
      name: who.get(staffId)?.name ?? `#${staffId}`,
      role: who.get(staffId)?.role ?? null,
      handled: tickets.length,
      onTimeRate: rate(onTime, tickets.length),
      ratings: mine.length,
      averageRating: mine.length ? Math.round((mine.reduce((n, s) => n + s, 0) / mine.length) * 100) / 100 : null,
    };
  });
}
