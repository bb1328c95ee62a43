import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, instantWithinBounds } from '../calendar/date-bounds';
import { ClockView } from './tickets';
import { ApplicationDocument, ApplicationKind, applicationProblems } from '../feedback/application-kinds';
import { ComplaintGrade } from '../feedback/complaint-grades';
import { RatingLevel } from '../feedback/rating-levels';
import { TicketStatus, TicketType } from '../tickets/ticket-codes';

const id = z.number().int().positive().max(2_147_483_647);
const photoIds = z.array(id).max(6, '最多可上传6张照片');
const instant = z.iso
  .datetime({ offset: true, error: '时间格式无效' })
  .refine((v) => instantWithinBounds(v), DATE_BOUNDS_MESSAGE);
const level = z.enum(RatingLevel, { error: '请选择满意程度' });

/** `POST /api/my/tickets/:id/rating` */
export const CreateRatingSchema = z.object({
  level,
  answers: z.object({ speed: level, attitude: level, quality: level, tidiness: level }),
  comment: z.string().trim().max(500, '评价最多500字').optional(),
});
export type CreateRatingRequest = z.infer<typeof CreateRatingSchema>;

/** `POST /api/complaints`: about a ticket of the resident's, an account, or in general. */
export const CreateComplaintSchema = z.object({
  ticketId: id.optional(),
  accountId: id.optional(),
  text: z.string().trim().min(5, '请描述投诉内容（至少5个字）').max(2000),
  photoIds: photoIds.optional(),
});
export type CreateComplaintRequest = z.infer<typeof CreateComplaintSchema>;

/**
 * `POST /api/misconduct-reports` (举报, a report of staff misconduct; `/api/reports` is its deprecated alias):
 * anonymous hides the reporter from every staff view.
 */
export const CreateMisconductReportSchema = z.object({
  text: z.string().trim().min(5, '请描述举报内容（至少5个字）').max(2000),
  anonymous: z.boolean({ error: '请选择是否匿名' }),
  photoIds: photoIds.optional(),
});
export type CreateMisconductReportRequest = z.infer<typeof CreateMisconductReportSchema>;

/**
 * `POST /api/applications`: `fields` per APPLICATION_KINDS[kind].fields, `photoIds` keyed by
 * document (every document of APPLICATION_KINDS[kind].documents needs at least one photo).
 */
export const CreateApplicationSchema = z
  .object({
    kind: z.enum(ApplicationKind, { error: '请选择业务类型' }),
    accountId: id,
    fields: z.record(z.string(), z.string().max(500)),
    photoIds: z.partialRecord(z.enum(ApplicationDocument), photoIds),
  })
  .superRefine((v, ctx) => {
    for (const p of applicationProblems(v.kind, v.fields, v.photoIds)) {
      ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
    }
  });
export type CreateApplicationRequest = z.infer<typeof CreateApplicationSchema>;

/** `POST /api/return-visits/:id/attempts`: one call (up to 3 a task). */
export const VisitAttemptSchema = z
  .object({
    reached: z.boolean(),
    level: level.optional(),
    fixed: z.boolean().optional(),
    note: z.string().trim().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.reached && !v.level) ctx.addIssue({ code: 'custom', path: ['level'], message: '请记录居民的满意程度' });
    if (v.reached && v.fixed === undefined)
      ctx.addIssue({ code: 'custom', path: ['fixed'], message: '请记录问题是否解决' });
    if (!v.reached && (v.level || v.fixed !== undefined))
      ctx.addIssue({ code: 'custom', path: ['reached'], message: '未接通时不能记录评价' });
  });
export type VisitAttemptRequest = z.infer<typeof VisitAttemptSchema>;

/** `POST /api/tickets/:id/grade` (complaints and reports). */
export const GradeSchema = z.object({
  grade: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '投诉等级应为一级、二级或三级' }),
  note: z.string().trim().max(500).optional(),
});
export type GradeRequest = z.infer<typeof GradeSchema>;

/** `POST /api/tickets/:id/first-reply`: stops the complaint's first-reply clock. */
export const FirstReplySchema = z.object({ text: z.string().trim().min(2, '请填写答复内容').max(2000) });
export type FirstReplyRequest = z.infer<typeof FirstReplySchema>;

/** `POST /api/tickets/:id/compensation`: supervisors only. Integer fen. */
export const CompensationSchema = z.object({
  amountFen: z.number().int('金额以分为单位').min(1).max(100_000_000),
  reason: z.string().trim().min(2, '请填写补偿原因').max(500),
});
export type CompensationRequest = z.infer<typeof CompensationSchema>;

/** `POST /api/disasters`: a declared disaster period (48 h return visits), optionally one district. */
export const DeclareDisasterSchema = z
  .object({ startsAt: instant, endsAt: instant, districtId: id.optional(), note: z.string().trim().min(2).max(500) })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    path: ['endsAt'],
    message: '结束时间应晚于开始时间',
  });
export type DeclareDisasterRequest = z.infer<typeof DeclareDisasterSchema>;

