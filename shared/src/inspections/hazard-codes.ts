/** 隐患等级: 重大 / 较大 / 一般 (the grading used in gas-safety regulations). */
export enum HazardSeverity {
  Critical = 'critical',
  Serious = 'serious',
  General = 'general',
}

export const HAZARD_SEVERITY_LABELS: Record<HazardSeverity, string> = {
  [HazardSeverity.Critical]: '重大隐患',
  [HazardSeverity.Serious]: '较大隐患',
  [HazardSeverity.General]: '一般隐患',
};

/** Open until a re-inspection passes the item (docs/domain.md#hazards). */
export enum HazardStatus {
  Open = 'open',
  Closed = 'closed',
}

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  [HazardStatus.Open]: '待整改',
  [HazardStatus.Closed]: '已整改',
};

/** Morning or afternoon of a slot's day. */
export enum SlotHalf {
  Am = 'am',
  Pm = 'pm',
}

export const SLOT_HALF_LABELS: Record<SlotHalf, string> = {
  [SlotHalf.Am]: '上午',
  [SlotHalf.Pm]: '下午',
};

export enum PlanPeriod {
  Yearly = 'yearly',
  Quarterly = 'quarterly',
  Monthly = 'monthly',
}

export const PLAN_PERIOD_LABELS: Record<PlanPeriod, string> = {
  [PlanPeriod.Yearly]: '年度',
  [PlanPeriod.Quarterly]: '季度',
  [PlanPeriod.Monthly]: '月度',
};

/**
 * booked — holds a place; missed — nobody was home, the resident is offered a new slot
 * (reschedule) and still holds the plan's one booking; done — inspected; refused — the resident
 * refused the inspection at the door; cancelled — by the resident or because the plan changed.
 */
export enum BookingState {
  Booked = 'booked',
  Missed = 'missed',
  Done = 'done',
  Refused = 'refused',
  Cancelled = 'cancelled',
}

export const BOOKING_STATE_LABELS: Record<BookingState, string> = {
  [BookingState.Booked]: '已预约',
  [BookingState.Missed]: '上门未遇，请重新预约',
  [BookingState.Done]: '已安检',
  [BookingState.Refused]: '拒绝安检',
  [BookingState.Cancelled]: '已取消',
};

/** What happened at the door. */
export enum VisitOutcome {
  /** The checklist was recorded (items passed or failed). */
  Completed = 'completed',
  NobodyHome = 'nobody_home',
  /** The resident refused the inspection (first visit) or the rectification (re-inspection). */
  Refused = 'refused',
}

export const VISIT_OUTCOME_LABELS: Record<VisitOutcome, string> = {
  [VisitOutcome.Completed]: '完成检查',
  [VisitOutcome.NobodyHome]: '上门未遇',
  [VisitOutcome.Refused]: '拒绝',
};

export enum VisitKind {
  /** A resident's booked slot. */
  Booking = 'booking',
  /** A re-inspection of the account's open hazards. */
  Reinspection = 'reinspection',
}
