import { getDayDetail, getHolidaysInRange, isWorkday } from 'chinese-days';
import type { CalendarDayView, CalendarStatusView } from '../api/org-admin';
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

/** The days of `year` that are not a plain Monday-to-Friday day, from the built-in data and the operator's overrides (which win). */
export function calendarSpecialDays(
  year: number,
  overrides: readonly { date: string; working: boolean; note: string }[],
): CalendarDayView[] {
  const days = new Map<string, CalendarDayView>();
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(ms).getUTCDay());
    const detail = getDayDetail(date);
    // Names come as 'National Day,国庆节,3'; plain days as 'Sunday'.
    const name = detail.name.split(',')[1] ?? '';
    if (detail.work === weekend) days.set(date, { date, working: detail.work, name, source: 'library' });
  }
  for (const o of overrides) {
    if (o.date.startsWith(`${year}-`))
      days.set(o.date, { date: o.date, working: o.working, name: o.note, source: 'override' });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Whether next year's holidays are known, from the built-in data or the operator's overrides (a
 * weekday entered as a day off means the operator has typed in the State Council's schedule).
 * `today` is Shanghai's date.
 */
export function calendarStatus(
  today: string,
  overrides: readonly { date: string; working: boolean }[],
): CalendarStatusView {
  const year = Number(today.slice(0, 4));
  const nextYear = year + 1;
  const entered = overrides.some((o) => o.date.startsWith(`${nextYear}-`) && !o.working);
  const nextYearCovered = chineseDaysCoversYear(nextYear) || entered;
  return {
    year,
    nextYear,
    nextYearCovered,
    warning: nextYearCovered
      ? null
      : `节假日数据中没有${nextYear}年的放假安排：国务院公布后，请在“工作日历”中逐日录入放假日和调休上班日，否则${nextYear}年按周一至周五计算工作日时限。`,
  };
}
