/** Why a month's use is abnormally high, or null when it is not. */
export type UsageAlertReason = 'year_over_year' | 'recent_average';

export interface UsageHistory {
  /** This month's volume (any unit, the same for all). */
  current: number;
  /** The same month a year earlier, when billed. */
  sameMonthLastYear: number | null;
  /** The months just before this one (most recent first), those billed. */
  recent: number[];
}

/** The alert's thresholds (docs/domain.md#readings: "far above the usual use"); configuration may change them. */
export const USAGE_ALERT_RULE = { yearOverYear: 2, recentAverage: 3, recentMonths: 3 } as const;

/**
 * Over twice the same month last year, or over three times the average of the recent months.
 * A baseline of zero (or none billed) says nothing: no alert from it.
 */
export function abnormalUsage(
  h: UsageHistory,
  rule: { yearOverYear: number; recentAverage: number; recentMonths: number } = USAGE_ALERT_RULE,
): UsageAlertReason | null {
  if (h.sameMonthLastYear !== null && h.sameMonthLastYear > 0 && h.current > rule.yearOverYear * h.sameMonthLastYear)
    return 'year_over_year';
  const recent = h.recent.slice(0, rule.recentMonths);
  if (recent.length) {
    const average = recent.reduce((n, v) => n + v, 0) / recent.length;
    if (average > 0 && h.current > rule.recentAverage * average) return 'recent_average';
  }
  return null;
}
