import { shanghaiDate } from '../sla/sla-deadlines';

/*
 * The dates a request may name. Nothing the product holds is older than 2000 (accounts migrated from
 * older systems start with an opening index, not history), and nothing is planned beyond the end of
 * next year (inspection plans, the working calendar). Outside this range a date is a typing error or a
 * probe: refused as invalid input instead of reaching date arithmetic and the database (docs/domain.md).
 */

export const EARLIEST_DATE = '2000-01-01';
export const EARLIEST_PERIOD = EARLIEST_DATE.slice(0, 7);

/** 31 December of next year (Asia/Shanghai), as 'YYYY-MM-DD'. */
export function latestDate(now: Date): string {
  return `${Number(shanghaiDate(now).slice(0, 4)) + 1}-12-31`;
}

/** A 'YYYY-MM-DD' date within [2000-01-01, end of next year]. Assumes the format was checked. */
export function dateWithinBounds(date: string, now: Date = new Date()): boolean {
  return date >= EARLIEST_DATE && date <= latestDate(now);
}

/** A 'YYYY-MM' month within [2000-01, December of next year]. Assumes the format was checked. */
export function periodWithinBounds(period: string, now: Date = new Date()): boolean {
  return period >= EARLIEST_PERIOD && period <= latestDate(now).slice(0, 7);
}

export const DATE_BOUNDS_MESSAGE = '日期应在2000-01-01至明年年底之间';
export const PERIOD_BOUNDS_MESSAGE = '月份应在2000-01至明年12月之间';

/** An ISO instant whose Shanghai date is within the bounds above. Assumes the format was checked. */
export function instantWithinBounds(iso: string, now: Date = new Date()): boolean {
  const at = new Date(iso);
  return !Number.isNaN(at.getTime()) && dateWithinBounds(shanghaiDate(at), now);
}
