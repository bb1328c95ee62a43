import {
  ANSWERED_TYPES,
  RESIDENT_STEP_LABELS,
  ResidentTicketView,
  TICKET_TYPE_LABELS,
  TicketEventKind,
  TicketStatus,
  TicketType,
  latestAnswer,
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
  employeeNo?: string | null;
}

/** While the job is under way the resident may call the technician (a leak especially). */
const CALLABLE: readonly TicketStatus[] = [TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite];

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

/**
 * A resident has confirmed the work during the current visit: since the technician last arrived
 * (or the ticket was last taken back to 受理, for types without a visit). A confirmation given on
 * site before the resolution counts for it (docs/domain.md#charges); a reopened ticket asks again.
 */
export function confirmedInVisit(events: TicketEvent[]): boolean {
  const since = Math.max(lastMoveInto(events, TicketStatus.OnSite), lastMoveInto(events, TicketStatus.Accepted));
  return events.slice(since + 1).some((e) => e.kind === TicketEventKind.ResidentConfirmed);
}

/** The resident's view: their words for each step, no staff internals, the technician by surname and masked phone. */
export function toResidentTicketView(
  t: Ticket,
  events: TicketEvent[],
  technician: ResidentFacingTechnician | null,
): ResidentTicketView {
  const step = residentStepOf(t.status);
  const resolved = t.status === TicketStatus.Resolved;
  // The technician on site asks the resident to confirm in the app before recording the result.
  const confirmable = resolved || t.status === TicketStatus.OnSite;
  const callable = CALLABLE.includes(t.status);
  // A question's answer is checked with 已解决 / 未解决 (answerCheck), not "not fixed".
  const answered = ANSWERED_TYPES.has(t.type);
  const answer = answered ? latestAnswer(events) : null;
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
      ? {
          surname: technician.name.slice(0, 1),
          phone: technician.phone ? maskPhone(technician.phone) : null,
          dialPhone: callable ? (technician.phone ?? null) : null,
          employeeNo: technician.employeeNo ?? null,
        }
      : null,
    eta: etaOf(t, events),
    windowStart: t.windowStart ? t.windowStart.toISOString() : null,
    windowEnd: t.windowEnd ? t.windowEnd.toISOString() : null,
    canCancel: t.status === TicketStatus.Submitted || t.status === TicketStatus.Accepted,
    canConfirm: confirmable && !confirmedInVisit(events),
    canReportNotFixed: resolved && !answered,
    ...(answered
      ? {
          answer: answer && {
            text: answer.text,
            articleId: answer.articleId,
            at: answer.at.toISOString(),
            canCheck: resolved && t.type === TicketType.Consultation,
          },
        }
      : {}),
    timeline: events.flatMap((e) => {
      const s = residentStepForEvent(e.kind, e.fromStatus, e.toStatus);
      return s ? [{ at: e.at.toISOString(), step: s, label: RESIDENT_STEP_LABELS[s] }] : [];
    }),
  };
}
