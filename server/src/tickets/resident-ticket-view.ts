import {
  RESIDENT_STEP_LABELS,
  ResidentTicketView,
  TICKET_TYPE_LABELS,
  TicketEventKind,
  TicketStatus,
  maskPhone,
  residentStepForEvent,
  residentStepOf,
} from '@utility/shared';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

/** Who works the ticket, as far as the resident may know them. */
export interface ResidentFacingTechnician {
  name: string;
  phone?: string | null;
}

/** Index of the last event that moved the ticket into `status`, or -1. */
function lastMoveInto(events: TicketEvent[], status: TicketStatus): number {
  for (let i = events.length - 1; i >= 0; i--)
    if (events[i].kind === TicketEventKind.Transition && events[i].toStatus === status) return i;
  return -1;
}

/** While the technician is on the way: the arrival time they gave when they set off. */
export function etaOf(t: Ticket, events: TicketEvent[]): string | null {
  if (t.status !== TicketStatus.EnRoute) return null;
  const departed = lastMoveInto(events, TicketStatus.EnRoute);
  const eta = events
    .slice(departed + 1)
    .filter((e) => e.kind === TicketEventKind.EtaSet)
    .pop()?.data?.eta;
  return typeof eta === 'string' ? eta : null;
}

/** A resident has confirmed the work since it was last resolved. */
export function confirmedSinceResolved(events: TicketEvent[]): boolean {
  const resolved = lastMoveInto(events, TicketStatus.Resolved);
  return resolved >= 0 && events.slice(resolved + 1).some((e) => e.kind === TicketEventKind.ResidentConfirmed);
}

/** The resident's view: their words for each step, no staff internals, the technician by surname and masked phone. */
export function toResidentTicketView(
  t: Ticket,
  events: TicketEvent[],
  technician: ResidentFacingTechnician | null,
): ResidentTicketView {
  const step = residentStepOf(t.status);
  const resolved = t.status === TicketStatus.Resolved;
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
    technician: technician
      ? { surname: technician.name.slice(0, 1), phone: technician.phone ? maskPhone(technician.phone) : null }
      : null,
    eta: etaOf(t, events),
    windowStart: t.windowStart ? t.windowStart.toISOString() : null,
    windowEnd: t.windowEnd ? t.windowEnd.toISOString() : null,
    canCancel: t.status === TicketStatus.Submitted || t.status === TicketStatus.Accepted,
    canConfirm: resolved && !confirmedSinceResolved(events),
    canReportNotFixed: resolved,
    timeline: events.flatMap((e) => {
      const s = residentStepForEvent(e.kind, e.fromStatus, e.toStatus);
      return s ? [{ at: e.at.toISOString(), step: s, label: RESIDENT_STEP_LABELS[s] }] : [];
    }),
  };
}
