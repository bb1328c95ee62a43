import { addCalendarDays, shanghaiTime } from './inspection-slots';

/** When bookings of a slot stop changing: `daysBefore` calendar days before the slot's date, at `hour` Shanghai. */
export interface CutoffRule {
  daysBefore: number;
  hour: number;
}

/** docs/domain.md#inspections: until a cut-off, default the day before (at 18:00, when the inspectors' routes are fixed). */
export const DEFAULT_CUTOFF: CutoffRule = { daysBefore: 1, hour: 18 };

export function bookingCutoff(slotDate: string, rule: CutoffRule = DEFAULT_CUTOFF): Date {
  if (!Number.isInteger(rule.daysBefore) || rule.daysBefore < 0)
    throw new RangeError('daysBefore must be a non-negative integer');
  if (!Number.isInteger(rule.hour) || rule.hour < 0 || rule.hour > 23) throw new RangeError('hour must be 0–23');
  return shanghaiTime(addCalendarDays(slotDate, -rule.daysBefore), rule.hour);
}

/** Booking, moving and cancelling are allowed strictly before the cut-off. */
export function beforeCutoff(slotDate: string, now: Date, rule: CutoffRule = DEFAULT_CUTOFF): boolean {
  return now.getTime() < bookingCutoff(slotDate, rule).getTime();
}
