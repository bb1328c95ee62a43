import { Rate } from './report-types';

/** part / whole rounded to 4 decimals; null when there was nothing to count. */
export function rate(part: number, whole: number): Rate {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export const within = (at: Date, start: Date, end: Date): boolean => at >= start && at < end;
