import type { QueueMemberView } from '@utility/shared';
import { formatShortTime } from './time';

/**
 * A queue member's shift for whoever dispatches (desk and phone alike): 当班至 12-08 08:00, or
 * 下一班 12-08 08:00 起 within a day; 24小时内无排班 otherwise (Shanghai times).
 */
export function shiftLabel(shift: QueueMemberView['shift'], now: number): string {
  if (!shift) return '24小时内无排班';
  return Date.parse(shift.startsAt) <= now
    ? `当班至 ${formatShortTime(shift.endsAt)}`
    : `下一班 ${formatShortTime(shift.startsAt)} 起`;
}

/** On shift first, the least loaded on top: the order a dispatcher reads the people who can go. */
export function byDutyThenLoad(members: QueueMemberView[]): QueueMemberView[] {
  return [...members].sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || a.openCount - b.openCount);
}
