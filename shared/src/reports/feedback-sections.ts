import { TicketType } from '../tickets/ticket-codes';
import { RatingFact, RatingLevelCode, ReportWindow, ReturnVisitFact, TicketMonthFacts } from './report-facts';
import { rate, within } from './report-rate';
import { ReturnVisitCoverage, Satisfaction } from './report-types';
import { resolutionsInMonth } from './ticket-sections';

export const RATING_LEVEL_CODES: readonly RatingLevelCode[] = [
  'very_satisfied',
  'satisfied',
  'fairly_satisfied',
  'dissatisfied',
];

/** Score for the per-staff average: 满意 4 … 不满意 1. */
export const RATING_SCORE: Record<RatingLevelCode, number> = {
  very_satisfied: 4,
  satisfied: 3,
  fairly_satisfied: 2,
  dissatisfied: 1,
};

/** docs/domain.md#monthly-report: the satisfaction rate is the share of the top three levels. */
export const isSatisfiedLevel = (level: RatingLevelCode): boolean => level !== 'dissatisfied';

/** Ratings given in the window (by `asOf`). */
export const ratingsInWindow = (ratings: RatingFact[], w: ReportWindow): RatingFact[] =>
  ratings.filter((r) => within(r.at, w.start, w.end) && r.at <= w.asOf);

export function satisfaction(facts: { ratings: RatingFact[] }, w: ReportWindow): Satisfaction {
  const counted = ratingsInWindow(facts.ratings, w);
  const byLevel = Object.fromEntries(
    RATING_LEVEL_CODES.map((l) => [l, counted.filter((r) => r.level === l).length]),
  ) as Record<RatingLevelCode, number>;
  const satisfied = counted.filter((r) => isSatisfiedLevel(r.level)).length;
  return { ratings: counted.length, satisfied, rate: rate(satisfied, counted.length), byLevel };
}

/** docs/domain.md#return-visits: every complaint, emergency and repair is visited (100 %). */
export const RETURN_VISIT_REQUIRED: ReadonlySet<TicketType> = new Set([
  TicketType.Complaint,
  TicketType.Leak,
  TicketType.Repair,
  TicketType.RoomTemperature,
]);

/** Of the tickets that must be visited and were resolved in the month, how many have a done visit by `asOf`. */
export function returnVisitCoverage(
  facts: Pick<TicketMonthFacts, 'tickets' | 'transitions'> & { returnVisits: ReturnVisitFact[] },
  w: ReportWindow,
): ReturnVisitCoverage {
  const types = new Map(facts.tickets.map((t) => [t.id, t.type]));
  const due = new Set(
    resolutionsInMonth(facts.transitions, w)
      .map((e) => e.ticketId)
      .filter((id) => RETURN_VISIT_REQUIRED.has(types.get(id)!)),
  );
  const visited = new Set(
    facts.returnVisits
      .filter((v) => v.completedAt && v.completedAt <= w.asOf && due.has(v.ticketId))
      .map((v) => v.ticketId),
  );
  return { due: due.size, visited: visited.size, rate: rate(visited.size, due.size) };
}
