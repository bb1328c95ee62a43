import { TicketEventKind, TicketStatus } from './ticket-codes';

/** A ticket's progress as the resident reads it (不是内部状态). */
export enum ResidentStep {
  Submitted = 'submitted',
  Accepted = 'accepted',
  Dispatched = 'dispatched',
  OnTheWay = 'on_the_way',
  Arrived = 'arrived',
  Done = 'done',
  ToRate = 'to_rate',
  Reopened = 'reopened',
  Cancelled = 'cancelled',
  Confirmed = 'confirmed',
  /** Late on site: the resident is told the new expected time (003 §九(五)). */
  Delayed = 'delayed',
  QuoteSent = 'quote_sent',
  QuoteAccepted = 'quote_accepted',
}

export const RESIDENT_STEP_LABELS: Record<ResidentStep, string> = {
  [ResidentStep.Submitted]: '已提交',
  [ResidentStep.Accepted]: '已受理',
  [ResidentStep.Dispatched]: '已派单',
  [ResidentStep.OnTheWay]: '师傅在路上',
  [ResidentStep.Arrived]: '已到达',
  [ResidentStep.Done]: '已完成',
  [ResidentStep.ToRate]: '待评价',
  [ResidentStep.Reopened]: '已重新受理',
  [ResidentStep.Cancelled]: '已取消',
  [ResidentStep.Confirmed]: '已确认完成',
  [ResidentStep.Delayed]: '上门延误',
  [ResidentStep.QuoteSent]: '报价已发送',
  [ResidentStep.QuoteAccepted]: '用户已同意报价',
};

/** Where the ticket stands now; a resolved ticket waits for the resident's rating. */
export function residentStepOf(status: TicketStatus): ResidentStep {
  switch (status) {
    case TicketStatus.Submitted:
      return ResidentStep.Submitted;
    case TicketStatus.Accepted:
      return ResidentStep.Accepted;
    case TicketStatus.Assigned:
      return ResidentStep.Dispatched;
    case TicketStatus.EnRoute:
      return ResidentStep.OnTheWay;
    case TicketStatus.OnSite:
      return ResidentStep.Arrived;
    case TicketStatus.Resolved:
      return ResidentStep.ToRate;
    case TicketStatus.Closed:
      return ResidentStep.Done;
    case TicketStatus.Cancelled:
      return ResidentStep.Cancelled;
  }
}

/**
 * The timeline line an event shows the resident, or null for internal events
 * (routing, clocks, escalations, hand-backs between staff).
 */
export function residentStepForEvent(
  kind: TicketEventKind,
  from: TicketStatus | null,
  to: TicketStatus | null,
): ResidentStep | null {
  if (kind === TicketEventKind.Created) return ResidentStep.Submitted;
  if (kind === TicketEventKind.ResidentConfirmed) return ResidentStep.Confirmed;
  if (kind === TicketEventKind.Delayed) return ResidentStep.Delayed;
  if (kind === TicketEventKind.QuoteSent) return ResidentStep.QuoteSent;
  if (kind === TicketEventKind.QuoteAccepted) return ResidentStep.QuoteAccepted;
  if (kind === TicketEventKind.Claimed || kind === TicketEventKind.Assigned) {
    return from === TicketStatus.Assigned || from === TicketStatus.EnRoute || from === TicketStatus.OnSite
      ? null
      : ResidentStep.Dispatched;
  }
  if (kind !== TicketEventKind.Transition || !to) return null;
  switch (to) {
    case TicketStatus.Accepted:
      if (from === TicketStatus.Submitted) return ResidentStep.Accepted;
      return from === TicketStatus.Resolved || from === TicketStatus.Closed ? ResidentStep.Reopened : null;
    case TicketStatus.EnRoute:
      return ResidentStep.OnTheWay;
    case TicketStatus.OnSite:
      return ResidentStep.Arrived;
    case TicketStatus.Resolved:
      return ResidentStep.Done;
    case TicketStatus.Cancelled:
      return ResidentStep.Cancelled;
    default:
      return null;
  }
}
