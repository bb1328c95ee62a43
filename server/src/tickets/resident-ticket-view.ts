import {
  RESIDENT_STEP_LABELS, ResidentTicketView, TICKET_TYPE_LABELS, TicketStatus, residentStepForEvent, residentStepOf,
} from '@utility/shared';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

/** The resident's view: their words for each step, no staff internals, the technician by surname. */
export function toResidentTicketView(t: Ticket, events: TicketEvent[], technicianName: string | null): ResidentTicketView {
  const step = residentStepOf(t.status);
  return {
    id: t.id,
    no: t.no ?? String(t.id),
    type: t.type,
    typeLabel: TICKET_TYPE_LABELS[t.type],
    step,
    stepLabel: RESIDENT_STEP_LABELS[step],
    accountNo: t.accountNo,
    address: t.address,
    description: t.description,
    createdAt: t.createdAt.toISOString(),
    technician: technicianName ? { surname: technicianName.slice(0, 1) } : null,
    canCancel: t.status === TicketStatus.Submitted || t.status === TicketStatus.Accepted,
    timeline: events.flatMap((e) => {
      const s = residentStepForEvent(e.kind, e.fromStatus, e.toStatus);
      return s ? [{ at: e.at.toISOString(), step: s, label: RESIDENT_STEP_LABELS[s] }] : [];
    }),
  };
}
