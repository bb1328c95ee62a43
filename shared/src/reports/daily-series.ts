import { satisfaction } from './feedback-sections';
import { BreachFact, ClockFact, RatingFact, TicketFact } from './report-facts';
import { rate } from './report-rate';
import { shanghaiDayRange } from './report-period';
import { Rate } from './report-types';
import { onTimeRateByClock } from './ticket-sections';

export interface DailyPoint {
  /** Shanghai date. */
  date: string;
  intake: number;
  /** All clocks whose outcome fell that day. */
  onTimeRate: Rate;
  satisfactionRate: Rate;
}

/** The dashboard's series: one point per Shanghai day, as known at `asOf`. */
export function dailySeries(
  days: string[],
  facts: { tickets: TicketFact[]; clocks: ClockFact[]; breaches: BreachFact[]; ratings: RatingFact[] },
  asOf: Date,
): DailyPoint[] {
  return days.map((date) => {
    const w = { ...shanghaiDayRange(date), asOf };
    const intake = facts.tickets.filter(
      (t) => t.createdAt >= w.start && t.createdAt < w.end && t.createdAt <= asOf,
    ).length;
    const clocks = onTimeRateByClock(facts, w);
    const counted = clocks.reduce((n, c) => n + c.counted, 0);
    return {
      date,
      intake,
      onTimeRate: rate(
        clocks.reduce((n, c) => n + c.onTime, 0),
        counted,
      ),
      satisfactionRate: satisfaction(facts, w).rate,
    };
  });
}
