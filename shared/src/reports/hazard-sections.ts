import { HazardFact, ReportWindow } from './report-facts';
import { within } from './report-rate';
import { HazardFigures } from './report-types';

/** Hazards found and closed in the month, and those still open at its end. */
export function hazardsFoundAndClosed(facts: { hazards: HazardFact[] }, w: ReportWindow): HazardFigures {
  const known = (at: Date | null): at is Date => at !== null && at <= w.asOf;
  const found = facts.hazards.filter((h) => known(h.foundAt) && within(h.foundAt, w.start, w.end)).length;
  const closed = facts.hazards.filter((h) => known(h.closedAt) && within(h.closedAt, w.start, w.end)).length;
  const openAtEnd = facts.hazards.filter(
    (h) => known(h.foundAt) && h.foundAt < w.end && !(known(h.closedAt) && h.closedAt < w.end),
  ).length;
  return { found, closed, openAtEnd };
}
