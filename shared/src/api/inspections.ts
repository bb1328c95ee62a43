import { z } from 'zod';
import { ShanghaiDate } from './billing';
import { InspectionItemCode } from '../inspections/checklist';
import {
  BookingState,
  HazardSeverity,
  HazardStatus,
  PlanPeriod,
  SlotHalf,
  VisitKind,
  VisitOutcome,
} from '../inspections/hazard-codes';
import { TicketStatus } from '../tickets/ticket-codes';

const id = z.number().int().positive().max(2_147_483_647);
const photoIds = z.array(id).max(6, '最多可上传6张照片');

// ── Resident ────────────────────────────────────────────────────────────────────────────

/** `GET /api/inspection-slots?accountId=` and `GET /api/inspections?accountId=` */
export const AccountQuerySchema = z.object({ accountId: z.coerce.number().int().positive().max(2_147_483_647) });

/** `POST /api/inspections` (Idempotency-Key honoured). */
export const BookInspectionSchema = z.object({ accountId: id, slotId: id });
export type BookInspectionRequest = z.infer<typeof BookInspectionSchema>;

/** `POST /api/inspections/:id/reschedule` */
export const RescheduleInspectionSchema = z.object({ slotId: id });
export type RescheduleInspectionRequest = z.infer<typeof RescheduleInspectionSchema>;

/** `POST /api/inspections/:id/cancel` (body optional). */
export const CancelInspectionSchema = z.object({ reason: z.string().trim().max(200).optional() });

/** A bookable half-day. `left` = capacity − active bookings. */
export interface InspectionSlotView {
  id: number;
  planId: number;
  /** Shanghai calendar date YYYY-MM-DD. */
  date: string;
  half: SlotHalf;
  /** 上午 / 下午 */
  halfLabel: string;
  capacity: number;
  left: number;
  /** After this instant (ISO) the booking can no longer be made, moved or cancelled in the app. */
  cutoffAt: string;
}

export interface InspectionTicketRef {
  id: number;
  no: string;
  status: TicketStatus;
}

/** A resident's booking: its slot, state and the ticket in the district's inspection queue. */
export interface InspectionBookingView {
  id: number;
  accountId: number;
  accountNo: string;
  address: string;
  planId: number;
  planName: string;
  slot: InspectionSlotView;
  state: BookingState;
  stateLabel: string;
  ticket: InspectionTicketRef;
  /** Booked and before the cut-off, or missed (nobody home: pick a new slot). */
  canReschedule: boolean;
  canCancel: boolean;
  createdAt: string;
}

/** `GET /api/inspections?accountId=`: newest first. */
export type MyInspectionBookings = InspectionBookingView[];

/** A hazard as the resident and staff see it. `GET /api/accounts/:id/hazards` (open first, then newest). */
export interface HazardView {
  id: number;
  accountId: number;
  code: InspectionItemCode;
  /** The checklist item in the account's utility's words (燃气表, 热量表 …). */
  itemLabel: string;
  severity: HazardSeverity;
  /** 重大隐患 / 较大隐患 / 一般隐患 */
  severityLabel: string;
  /** What the inspector saw. */
  note: string;
  /** What the resident should do (standard advice for the item and severity). */
  advice: string;
  /** Rectify by (ISO). */
  deadline: string;
  overdue: boolean;
  status: HazardStatus;
  statusLabel: string;
  photoIds: number[];
  foundAt: string;
  closedAt: string | null;
  /** The open re-inspection that will check it (null once closed). */
  reinspectionTicket: InspectionTicketRef | null;
  /** Set when the resident refused the rectification and a stop-supply application was opened. */
  stopSupplyTicket: InspectionTicketRef | null;
}

// ── Staff: plans ────────────────────────────────────────────────────────────────────────

/**
 * `POST /api/staff/inspection-plans` (supervisor of the district, or admin). Slots are opened on
 * the working days (China's calendar) from `startDate` to `endDate`, Shanghai dates inclusive,
 * for each of `halves`, each with `capacity` places.
 */
export const CreateInspectionPlanSchema = z
  .object({
    districtId: id,
    name: z.string().trim().min(2, '请填写计划名称').max(50),
    period: z.enum(PlanPeriod, { error: '请选择计划周期' }),
    startDate: ShanghaiDate,
    endDate: ShanghaiDate,
    halves: z.array(z.enum(SlotHalf)).min(1, '请选择上午或下午').max(2).default([SlotHalf.Am, SlotHalf.Pm]),
    capacity: z.number().int('名额应为整数').min(1, '每个时段至少1个名额').max(500, '每个时段最多500个名额'),
  })
  .refine((p) => p.endDate >= p.startDate, { path: ['endDate'], message: '结束日期不能早于开始日期' });
export type CreateInspectionPlanRequest = z.input<typeof CreateInspectionPlanSchema>;

/**
 * `PATCH /api/staff/inspection-plans/:id`: change the per-slot capacity (never below the places
 * already booked in a slot) and/or shorten or extend the date range. Bookings on days that drop
 * out are cancelled and their residents told.
 */
export const UpdateInspectionPlanSchema = z
  .object({
    name: z.string().trim().min(2).max(50).optional(),
    startDate: ShanghaiDate.optional(),
    endDate: ShanghaiDate.optional(),
    capacity: z.number().int().min(1).max(500).optional(),
    reason: z.string().trim().min(2, '请填写变更原因').max(200),
  })
  .refine((p) => !p.startDate || !p.endDate || p.endDate >= p.startDate, {
    path: ['endDate'],
    message: '结束日期不能早于开始日期',
  });
