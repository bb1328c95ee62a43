import { z } from 'zod';
import { AREA_CLASSES, AreaClass } from '../org/area-class';
import { STAFF_ROLES } from '../org/roles';
import { heatingProblems, RuleProblem, tierProblems } from '../org/tariff-rules';
import { shiftProblems } from '../org/shift-rules';
import { parseCalendarDate } from '../sla/sla-deadlines';
import { TicketType } from '../tickets/ticket-codes';

/*
 * The organisation as data (admin console): districts, stations, queues and members, routing
 * rules, tariffs, the duty roster and the calendar. POST bodies are complete; PATCH bodies name
 * only what changes (the server merges, then checks the whole as a POST would).
 */

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, '编码只能包含字母、数字、-和_，最多32个字符');
const Name = z.string().trim().min(1, '请输入名称').max(64);
const Id = z.number().int().positive();
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine((d) => {
    try {
      parseCalendarDate(d);
      return true;
    } catch {
      return false;
    }
  }, '日期不存在');
/** A PATCH must change something. */
const someField = <T extends z.ZodObject>(schema: T) =>
  schema.partial().refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容' });
const reportProblems = (problems: RuleProblem[], ctx: z.RefinementCtx) => {
  for (const p of problems) ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
};

// ---- districts and stations ----

/** `areaClass`: the power rules' 城市 / 农村 / 偏远 (on-site 45 / 90 / 120 min); a new district is urban unless told. */
export const DistrictSchema = z.object({ code: Code, name: Name, areaClass: z.enum(AREA_CLASSES).optional() });
export const DistrictPatchSchema = someField(DistrictSchema);
export type DistrictRequest = z.infer<typeof DistrictSchema>;
export interface DistrictView {
  id: number;
  code: string;
  name: string;
  areaClass: AreaClass;
}

export const STATION_UTILITIES = ['gas', 'heating', 'power'] as const;
export type StationUtility = (typeof STATION_UTILITIES)[number];
export const UTILITY_LABELS: Record<StationUtility, string> = { gas: '燃气', heating: '供热', power: '电力' };

export const StationSchema = z.object({
  code: Code,
  name: Name,
  districtId: Id,
  utility: z.enum(STATION_UTILITIES),
});
export const StationPatchSchema = someField(StationSchema);
export type StationRequest = z.infer<typeof StationSchema>;
export interface StationView {
  id: number;
  code: string;
  name: string;
  districtId: number;
  utility: StationUtility;
}

// ---- queues and their members ----

/**
 * standard: staff pull or are pushed work; emergency: each ticket goes at once to the least-loaded
 * technician on shift; supervisor_only: reports and grade-1 complaints; triage: unroutable
 * tickets (exactly one, created by the seed, never by the admin form).
 */
export const QUEUE_KINDS = ['standard', 'emergency', 'supervisor_only', 'triage'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  standard: '普通',
  emergency: '抢修（自动派单）',
  supervisor_only: '仅主管',
  triage: '分诊',
};
const MemberIds = z
  .array(Id)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, { message: '成员不能重复' });

export const QueueSchema = z.object({
  /** Optional: the server makes one up (`queue-<n>`) when the form leaves it empty. */
  code: Code.optional(),
  name: Name,
  kind: z.enum(['standard', 'emergency', 'supervisor_only']).default('standard'),
  districtId: Id.nullable().default(null),
  stationId: Id.nullable().default(null),
  memberIds: MemberIds.default([]),
});
export const QueuePatchSchema = someField(
  z.object({
    code: Code,
    name: Name,
    kind: z.enum(['standard', 'emergency', 'supervisor_only']),
    districtId: Id.nullable(),
    stationId: Id.nullable(),
    memberIds: MemberIds,
  }),
);
export const QueueMembersSchema = z.object({ memberIds: MemberIds });
export type QueueRequest = z.input<typeof QueueSchema>;
export interface AdminQueueView {
  id: number;
  code: string;
  name: string;
  kind: QueueKind;
  districtId: number | null;
  stationId: number | null;
  memberIds: number[];
}

// ---- routing rules ----

export const RoutingRuleSchema = z.object({
  ticketType: z.enum(TicketType),
  districtId: Id.nullable().default(null),
  stationId: Id.nullable().default(null),
  queueId: Id,
});
export const RoutingRulePatchSchema = someField(
  z.object({ ticketType: z.enum(TicketType), districtId: Id.nullable(), stationId: Id.nullable(), queueId: Id }),
);
export type RoutingRuleRequest = z.input<typeof RoutingRuleSchema>;
export interface RoutingRuleView {
  id: number;
  ticketType: TicketType;
  districtId: number | null;
  stationId: number | null;
  queueId: number;
}

// ---- tariffs ----

export const TARIFF_KINDS = ['gas', 'heating', 'power'] as const;
export type TariffKind = (typeof TARIFF_KINDS)[number];
const Fen = z.number().int('须为整数（分）').positive('须大于0');
const Limit = z.number().int('须为整数').positive('须大于0').nullable();

