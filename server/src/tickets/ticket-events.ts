import { TicketEventKind, TicketStatus } from '@utility/shared';
import { insertRows } from '../common/plain-insert';
import { Actor } from '../common/principal';
import { EventData, TicketEvent } from './ticket-event.entity';
import { openTransaction } from '../common/db';

export interface EventInput {
  kind: TicketEventKind;
  actor: Actor | null;
  at: Date;
  from?: TicketStatus | null;
  to?: TicketStatus | null;
  note?: string | null;
  data?: EventData | null;
}

/** Appends to the timeline inside the caller's transaction; there is no update or delete. */
export async function appendEvents(ticketId: number, events: EventInput[]): Promise<void> {
  const em = openTransaction();
  if (!events.length) return;
  const rows = events.map((e) => ({
    ticketId,
    kind: e.kind,
    at: e.at,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    actorRole: e.actor?.role ?? null,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    note: e.note ?? null,
    data: e.data ?? null,
  }));
  await insertRows(em, TicketEvent, rows);
}

/** The assignee acknowledged the job (接单) after it was last given to someone. */
export function acceptedSinceAssigned(events: Pick<TicketEvent, 'kind'>[]): boolean {
  let accepted = false;
  for (const e of events) {
    if (e.kind === TicketEventKind.Assigned || e.kind === TicketEventKind.Claimed) accepted = false;
    else if (e.kind === TicketEventKind.JobAccepted) accepted = true;
  }
  return accepted;
}
