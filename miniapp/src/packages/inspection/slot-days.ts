import { BookingState, type InspectionBookingView, type InspectionSlotView } from '@utility/shared';
import { relativeCalendarDay } from '../../format/calendar-day';
import { halfHours } from '../../format/slot-hours';
import { formatFullTime } from '../../format/time';

export interface SlotDay {
  date: string;
  label: string;
  slots: InspectionSlotView[];
}

/** The server's slots (date, then half) as days to choose from, in that order. */
export function groupSlotsByDay(slots: readonly InspectionSlotView[], now: Date): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    let day = days.find((d) => d.date === slot.date);
    if (!day) days.push((day = { date: slot.date, label: relativeCalendarDay(slot.date, now), slots: [] }));
    day.slots.push(slot);
  }
  return days;
}

/** `明天 11月25日 周三 上午 09:00–12:00` */
export function slotLabel(slot: InspectionSlotView, now: Date): string {
  return `${relativeCalendarDay(slot.date, now)} ${halfHours(slot.half, slot.halfLabel)}`;
}

export function placesLabel(slot: InspectionSlotView): string {
  return slot.left > 0 ? `剩余${slot.left}个名额` : '已约满';
}

/** The plan's one booking that still holds (or, after 上门未遇, asks for) a slot. */
export function activeBooking(bookings: readonly InspectionBookingView[]): InspectionBookingView | null {
  return bookings.find((b) => b.state === BookingState.Booked || b.state === BookingState.Missed) ?? null;
}

/**
 * Why 改约 and 取消 are not offered on a booking that still holds its slot: the cut-off (default
 * the day before at 18:00) has passed and the inspector's route is fixed. Null when they are offered.
 */
export function changeBlockedReason(booking: InspectionBookingView, now: Date): string | null {
  if (booking.state !== BookingState.Booked || (booking.canReschedule && booking.canCancel)) return null;
  const cutoff = booking.slot.cutoffAt;
  const passed = Date.parse(cutoff) <= now.getTime();
  return passed
    ? `已过变更截止时间（${formatFullTime(cutoff)}），安检员将按时上门；如需改期或取消请拨打客服热线`
    : '该预约当前不能在线变更，如需改期或取消请拨打客服热线';
}
