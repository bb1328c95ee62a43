import { parseCalendarDate } from '../sla/sla-deadlines';
import { BillingError } from './billing-error';

/** Dates as day numbers (days since 1970-01-01): calendar arithmetic without time zones. */
const DAY_MS = 86_400_000;

export function dayNumber(date: string, what: string): number {
  try {
    return parseCalendarDate(date) / DAY_MS;
  } catch {
    throw new BillingError('invalid_input', `${what}不是有效日期（YYYY-MM-DD）：${date}`);
  }
}

export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

export const newYearsDay = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;
