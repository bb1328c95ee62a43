import { CLOCK_LABELS, type ClockView } from '@utility/shared';
import { formatDuration, formatShortTime } from './time';

export type ClockTone = 'ok' | 'at-risk' | 'breached' | 'done';

export interface ClockDisplay {
  label: string;
  due: string;
  state: string;
  tone: ClockTone;
}

/**
 * How a SLA clock reads to staff. The server's `breached` is final (a breach is never erased);
 * a running clock whose deadline passed since the list was loaded reads as breached too.
 */
export function describeClock(clock: ClockView, now: number): ClockDisplay {
  const base = { label: CLOCK_LABELS[clock.kind], due: formatShortTime(clock.dueAt) };
  const left = new Date(clock.dueAt).getTime() - now;
  if (clock.breached || (!clock.stoppedAt && left <= 0)) return { ...base, state: '已超时', tone: 'breached' };
  if (clock.stoppedAt) return { ...base, state: '已达成', tone: 'done' };
  if (clock.atRisk) return { ...base, state: `临期 · 剩余${formatDuration(left)}`, tone: 'at-risk' };
  return { ...base, state: `剩余${formatDuration(left)}`, tone: 'ok' };
}