/** Gas: three annual steps in whole m³ and fen per m³ (阶梯气价). */
export const GasTariffSchema = z
  .object({
    kind: z.literal('gas'),
    districtId: Id,
    effectiveFrom: CalendarDate,
    tiers: z.array(z.object({ upToM3: Limit, priceFenPerM3: Fen })),
  })
  .superRefine((t, ctx) =>
    reportProblems(tierProblems(t.tiers.map((s) => ({ upTo: s.upToM3, priceFen: s.priceFenPerM3 }))), ctx),
  );
/** 0.01 fen (0.0001 元): a power price as published, 0.4883 元/kWh is 4883 (docs/domain.md#tariffs). */
const CentiFen = z.number().int('须为整数（0.0001元）').positive('须大于0');
/**
 * Power: three annual steps in kWh at exact prices in 0.0001 元 per kWh (阶梯电价), and optionally the 峰谷 prices
 * of step 1 (steps 2 and 3 add their surcharge over step 1 to them).
 */
export const PowerTariffSchema = z
  .object({
    kind: z.literal('power'),
    districtId: Id,
    effectiveFrom: CalendarDate,
    tiers: z.array(z.object({ upToKwh: Limit, priceCentiFenPerKwh: CentiFen })),
    timeOfUse: z.object({ peakCentiFenPerKwh: CentiFen, valleyCentiFenPerKwh: CentiFen }).nullable().default(null),
  })
  .superRefine((t, ctx) => {
    const steps = t.tiers.map((s) => ({ upTo: s.upToKwh, priceFen: s.priceCentiFenPerKwh }));
    reportProblems(tierProblems(steps, '0.0001元'), ctx);
    if (t.timeOfUse && t.timeOfUse.valleyCentiFenPerKwh >= t.timeOfUse.peakCentiFenPerKwh)
      ctx.addIssue({ code: 'custom', path: ['timeOfUse'], message: '谷时电价须低于峰时电价' });
  });
/** Heating: fen per m² of area for the season from seasonStart to seasonEnd ('MM-DD'). */
export const HeatingTariffSchema = z
  .object({
    kind: z.literal('heating'),
    districtId: Id,
    effectiveFrom: CalendarDate,
    seasonStart: z.string(),
    seasonEnd: z.string(),
    priceFenPerM2: Fen,
  })
  .superRefine((t, ctx) => reportProblems(heatingProblems(t), ctx));
export const TariffSchema = z.discriminatedUnion('kind', [GasTariffSchema, HeatingTariffSchema, PowerTariffSchema]);
export type TariffRequest = z.infer<typeof TariffSchema>;
/** PATCH: any field but the kind; the merged price list is checked as a new one would be. */
export const TariffPatchSchema = z
  .object({
    districtId: Id,
    effectiveFrom: z.string(),
    tiers: z.array(z.record(z.string(), z.unknown())),
    timeOfUse: z.record(z.string(), z.unknown()).nullable(),
    seasonStart: z.string(),
    seasonEnd: z.string(),
    priceFenPerM2: z.number(),
  })
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容' });
export type TariffView = TariffRequest & { id: number };

// ---- the duty roster ----

const Instant = z.iso.datetime({ offset: true, message: '时间格式应为ISO 8601（含时区）' });
const ShiftFields = z.object({
  districtId: Id,
  role: z.enum(STAFF_ROLES),
  startsAt: Instant,
  endsAt: Instant,
  staffIds: z.array(Id).max(200),
  note: z.string().trim().max(100).default(''),
});
const checkShift = (s: { startsAt: string; endsAt: string; staffIds: number[] }, ctx: z.RefinementCtx) =>
  reportProblems(
    shiftProblems({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), staffIds: s.staffIds }),
    ctx,
  );
export const ShiftSchema = ShiftFields.superRefine(checkShift);
export type ShiftRequest = z.input<typeof ShiftSchema>;
/** PATCH: the merged shift is checked as a new one would be. */
export const ShiftPatchSchema = someField(
  ShiftFields.omit({ note: true }).extend({ note: z.string().trim().max(100) }),
);
export const RotaQuerySchema = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  districtId: z.coerce.number().int().positive().optional(),
});
export interface ShiftView {
  id: number;
  districtId: number;
  role: string;
  startsAt: string;
  endsAt: string;
  staffIds: number[];
  staff: { id: number; name: string }[];
  note: string;
}
/** For the roster and queue-member pickers. */
export interface RosterStaffView {
  id: number;
  name: string;
  role: string;
  districtId: number | null;
}

// ---- the working calendar ----

export const CalendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export interface CalendarDayView {
  date: string;
  working: boolean;
  /** Holiday name from the built-in data, or the operator's note. */
  name: string;
  source: 'library' | 'override';
}
export interface CalendarYearView {
  year: number;
  /** Whether the built-in holiday data knows this year at all. */
  libraryCovers: boolean;
  /** Days that differ from a plain Monday-to-Friday week, and every override. */
  days: CalendarDayView[];
}
export interface CalendarStatusView {
  year: number;
  nextYear: number;
  nextYearCovered: boolean;
  /** Chinese, for the admin page; null when nothing is missing. */
  warning: string | null;
}
