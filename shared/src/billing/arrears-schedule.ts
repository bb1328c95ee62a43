import { daysOverdue } from './late-fee';

/**
 * Arrears reminders go on the days after the due date that `schedule` lists (ARREARS_REMINDER_DAYS, e.g.
 * 3,10,30; docs/domain.md#arrears). The step due today is the last one reached: a bill first seen late (the job
 * was off) gets one reminder, not every step it missed. null before the first step.
 */
export function arrearsReminderStep(schedule: readonly number[], dueOn: string, today: string): number | null {
  const days = daysOverdue(dueOn, today);
  const reached = schedule.filter((d) => d <= days);
  return reached.length ? Math.max(...reached) : null;
}

/** Whether a bill is past the stop-supply grace (ARREARS_STOP_AFTER_DAYS; 0 = never). */
export function pastStopSupplyGrace(stopAfterDays: number, dueOn: string, today: string): boolean {
  return stopAfterDays > 0 && daysOverdue(dueOn, today) >= stopAfterDays;
}

/** "3, 10,30" → [3, 10, 30] (sorted, unique); throws on anything but whole days 1–365. */
export function parseReminderDays(text: string): number[] {
  const days = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 365) throw new RangeError(`not a day 1–365: ${s}`);
      return Number(s);
    });
  return [...new Set(days)].sort((a, b) => a - b);
}
