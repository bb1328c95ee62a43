import {
  HAZARD_SEVERITY_LABELS,
  HAZARD_STATUS_LABELS,
  HazardStatus,
  HazardView,
  checklistLabel,
} from '@utility/shared';
import { Account } from '../accounts/account.entity';
import { Ticket } from '../tickets/ticket.entity';
import { ticketRef } from './booking-view';
import { Hazard } from './hazard.entity';

export function toHazardView(h: Hazard, account: Account, tickets: Ticket[], now: Date): HazardView {
  const ref = (id: number | null) => {
    const t = id ? tickets.find((x) => x.id === id) : undefined;
    return t ? ticketRef(t) : null;
  };
  const open = h.status === HazardStatus.Open;
  return {
    id: h.id,
    accountId: h.accountId,
    code: h.code,
    itemLabel: checklistLabel(account.utility, h.code),
    severity: h.severity,
    severityLabel: HAZARD_SEVERITY_LABELS[h.severity],
    note: h.note,
    advice: h.advice,
    deadline: h.deadline.toISOString(),
    overdue: open && h.deadline.getTime() < now.getTime(),
    status: h.status,
    statusLabel: HAZARD_STATUS_LABELS[h.status],
    photoIds: h.photoIds,
    foundAt: h.foundAt.toISOString(),
    closedAt: h.closedAt?.toISOString() ?? null,
    reinspectionTicket: open ? ref(h.reinspectionTicketId) : null,
    stopSupplyTicket: ref(h.stopSupplyTicketId),
  };
}

/** Open first, then the most recently found. */
export const hazardOrder = (a: Hazard, b: Hazard) =>
  (a.status === b.status ? 0 : a.status === HazardStatus.Open ? -1 : 1) ||
  b.foundAt.getTime() - a.foundAt.getTime() ||
  b.id - a.id;
