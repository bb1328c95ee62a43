import { parseCalendarDate, shanghaiDate, shanghaiStartOfDay } from '../sla/sla-deadlines';

/*
 * A report period is a calendar month of Asia/Shanghai ('2026-10'). Facts are stored in UTC:
 * these helpers turn a period into the UTC instants that bound it.
 */

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

export function isPeriod(value: string): boolean {
  return PERIOD_RE.test(value);
}

function parts(period: string): { year: number; month: number } {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`not a period (YYYY-MM): ${period}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const format = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The month after `period`. */
export function nextPeriod(period: string): string {
  const { year, month } = parts(period);
  return month === 12 ? format(year + 1, 1) : format(year, month + 1);
}

export function previousPeriod(period: string): string {
  const { year, month } = parts(period);
  return month === 1 ? format(year - 1, 12) : format(year, month - 1);
}

/** Same month a year earlier (the usage alert compares with it). */
export function sameMonthLastYear(period: string): string {
  const { year, month } = parts(period);
  return format(year - 1, month);
}

/** The Shanghai month an instant falls in. */
export function periodOf(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

/** [start, end): Shanghai midnight of the 1st to Shanghai midnight of the next month's 1st. */
export function periodRange(period: string): { start: Date; end: Date } {
  parts(period);
  return { start: shanghaiStartOfDay(`${period}-01`), end: shanghaiStartOfDay(`${nextPeriod(period)}-01`) };
}

/** Generated on the 1st of the next month (the moment the period ends). */
export function reportGenerationAt(period: string): Date {
  return periodRange(period).end;
}

/**
 * docs/domain.md#monthly-report: the report for a month is due by the `dueDay` of the next month at `dueHour`
 * Shanghai time (7th, 16:00 by default); it is frozen from then on.
 */
export function reportDueAt(period: string, dueDay = 7, dueHour = 16): Date {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28)
    throw new RangeError(`due day must be 1..28, got ${dueDay}`);
  if (!Number.isInteger(dueHour) || dueHour < 0 || dueHour > 23)
    throw new RangeError(`due hour must be 0..23, got ${dueHour}`);
  const day = `${nextPeriod(period)}-${String(dueDay).padStart(2, '0')}`;
  return new Date(shanghaiStartOfDay(day).getTime() + dueHour * 3_600_000);
}

/** The `count` Shanghai dates ending with the date of `today`, oldest first. */
export function shanghaiDaysEnding(today: Date, count: number): string[] {
  const last = parseCalendarDate(shanghaiDate(today));
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** [start, end) of a Shanghai date in UTC. */
export function shanghaiDayRange(date: string): { start: Date; end: Date } {
  const next = new Date(parseCalendarDate(date) + DAY_MS).toISOString().slice(0, 10);
  return { start: shanghaiStartOfDay(date), end: shanghaiStartOfDay(next) };
}
