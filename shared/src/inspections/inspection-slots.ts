import { parseCalendarDate } from '../sla/sla-deadlines';
import { WorkCalendar } from '../sla/sla-types';
import { SlotHalf } from './hazard-codes';

const DAY_MS = 86_400_000;
/** Shanghai has kept UTC+8 all year since 1991: wall times convert with a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The instant Shanghai's clocks read `hour:minute` on calendar date `date`. */
export function shanghaiTime(date: string, hour: number, minute = 0): Date {
  return new Date(parseCalendarDate(date) + (hour * 60 + minute) * 60_000 - SHANGHAI_OFFSET_MS);
}

/** `date` ± `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(parseCalendarDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Visiting hours of a half-day, Shanghai time (上午 09:00–12:00, 下午 14:00–17:30). */
export const SLOT_HOURS: Readonly<Record<SlotHalf, { start: [number, number]; end: [number, number] }>> = {
  [SlotHalf.Am]: { start: [9, 0], end: [12, 0] },
  [SlotHalf.Pm]: { start: [14, 0], end: [17, 30] },
};

export function slotWindow(date: string, half: SlotHalf): { startsAt: Date; endsAt: Date } {
  const { start, end } = SLOT_HOURS[half];
  return { startsAt: shanghaiTime(date, ...start), endsAt: shanghaiTime(date, ...end) };
}

/** A plan covers at most a year (a yearly plan); longer is a typo. */
export const MAX_PLAN_DAYS = 366;

export interface PlanSlotInput {
  startDate: string;
  endDate: string;
  halves: readonly SlotHalf[];
  capacity: number;
}

export interface GeneratedSlot {
  date: string;
  half: SlotHalf;
  capacity: number;
  startsAt: Date;
  endsAt: Date;
}

export class PlanRangeError extends RangeError {}

/**
 * The slots a plan opens: every WORKING day of China's calendar (weekends and holidays off,
 * 调休 make-up days worked) from `startDate` to `endDate` inclusive, each chosen half-day with
 * `capacity` places. Inspectors work the official working week, so no slot falls on a day off.
 */
export function generatePlanSlots(plan: PlanSlotInput, calendar: WorkCalendar): GeneratedSlot[] {
  const from = parseCalendarDate(plan.startDate);
  const to = parseCalendarDate(plan.endDate);
  if (to < from) throw new PlanRangeError('endDate is before startDate');
  if ((to - from) / DAY_MS + 1 > MAX_PLAN_DAYS) throw new PlanRangeError(`a plan covers at most ${MAX_PLAN_DAYS} days`);
  if (!Number.isInteger(plan.capacity) || plan.capacity < 1)
    throw new PlanRangeError('capacity must be a positive integer');
  const halves = [SlotHalf.Am, SlotHalf.Pm].filter((h) => plan.halves.includes(h));
  const slots: GeneratedSlot[] = [];
  for (let day = from; day <= to; day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (!calendar.isWorkingDay(date)) continue;
    for (const half of halves) slots.push({ date, half, capacity: plan.capacity, ...slotWindow(date, half) });
  }
  return slots;
}