export interface RatingAnswers {
  speed: RatingLevel;
  attitude: RatingLevel;
  quality: RatingLevel;
  tidiness: RatingLevel;
}

export interface RatingView {
  id: number;
  ticketId: number;
  /** 1 for the first resolution, 2 after a reopen and a second resolution, … */
  resolution: number;
  level: RatingLevel;
  levelLabel: string;
  answers: RatingAnswers;
  comment: string | null;
  ratedAt: string;
}

/** The rating part of a resident's ticket view (null on types that are not rated). */
export interface ResidentRatingState {
  /** Resolved, within 7 days, and not yet rated for this resolution. */
  canRate: boolean;
  /** When the current resolution's rating window closes (null while unresolved). */
  closesAt: string | null;
  /** The rating of the current resolution, if given. */
  rated: RatingView | null;
}

/** What the three creation endpoints answer. */
export interface FeedbackRequestCreated {
  ticketId: number;
  no: string;
  type: TicketType;
  typeLabel: string;
  status: TicketStatus;
  resolveBy: string | null;
  anonymous: boolean;
}

export enum ReturnVisitReason {
  Policy = 'policy',
  Sampled = 'sampled',
}

export enum ReturnVisitOutcome {
  Fixed = 'fixed',
  NotFixed = 'not_fixed',
  Unreachable = 'unreachable',
}

export interface ReturnVisitAttemptView {
  attempt: number;
  at: string;
  agentName: string | null;
  reached: boolean;
  level: RatingLevel | null;
  levelLabel: string | null;
  fixed: boolean | null;
  note: string;
}

export interface ReturnVisitView {
  /** The return_visit ticket. */
  id: number;
  no: string;
  status: TicketStatus;
  reason: ReturnVisitReason;
  /** The sampling draw in [0, 1) when sampled, with the rate it was compared to. */
  draw: number | null;
  rate: number | null;
  dueAt: string;
  disaster: boolean;
  visited: {
    id: number;
    no: string;
    type: TicketType;
    typeLabel: string;
    resolution: number;
    resolvedAt: string;
    handledBy: string | null;
    description: string;
  };
  contactName: string;
  /** Masked; the full number through the logged reveal-phone of the visited ticket. */
  contactPhone: string;
  attempts: ReturnVisitAttemptView[];
  attemptsLeft: number;
  outcome: ReturnVisitOutcome | null;
  /** The reopened ticket or the complaint opened from a bad outcome. */
  followUp: { kind: 'reopened' | 'complaint'; ticketId: number; no: string } | null;
  clocks: ClockView[];
}

export interface StaffRatingsView {
  total: number;
  counts: Record<RatingLevel, number>;
  /** Share of the top three levels, 0–1 (null with no ratings). */
  satisfactionRate: number | null;
  items: (RatingView & { ticketNo: string; type: TicketType; typeLabel: string })[];
}

/** Staff: a complaint's or report's handling data (`GET /api/tickets/:id/feedback`). */
export interface TicketFeedbackView {
  ticketId: number;
  grade: ComplaintGrade | null;
  gradeLabel: string | null;
  firstReplyAt: string | null;
  compensation: { amountFen: number; reason: string; approvedBy: string; approvedAt: string } | null;
  /** An anonymous report: who sent it is not shown to any staff. */
  anonymous: boolean;
  relatedTicket: { id: number; no: string } | null;
  ratings: RatingView[];
}

// ---- the return-visit policy (admin): docs/domain.md#return-visits ----

const Percent = z.number().int().min(0).max(100);

const ReturnVisitTimingSchema = z
  .object({
    afterHours: z.number().int().min(0).max(720),
    dueHours: z.number().int().positive().max(720).optional(),
    dueWorkingDays: z.number().int().positive().max(30).optional(),
  })
  .refine((t) => (t.dueHours === undefined) !== (t.dueWorkingDays === undefined), {
    message: '回访期限须且只能设置小时数或工作日数之一',
  });

export const ReturnVisitRuleSchema = z
  .object({
    ticketType: z.enum(TicketType),
    utility: z.enum(['gas', 'heating', 'power']).nullable().default(null),
    scope: z.enum(['all', 'sampled', 'none']),
    sharePercent: z.object({ residential: Percent, business: Percent }),
    timing: ReturnVisitTimingSchema,
    questions: z.array(z.string().trim().min(2, '回访问题至少2个字').max(100)).max(20),
  })
  .refine((r) => r.ticketType !== TicketType.ReturnVisit || r.scope === 'none', {
    message: '回访工单本身不再回访',
    path: ['scope'],
  });

/** PUT /api/admin/return-visit-policy: the whole policy; one rule per business and utility. */
export const ReturnVisitPolicySchema = z.object({
  disasterHours: z.number().int().positive().max(168),
  rules: z
    .array(ReturnVisitRuleSchema)
    .max(60)
    .refine((rules) => new Set(rules.map((r) => `${r.ticketType}|${r.utility}`)).size === rules.length, {
      message: '同一业务、同一供应类别只能有一条回访规则',
    }),
});
export type ReturnVisitPolicyRequest = z.infer<typeof ReturnVisitPolicySchema>;
