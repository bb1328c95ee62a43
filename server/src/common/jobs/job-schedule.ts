import type { AppConfig } from '../config';
import { JobName } from './job-names';
import { ScheduledJob } from './job-runner';

export interface JobSchedule {
  /** The setting that turns it off with 0. */
  setting: keyof AppConfig;
  /** Seconds between runs; 0 = off. */
  everySeconds: (config: AppConfig) => number;
}

/** How often each job runs. Every `*_SECONDS` setting keeps its meaning (0 = off); JOBS can only turn jobs off. */
export const JOB_SCHEDULE: Record<JobName, JobSchedule> = {
  'sla-sweep': { setting: 'SLA_SWEEP_SECONDS', everySeconds: (c) => c.SLA_SWEEP_SECONDS },
  'notice-worker': { setting: 'NOTICE_WORKER_SECONDS', everySeconds: (c) => c.NOTICE_WORKER_SECONDS },
  'return-visit-planner': {
    setting: 'RETURN_VISIT_PLANNER_SECONDS',
    everySeconds: (c) => c.RETURN_VISIT_PLANNER_SECONDS,
  },
  'inspection-reminders': {
    setting: 'INSPECTION_REMINDER_SECONDS',
    everySeconds: (c) => c.INSPECTION_REMINDER_SECONDS,
  },
  'payment-sweep': { setting: 'PAYMENT_SWEEP_SECONDS', everySeconds: (c) => c.PAYMENT_SWEEP_SECONDS },
  // Invoices WeChat Pay never took, or whose notice never came: as often as the payment sweep.
  'invoice-sweep': { setting: 'PAYMENT_SWEEP_SECONDS', everySeconds: (c) => c.PAYMENT_SWEEP_SECONDS },
  // A check every 10 minutes; it reconciles once a day, after RECONCILE_AT_HOUR. Off with the payment sweep.
  reconciliation: { setting: 'PAYMENT_SWEEP_SECONDS', everySeconds: (c) => (c.PAYMENT_SWEEP_SECONDS ? 600 : 0) },
  'monthly-reports': { setting: 'REPORT_JOB_SECONDS', everySeconds: (c) => c.REPORT_JOB_SECONDS },
  'bill-alerts': { setting: 'BILL_ALERT_SECONDS', everySeconds: (c) => c.BILL_ALERT_SECONDS },
  // Long arrears are looked at as often as bill alerts; ARREARS_STOP_AFTER_DAYS=0 never applies for a stop.
  'stop-supply': {
    setting: 'ARREARS_STOP_AFTER_DAYS',
    everySeconds: (c) => (c.ARREARS_STOP_AFTER_DAYS ? c.BILL_ALERT_SECONDS : 0),
  },
  // Every 15 minutes; UPLOAD_ORPHAN_HOURS=0 keeps unattached photos, so nothing to sweep.
  'upload-sweep': { setting: 'UPLOAD_ORPHAN_HOURS', everySeconds: (c) => (c.UPLOAD_ORPHAN_HOURS ? 900 : 0) },
  // WeChat Pay's platform certificates, in certificate mode only (the job does nothing with a public key).
  'staff-notice-worker': {
    setting: 'STAFF_NOTICE_WORKER_SECONDS',
    everySeconds: (c) => c.STAFF_NOTICE_WORKER_SECONDS,
  },
  'dispatch-watch': { setting: 'DISPATCH_WATCH_SECONDS', everySeconds: (c) => c.DISPATCH_WATCH_SECONDS },
  'platform-certificates': {
    setting: 'WECHATPAY_CERT_REFRESH_SECONDS',
    everySeconds: (c) => c.WECHATPAY_CERT_REFRESH_SECONDS,
  },
  'meter-delivery': { setting: 'METER_DELIVERY_SECONDS', everySeconds: (c) => c.METER_DELIVERY_SECONDS },
  // Low-balance and valve-close warnings are planned as often as bill alerts.
  'prepaid-warnings': { setting: 'BILL_ALERT_SECONDS', everySeconds: (c) => c.BILL_ALERT_SECONDS },
};

/** The jobs this process runs: those JOBS allows whose interval is not 0, each with its method. */
export function scheduledJobs(
  bindings: ReadonlyMap<JobName, () => Promise<unknown>>,
  config: AppConfig,
): ScheduledJob[] {
  return [...bindings]
    .filter(([name]) => config.JOBS.includes(name))
    .map(([name, run]) => ({ name, run, everySeconds: JOB_SCHEDULE[name].everySeconds(config) }))
    .filter((job) => job.everySeconds > 0);
}
