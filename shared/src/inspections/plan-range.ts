import { addCalendarDays } from './inspection-slots';

export interface DateRange {
  startDate: string;
  endDate: string;
}

/**
 * The earliest calendar day a plan's date change adds or drops, or null when the range stays.
 * Moving the start changes the days between the two starts; moving the end, those after the
 * earlier end. (Disjoint ranges move the start too, so its minimum is still the earliest.)
 */
export function earliestChangedDay(current: DateRange, next: DateRange): string | null {
  if (next.startDate !== current.startDate)
    return next.startDate < current.startDate ? next.startDate : current.startDate;
  if (next.endDate !== current.endDate)
    return addCalendarDays(next.endDate < current.endDate ? next.endDate : current.endDate, 1);
  return null;
}

/** A plan's dates may change only after today (Shanghai): what is under way or done stays as it was. */
export function rangeChangeAllowed(current: DateRange, next: DateRange, today: string): boolean {
  const earliest = earliestChangedDay(current, next);
  return earliest === null || earliest > today;
}

/** Whether a day falls inside the range (ISO dates compare as strings). */
export const inRange = (date: string, range: DateRange): boolean => date >= range.startDate && date <= range.endDate;
