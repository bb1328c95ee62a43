import {
  FAULT_CATEGORY_LABELS,
  FieldJobView,
  PRIORITY_RANK,
  TICKET_TYPE_LABELS,
  TicketPhotoView,
  TicketView,
} from '@utility/shared';
import { etaOf } from '../tickets/resident-ticket-view';
import { acceptedSinceAssigned } from '../tickets/ticket-events';
import { TicketEvent } from '../tickets/ticket-event.entity';
import { Ticket } from '../tickets/ticket.entity';
import { RepairRequest } from './repair-request.entity';

// The on-call chain (tickets module) needs it too: it lives beside the timeline.
export { acceptedSinceAssigned } from '../tickets/ticket-events';

export function toFieldJobView(
  ticket: Ticket,
  view: TicketView,
  request: RepairRequest | null,
  events: TicketEvent[],
  photos: TicketPhotoView[] = [],
): FieldJobView {
  return {
    id: view.id,
    no: view.no,
    type: view.type,
    typeLabel: TICKET_TYPE_LABELS[view.type],
    status: view.status,
    priority: view.priority,
    accountNo: view.accountNo,
    address: view.address,
    contactName: view.contactName,
    // Masked by toTicketView; the full number only through the logged reveal-phone.
    contactPhone: view.contactPhone,
    description: view.description,
    category: request?.category ?? null,
    categoryLabel: request ? FAULT_CATEGORY_LABELS[request.category] : null,
    window:
      request?.windowStart && request.windowEnd
        ? { start: request.windowStart.toISOString(), end: request.windowEnd.toISOString() }
        : null,
    accepted: acceptedSinceAssigned(events),
    eta: etaOf(ticket, events),
    createdAt: view.createdAt,
    deadlines: view.deadlines,
    clocks: view.clocks,
    photos,
  };
}

/** The earliest deadline still running, or Infinity. */
const nextDue = (job: FieldJobView) =>
  Math.min(...job.clocks.filter((c) => !c.stoppedAt).map((c) => Date.parse(c.dueAt)), Number.POSITIVE_INFINITY);

/** Work order in the field: highest priority first, then the deadline that runs out first, then the oldest. */
export function inWorkOrder(jobs: FieldJobView[]): FieldJobView[] {
  return [...jobs].sort(
    (a, b) =>
      PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] ||
      nextDue(a) - nextDue(b) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      a.id - b.id,
  );
}
