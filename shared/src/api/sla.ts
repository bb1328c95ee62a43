import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, dateWithinBounds } from '../calendar/date-bounds';
import { ClockKind, TicketType } from '../tickets/ticket-codes';

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

export const CalendarDaySchema = z.object({
  working: z.boolean(),
  note: z.string().trim().max(100).default(''),
});

export const TicketTypeParam = z.enum(TicketType);
export const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine((d) => dateWithinBounds(d), DATE_BOUNDS_MESSAGE);
