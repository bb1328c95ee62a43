import { TicketStatus, TicketType, type FieldJobView } from '@utility/shared';

/** The one thing to do next on a job, shown as the single primary button. */
export type JobStep = 'accept' | 'depart' | 'arrive' | 'resolve';

export const STEP_LABELS: Record<JobStep, string> = {
  accept: '接单',
  depart: '出发',
  arrive: '到达现场',
  resolve: '处理',
};

/** 接单 → 出发 → 到达 → 处理; nothing once the job is resolved or handed back. */
export function nextStep(job: Pick<FieldJobView, 'status' | 'accepted'>): JobStep | null {
  switch (job.status) {
    case TicketStatus.Assigned:
      return job.accepted ? 'depart' : 'accept';
    case TicketStatus.EnRoute:
      return 'arrive';
    case TicketStatus.OnSite:
      return 'resolve';
    default:
      return null;
  }
}

/** The server takes a hand-over while the job is the technician's and not yet resolved. */
export function canHandOver(job: Pick<FieldJobView, 'status'>): boolean {
  return (
    job.status === TicketStatus.Assigned || job.status === TicketStatus.EnRoute || job.status === TicketStatus.OnSite
  );
}

/** Arrival estimates offered (minutes; the server takes 1–240). */
export const ETA_CHOICES = [10, 15, 20, 30, 45, 60, 90, 120, 180, 240] as const;

/** A leak must be reached within 30 minutes (docs/domain.md#ticket-types), so its estimate starts lower. */
export function defaultEta(job: Pick<FieldJobView, 'type'>): number {
  return job.type === TicketType.Leak ? 20 : 30;
}

/** How the job reads in the list and on its page: the status, or 待接单 before 接单. */
export function jobStatusLabel(job: Pick<FieldJobView, 'status' | 'accepted'>): string {
  switch (job.status) {
    case TicketStatus.Assigned:
      return job.accepted ? '已接单' : '待接单';
    case TicketStatus.EnRoute:
      return '在路上';
    case TicketStatus.OnSite:
      return '已到场';
    case TicketStatus.Resolved:
      return '已处理';
    case TicketStatus.Accepted:
      return '已退回队列';
    default:
      return job.status;
  }
}
