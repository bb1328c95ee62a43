import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, dateWithinBounds } from '../calendar/date-bounds';
import { AREA_CLASSES } from '../org/area-class';
import { policySelectorKey, selectorSpecificity } from '../sla/policy-resolution';
import { Channel, ClockKind, TicketType } from '../tickets/ticket-codes';
import { STATION_UTILITIES } from './org-admin';

const ClockPolicySchema = z
  .object({
    clock: z.enum(ClockKind),
    minutes: z
      .number()
      .int()
      .positive()
      .max(60 * 24 * 90)
      .optional(),
    workingDays: z.number().int().positive().max(60).optional(),
  })
  .refine((c) => (c.minutes === undefined) !== (c.workingDays === undefined), {
    message: '每个时限须且只能设置分钟数或工作日数之一',
  });

export const SlaPolicySchema = z.object({
  clocks: z
    .array(ClockPolicySchema)
    .max(Object.values(ClockKind).length)
    .refine((cs) => new Set(cs.map((c) => c.clock)).size === cs.length, { message: '同一时限不能重复设置' }),
  atRiskRatio: z.number().min(0.5).max(0.95).default(0.8),
});
export type SlaPolicyRequest = z.infer<typeof SlaPolicySchema>;

/** The channels a policy may be for: every way a request comes in (the product's own tickets included). */
export const SLA_CHANNELS = Object.values(Channel);

/** One row of the SLA table: a ticket type, optional refinements (null = any), its clocks. */
export const SlaPolicyRowSchema = SlaPolicySchema.extend({
  ticketType: z.enum(TicketType),
  utility: z.enum(STATION_UTILITIES).nullable().default(null),
  areaClass: z.enum(AREA_CLASSES).nullable().default(null),
  districtId: z.number().int().positive().nullable().default(null),
  channel: z.enum(Channel).nullable().default(null),
}).refine((r) => r.areaClass === null || r.utility !== null, {
  message: '按地区类别设置时限时须指定供应类别',
});

/**
 * PUT /api/admin/sla-policies: the whole table at once (docs/domain.md#clocks). Each ticket type
 * keeps a row for any district and channel (its default), and no selector appears twice.
 */
export const SlaPoliciesSchema = z.object({
  policies: z
    .array(SlaPolicyRowSchema)
    .max(200)
    .refine((rows) => new Set(rows.map(policySelectorKey)).size === rows.length, {
      message: '同一业务、片区、渠道的时限不能重复设置',
    })
    .refine(
      (rows) => Object.values(TicketType).every((t) => rows.some((r) => r.ticketType === t && !selectorSpecificity(r))),
      { message: '每种业务都须保留一条适用于所有片区和渠道的默认时限' },
    ),
});
export type SlaPoliciesRequest = z.infer<typeof SlaPoliciesSchema>;

export interface SlaPolicyView {
  ticketType: TicketType;
  utility: (typeof STATION_UTILITIES)[number] | null;
  areaClass: (typeof AREA_CLASSES)[number] | null;
  districtId: number | null;
  channel: Channel | null;
  clocks: { clock: ClockKind; minutes?: number; workingDays?: number }[];
  atRiskPercent: number;
}

export const CalendarDaySchema = z.object({
  working: z.boolean(),
  note: z.string().trim().max(100).default(''),
});

export const TicketTypeParam = z.enum(TicketType);
export const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine((d) => dateWithinBounds(d), DATE_BOUNDS_MESSAGE);
