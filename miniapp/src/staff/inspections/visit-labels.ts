import { BOOKING_STATE_LABELS, VisitKind, type FieldInspectionView } from '@utility/shared';
import { formatShortTime } from '../../format/time';
import { halfHours } from '../../format/slot-hours';

/** 待检查 until a result is recorded; then what happened (已安检, 上门未遇 …). */
export function visitStatusLabel(visit: FieldInspectionView): string {
  if (!visit.recorded) return '待检查';
  return visit.bookingState ? BOOKING_STATE_LABELS[visit.bookingState].replace('，请重新预约', '') : '已记录';
}

/** A booked half-day with its hours, or a re-inspection's deadline. */
export function visitWhen(visit: FieldInspectionView): string {
  if (visit.kind === VisitKind.Reinspection || !visit.half || !visit.halfLabel)
    return `复检 · 整改期限 ${formatShortTime(visit.dueAt)}`;
  return `预约 ${halfHours(visit.half, visit.halfLabel)}`;
}