export type UpdateInspectionPlanRequest = z.infer<typeof UpdateInspectionPlanSchema>;

/** `POST /api/staff/inspection-plans/:id/cancel`: every booking is cancelled and its resident told. */
export const CancelInspectionPlanSchema = z.object({ reason: z.string().trim().min(2, '请填写取消原因').max(200) });

export interface InspectionPlanView {
  id: number;
  districtId: number;
  name: string;
  period: PlanPeriod;
  periodLabel: string;
  startDate: string;
  endDate: string;
  halves: SlotHalf[];
  capacity: number;
  cancelled: boolean;
  slotCount: number;
  bookedCount: number;
  createdAt: string;
}

// ── Staff: the inspector's day ──────────────────────────────────────────────────────────

/** One item of a visit's checklist, in the account's utility's words. */
export interface ChecklistItemView {
  code: InspectionItemCode;
  label: string;
}

/** `GET /api/field/inspections?date=`: the visits of the inspector's districts, ordered by address. */
export interface FieldInspectionView {
  /** The visit's ticket id: use it in `POST /api/field/inspections/:id/result`. */
  id: number;
  ticketNo: string;
  kind: VisitKind;
  ticketStatus: TicketStatus;
  accountId: number;
  accountNo: string;
  address: string;
  /** Masked: 张** */
  contactName: string;
  /** Masked: 138****5678 (null when no phone is on file). */
  contactPhone: string | null;
  date: string;
  /** null for re-inspections (due by `dueAt`). */
  half: SlotHalf | null;
  halfLabel: string | null;
  dueAt: string;
  /** booking visits: the booking's state; re-inspections: booked until recorded. */
  bookingId: number | null;
  bookingState: BookingState | null;
  /** What to record: the whole checklist (booking) or the open hazards' items (re-inspection). */
  checklist: ChecklistItemView[];
  openHazards: HazardView[];
  /** A result was recorded (no more results accepted). */
  recorded: boolean;
}

export const InspectionItemResultSchema = z
  .object({
    code: z.enum(InspectionItemCode, { error: '检查项无效' }),
    ok: z.boolean(),
    note: z.string().trim().max(500).default(''),
    photoIds: photoIds.default([]),
    /** Failed items: the inspector's grading; defaults per item code when omitted. */
    severity: z.enum(HazardSeverity).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.ok && v.note.length < 2) ctx.addIssue({ code: 'custom', path: ['note'], message: '不合格项请填写隐患说明' });
    if (!v.ok && v.photoIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['photoIds'], message: '不合格项请拍照留证' });
    if (v.ok && v.severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: '合格项不能填写隐患等级' });
  });
export type InspectionItemResult = z.input<typeof InspectionItemResultSchema>;

const ConfirmationSchema = z.discriminatedUnion('kind', [
  /** The resident signed the paper inspection record: a photo of it. */
  z.object({ kind: z.literal('signature'), photoId: id }),
  /** The resident confirms in the miniapp (POST /api/my/tickets/:id/confirm). */
  z.object({ kind: z.literal('in_app') }),
]);

/**
 * `POST /api/field/inspections/:id/result`.
 * completed: `items` (every checklist item once; on a re-inspection at least the open hazards'
 * items) and the resident's `confirmation`. nobody_home: the resident is offered a new slot.
 * refused: `note` says why; on a first visit the inspection is recorded as refused, on a
 * re-inspection the refused rectification opens a stop-supply application for a supervisor.
 */
export const InspectionResultSchema = z
  .object({
    outcome: z.enum(VisitOutcome).default(VisitOutcome.Completed),
    items: z.array(InspectionItemResultSchema).max(20).default([]),
    note: z.string().trim().max(500).optional(),
    confirmation: ConfirmationSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === VisitOutcome.Completed) {
      if (v.items.length === 0) ctx.addIssue({ code: 'custom', path: ['items'], message: '请填写检查结果' });
      if (!v.confirmation)
        ctx.addIssue({ code: 'custom', path: ['confirmation'], message: '请居民签字或在小程序确认' });
      const codes = v.items.map((i) => i.code);
      if (new Set(codes).size !== codes.length)
        ctx.addIssue({ code: 'custom', path: ['items'], message: '检查项重复' });
    } else if (v.items.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: '未完成检查时不能填写检查项' });
    }
    if (v.outcome === VisitOutcome.Refused && (v.note ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写拒绝原因' });
    }
  });
export type InspectionResultRequest = z.input<typeof InspectionResultSchema>;

export interface InspectionResultView {
  visit: FieldInspectionView;
  /** Hazards opened by this result (failed items). */
  hazardsOpened: HazardView[];
  /** Hazards this re-inspection closed. */
  hazardsClosed: HazardView[];
  /** The re-inspection ticket opened for the account's open hazards, if any. */
  reinspectionTicket: InspectionTicketRef | null;
  /** The stop-supply application opened for a refused rectification, if any. */
  stopSupplyTicket: InspectionTicketRef | null;
}

/** `GET /api/staff/hazards?status=open|closed` for the staff member's districts. */
export const HazardListQuerySchema = z.object({ status: z.enum(HazardStatus).optional() });
