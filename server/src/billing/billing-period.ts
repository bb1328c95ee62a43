/** Calendar arithmetic on Shanghai dates written as YYYY-MM-DD (no time, no zone). */

const DAY_MS = 86_400_000;
const toUtc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First and last day of a billing month 'YYYY-MM'. */
export function periodBounds(period: string): { first: string; last: string } {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`Not a billing period: ${period}`);
  const [year, month] = [Number(m[1]), Number(m[2])];
  return { first: `${period}-01`, last: fromUtc(Date.UTC(year, month, 0)) };
}

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** Whole days from `from` to `to` (0 for the same day). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** The months a bill run can target: a real month, not in the future of `today`. */
export function assertBillablePeriod(period: string, today: string): void {
  periodBounds(period);
  if (period > today.slice(0, 7)) throw new Error(`Period ${period} has not started yet`);
}
