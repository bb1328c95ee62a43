/** A preferred visit window for a non-emergency repair: how long it may be and how far ahead. */
export const APPOINTMENT_MAX_HOURS = 4;
export const APPOINTMENT_MAX_DAYS_AHEAD = 14;

const HOUR_MS = 3600_000;

export interface WindowProblem {
  /** The field the miniapp marks: `start` or `end`. */
  field: 'start' | 'end';
  message: string;
}

/**
 * Null when the window is acceptable at `now`: it starts in the future, ends after it starts,
 * lasts at most 4 hours and ends within 14 days. Else the first problem, in Chinese.
 */
export function appointmentWindowProblem(window: { start: Date; end: Date }, now: Date): WindowProblem | null {
  const start = window.start.getTime();
  const end = window.end.getTime();
  if (Number.isNaN(start)) return { field: 'start', message: '预约开始时间无效' };
  if (Number.isNaN(end)) return { field: 'end', message: '预约结束时间无效' };
  if (start <= now.getTime()) return { field: 'start', message: '预约时间须晚于当前时间' };
  if (end <= start) return { field: 'end', message: '预约结束时间须晚于开始时间' };
  if (end - start > APPOINTMENT_MAX_HOURS * HOUR_MS)
    return { field: 'end', message: `预约时段最长${APPOINTMENT_MAX_HOURS}小时` };
  if (end > now.getTime() + APPOINTMENT_MAX_DAYS_AHEAD * 24 * HOUR_MS)
    return { field: 'end', message: `只能预约${APPOINTMENT_MAX_DAYS_AHEAD}天以内的时间` };
  return null;
}
