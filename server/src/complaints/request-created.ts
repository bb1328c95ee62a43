import { ClockKind, FeedbackRequestCreated, TICKET_TYPE_LABELS } from '@utility/shared';
import { TicketReader } from '../tickets/ticket-reader.service';

/** What a creation endpoint answers: the number and the deadline promised (resolve clock, else an application's decision, a question's answer). */
export async function requestCreated(
  reader: TicketReader,
  ticketId: number,
  anonymous: boolean,
): Promise<FeedbackRequestCreated> {
  const t = await reader.byId(ticketId);
  const clocks = await reader.clocksOf([t.id]);
  const due =
    clocks.find((c) => c.kind === ClockKind.Resolve) ??
    clocks.find((c) => c.kind === ClockKind.Decision) ??
    clocks.find((c) => c.kind === ClockKind.Answer) ??
    clocks.find((c) => c.kind === ClockKind.Respond);
  return {
    ticketId: t.id,
    no: t.no ?? String(t.id),
    type: t.type,
    typeLabel: TICKET_TYPE_LABELS[t.type],
    status: t.status,
    resolveBy: due?.dueAt.toISOString() ?? null,
    anonymous,
  };
}
