import { APPOINTMENT_MAX_DAYS_AHEAD, appointmentWindowProblem } from '@utility/shared';

/*
 * The half-day visit windows a resident can book or move to (docs/domain.md#clocks): the repair form
 * and a request's 改约 share them.
 */

/** Half-day visit slots, Shanghai time; each within the server's 4-hour limit. */
export const WINDOW_SLOTS = [
  { key: 'morning', label: '上午 09:00–12:00', start: '09:00', end: '12:00' },
  { key: 'afternoon', label: '下午 14:00–18:00', start: '14:00', end: '18:00' },
  { key: 'evening', label: '晚上 18:00–21:00', start: '18:00', end: '21:00' },
] as const;
export type WindowSlot = (typeof WINDOW_SLOTS)[number]['key'];

/** A chosen window: a Shanghai date `YYYY-MM-DD` and a slot; both '' for 尽快上门. */
export interface WindowPick {
  windowDate: string;
  windowSlot: WindowSlot | '';
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const pad = (n: number) => String(n).padStart(2, '0');

export interface WindowDay {
  date: string;
  label: string;
}

/** The days a visit can be booked on, from today (Shanghai) for the server's 14 days. */
export function windowDays(now: Date): WindowDay[] {
  return Array.from({ length: APPOINTMENT_MAX_DAYS_AHEAD }, (_, i) => {
    const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS + i * DAY_MS);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const day = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    const label = i === 0 ? `今天 ${day}` : i === 1 ? `明天 ${day}` : `${day} 周${WEEKDAYS[d.getUTCDay()]}`;
    return { date, label };
  });
}

export interface WindowChoice {
  windowDate: string;
  windowSlot: WindowSlot;
  label: string;
}

/**
 * Every half-day a visit can still be booked in at `now`: windows that have begun, or that end
 * past the server's limit, are not offered (the server would refuse them).
 */
export function windowChoices(now: Date): WindowChoice[] {
  return windowDays(now).flatMap((day) =>
    WINDOW_SLOTS.map((slot) => ({
      windowDate: day.date,
      windowSlot: slot.key,
      label: `${day.label} ${slot.label}`,
    })).filter((choice) => {
      const window = windowOf(choice)!;
      return !appointmentWindowProblem({ start: new Date(window.start), end: new Date(window.end) }, now);
    }),
  );
}

/** The chosen window as the server takes it (offset +08:00), or undefined for 尽快上门. */
export function windowOf(form: WindowPick): { start: string; end: string } | undefined {
  const slot = WINDOW_SLOTS.find((s) => s.key === form.windowSlot);
  if (!form.windowDate || !slot) return undefined;
  return { start: `${form.windowDate}T${slot.start}:00+08:00`, end: `${form.windowDate}T${slot.end}:00+08:00` };
}

export function windowLabel(form: WindowPick, now: Date): string {
  const slot = WINDOW_SLOTS.find((s) => s.key === form.windowSlot);
  if (!form.windowDate || !slot) return '尽快上门（不预约时间）';
  const day = windowDays(now).find((d) => d.date === form.windowDate);
  return `${day?.label ?? form.windowDate} ${slot.label}`;
}
