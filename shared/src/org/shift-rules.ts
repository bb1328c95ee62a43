/*
 * The duty roster (docs/domain.md#duty-roster): a shift is a district, a role, a UTC interval and
 * the staff on it. "On duty" means on a shift at that moment; nothing else.
 */
import type { RuleProblem } from './tariff-rules';

/** Longer than a day is a typing mistake, not a shift (a 24-hour 值班 is the longest in use). */
export const MAX_SHIFT_HOURS = 24;
export const MAX_SHIFT_STAFF = 50;

export interface ShiftSpan {
  startsAt: Date;
  endsAt: Date;
  staffIds: readonly number[];
}

export function shiftProblems(shift: ShiftSpan): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ms = shift.endsAt.getTime() - shift.startsAt.getTime();
  if (Number.isNaN(ms)) return [{ path: 'startsAt', message: '时间格式有误' }];
  if (ms <= 0) problems.push({ path: 'endsAt', message: '下班时间须晚于上班时间' });
  else if (ms > MAX_SHIFT_HOURS * 3_600_000)
    problems.push({ path: 'endsAt', message: `一个班次不能超过${MAX_SHIFT_HOURS}小时` });
  if (new Set(shift.staffIds).size !== shift.staffIds.length)
    problems.push({ path: 'staffIds', message: '同一人员不能重复排入一个班次' });
  if (shift.staffIds.length > MAX_SHIFT_STAFF)
    problems.push({ path: 'staffIds', message: `一个班次最多${MAX_SHIFT_STAFF}人` });
  return problems;
}

/** On shift at `at`: from the start (inclusive) to the end (exclusive), so back-to-back shifts never both count. */
export function isOnShift(shift: Pick<ShiftSpan, 'startsAt' | 'endsAt'>, at: Date): boolean {
  return shift.startsAt.getTime() <= at.getTime() && at.getTime() < shift.endsAt.getTime();
}

/** Staff on any of the shifts at `at`, each once. */
export function staffOnShift(shifts: readonly ShiftSpan[], at: Date): number[] {
  return [...new Set(shifts.filter((s) => isOnShift(s, at)).flatMap((s) => s.staffIds))];
}
