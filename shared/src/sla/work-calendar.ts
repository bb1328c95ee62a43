import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { parseCalendarDate } from './sla-deadlines';
import { WorkCalendar } from './sla-types';

/*
 * The only file that imports chinese-days (holiday, solar-term and lunar tables), so that the package
 * root, which the miniapp bundles, stays free of it. The date arithmetic is pure and lives in
 * sla-deadlines.ts; it is re-exported here so callers find the whole calendar in one place.
 */
export { addWorkingDays, shanghaiDate } from './sla-deadlines';

/**
 * chinese-days parses 'YYYY-MM-DD' as UTC midnight but reads it back with local-time getters,
 * also when building its own tables at load. In a process whose TZ is west of UTC the tables
 * and lookups shift by a day together, but the weekday is the previous day's: plain Mondays
 * come out as days off, plain Saturdays as working days. Known days are probed once, so such
 * a server fails at start-up instead of computing wrong deadlines for years.
 */
const PROBES: readonly [string, boolean][] = [
  ['2026-10-01', false], // Thursday, National Day
  ['2026-10-10', true], // Saturday, 调休 working day
  ['2026-10-11', false], // ordinary Sunday
  ['2026-10-12', true], // ordinary Monday
];

function assertLibraryUsable(): void {
  const wrong = PROBES.filter(([date, working]) => isWorkday(date) !== working);
  if (wrong.length > 0) {
    throw new Error(
      `chinese-days gives wrong answers in this process (TZ=${process.env.TZ ?? 'unset'}): ` +
        `run the server with TZ=Asia/Shanghai or UTC (wrong: ${wrong.map(([d]) => d).join(', ')})`,
    );
  }
}

/**
 * China's working calendar: weekends and public holidays off, 调休 make-up days worked.
 * `overrides` (date → working?) come from the operator and win over the library, so a newly
 * published State Council schedule takes effect before chinese-days is upgraded.
 */
export function chinaWorkCalendar(overrides: ReadonlyMap<string, boolean> = new Map()): WorkCalendar {
  for (const date of overrides.keys()) parseCalendarDate(date); // a typo like '2027-1-1' would never match
  assertLibraryUsable();
  return {
    isWorkingDay(date: string): boolean {
      parseCalendarDate(date);
      const override = overrides.get(date);
      return override ?? isWorkday(date);
    },
  };
}

/**
 * Whether chinese-days knows the holidays of `year`. For a year it does not know it silently
 * answers "Monday to Friday", so the server should warn the operator to enter overrides.
 */
export function chineseDaysCoversYear(year: number): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}
