/**
 * The name of every background job, as `JOBS=…` spells it (docs/architecture.md#jobs). Each is bound to
 * one service method by `@BackgroundJob(name)`; its interval is in job-schedule.ts.
 */
export const JOB_NAMES = [
  'sla-sweep',
  'notice-worker',
  'return-visit-planner',
  'inspection-reminders',
  'payment-sweep',
  'invoice-sweep',
  'reconciliation',
  'monthly-reports',
  'bill-alerts',
  'stop-supply',
  'upload-sweep',
  'platform-certificates',
  'staff-notice-worker',
  'dispatch-watch',
  'meter-delivery',
  'prepaid-warnings',
] as const;

export type JobName = (typeof JOB_NAMES)[number];

const isJobName = (v: string): v is JobName => (JOB_NAMES as readonly string[]).includes(v);

/**
 * `JOBS`: unset or `all` = every job; `off` = none; `a,b` = only those. Returns the jobs allowed to run,
 * or an error message naming what is wrong.
 */
export function parseJobsSetting(value: string | undefined): JobName[] | { error: string } {
  const v = value?.trim();
  if (v === undefined || v === 'all') return [...JOB_NAMES];
  if (v === 'off') return [];
  const names = v.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !isJobName(n));
  if (!v || unknown.length)
    return {
      error: `must be all, off, or a comma list of: ${JOB_NAMES.join(', ')}${unknown.length ? ` (unknown: ${unknown.map((n) => `"${n}"`).join(', ')})` : ''}`,
    };
  return JOB_NAMES.filter((n) => names.includes(n));
}
