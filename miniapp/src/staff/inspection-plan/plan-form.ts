import {
  CreateInspectionPlanSchema,
  PlanPeriod,
  SlotHalf,
  addCalendarDays,
  shanghaiDate,
  type CreateInspectionPlanRequest,
} from '@utility/shared';

export interface PlanForm {
  districtId: number;
  name: string;
  period: PlanPeriod;
  startDate: string;
  endDate: string;
  halves: SlotHalf[];
  /** As typed. */
  capacity: string;
}

export type PlanField = 'districtId' | 'name' | 'period' | 'startDate' | 'endDate' | 'halves' | 'capacity';
export type PlanErrors = Partial<Record<PlanField, string>>;

const MONTHS: Record<PlanPeriod, number> = {
  [PlanPeriod.Monthly]: 1,
  [PlanPeriod.Quarterly]: 3,
  [PlanPeriod.Yearly]: 12,
};

/** `date` plus whole months, the day clamped to the month's end (1 月 31 日 + 1 个月 = 2 月 28 日). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** The range a period covers from `startDate`: one month, quarter or year, its last day included. */
export function periodEnd(startDate: string, period: PlanPeriod): string {
  return addCalendarDays(addMonths(startDate, MONTHS[period]), -1);
}

/** A new monthly plan from tomorrow (Shanghai), both halves, 10 places each. */
export function newPlanForm(districtId: number, now: Date): PlanForm {
  const startDate = addCalendarDays(shanghaiDate(now), 1);
  return {
    districtId,
    name: '',
    period: PlanPeriod.Monthly,
    startDate,
    endDate: periodEnd(startDate, PlanPeriod.Monthly),
    halves: [SlotHalf.Am, SlotHalf.Pm],
    capacity: '10',
  };
}

export type PlanValidation = { ok: true; request: CreateInspectionPlanRequest } | { ok: false; errors: PlanErrors };

/** CreateInspectionPlanSchema decides, as on the server; the capacity is typed text first. */
export function validatePlan(form: PlanForm): PlanValidation {
  const errors: PlanErrors = {};
  const capacity = /^\d{1,4}$/.test(form.capacity.trim()) ? Number(form.capacity) : NaN;
  if (Number.isNaN(capacity)) errors.capacity = '请填写每个时段的名额（整数）';
  if (!form.districtId) errors.districtId = '请选择片区';
  const parsed = CreateInspectionPlanSchema.safeParse({ ...form, capacity });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as PlanField;
      if (field in EMPTY_ERRORS) errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, request: { ...form, name: form.name.trim(), capacity } };
}

const EMPTY_ERRORS: Record<PlanField, true> = {
  districtId: true,
  name: true,
  period: true,
  startDate: true,
  endDate: true,
  halves: true,
  capacity: true,
};
