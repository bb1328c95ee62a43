import { outageHours } from '../outages/outage-rules';
import { ReportWindow } from './report-facts';

/** An outage as the monthly report sees it (docs/domain.md#outages). */
export interface OutageFact {
  id: number;
  startsAt: Date;
  restoredAt: Date | null;
  households: number;
  /** Residents a notice was queued for by its announcement. */
  residentsNotified: number;
}

export interface OutageFigures {
  /** Outages that were on during the month (begun before its end, not restored before its start). */
  count: number;
  /** Hours without supply within the month, summed over the outages (to the report's as-of time if still off). */
  hours: number;
  households: number;
  residentsNotified: number;
}

export function outagesOfMonth(facts: { outages?: OutageFact[] }, w: ReportWindow): OutageFigures {
  const on = (facts.outages ?? []).filter((o) => o.startsAt < w.end && (!o.restoredAt || o.restoredAt >= w.start));
  const until = w.asOf < w.end ? w.asOf : w.end;
  const hours = on.reduce((sum, o) => {
    const startsAt = o.startsAt < w.start ? w.start : o.startsAt;
    const restoredAt = o.restoredAt && o.restoredAt < until ? o.restoredAt : null;
    return sum + outageHours({ startsAt, restoredAt }, until);
  }, 0);
  return {
    count: on.length,
    hours: Math.round(hours * 10) / 10,
    households: on.reduce((s, o) => s + o.households, 0),
    residentsNotified: on.reduce((s, o) => s + o.residentsNotified, 0),
  };
}
