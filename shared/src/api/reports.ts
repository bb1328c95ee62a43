import type { OutageView } from './outages';
import { z } from 'zod';
import { PERIOD_BOUNDS_MESSAGE, periodWithinBounds } from '../calendar/date-bounds';
import { DailyPoint } from '../reports/daily-series';
import { isPeriod } from '../reports/report-period';
import { MonthlyReportFigures } from '../reports/report-types';
import { QueueView } from './tickets';

export const ReportPeriod = z
  .string()
  .trim()
  .refine(isPeriod, '月份格式应为YYYY-MM')
  .refine((p) => periodWithinBounds(p), PERIOD_BOUNDS_MESSAGE);

/** `districtId` is for admins; a supervisor always gets their own district. */
export const MonthlyReportQuerySchema = z.object({
  period: ReportPeriod,
  districtId: z.coerce.number().int().positive().optional(),
});
export type MonthlyReportQuery = z.infer<typeof MonthlyReportQuerySchema>;

export const ReportExportQuerySchema = MonthlyReportQuerySchema.extend({ format: z.enum(['xlsx', 'csv']) });

export const RegenerateReportSchema = z.object({
  period: ReportPeriod,
  districtId: z.number().int().positive().optional(),
});

/**
 * provisional: the month is still running (computed now, not stored); draft: stored, may be
 * regenerated until the due time; frozen: the submitted figures, never recomputed.
 */
export type ReportStatus = 'provisional' | 'draft' | 'frozen';

export interface MonthlyReportView {
  period: string;
  /** null: the whole company. */
  districtId: number | null;
  status: ReportStatus;
  generatedAt: string;
  dueAt: string;
  frozenAt: string | null;
  figures: MonthlyReportFigures;
}

export interface DashboardView {
  /** As of now: open, at-risk and breached tickets per queue in the viewer's scope. */
  queues: QueueView[];
  /** The last 30 Shanghai days, oldest first. */
  days: DailyPoint[];
  /** Outages going on now (停气/停热/停电), oldest first; absent where the server has no outages module. */
  outages?: OutageView[];
  asOf: string;
}
