import { Role, TicketEventKind, TicketStatus } from '@utility/shared';
import { TicketEventSnapshot } from '../tickets/ticket-snapshot';

export interface Resolution {
  /** 1 for the first time the work was resolved, 2 after a reopen and a second resolution… 0 if never. */
  number: number;
  resolvedAt: Date | null;
  /** The staff member who resolved it (who did the work), null when the system did. */
  resolvedById: number | null;
}

/** The latest resolution in a timeline (oldest event first), optionally only up to an event. */
export function resolutionOf(
  events: readonly TicketEventSnapshot[],
  uptoEventId = Number.MAX_SAFE_INTEGER,
): Resolution {
  const resolved = events.filter(
    (e) => e.id <= uptoEventId && e.kind === TicketEventKind.Transition && e.toStatus === TicketStatus.Resolved,
  );
  const last = resolved[resolved.length - 1];
  if (!last) return { number: 0, resolvedAt: null, resolvedById: null };
  const byStaff = last.actorRole !== null && last.actorRole !== Role.Resident;
  return { number: resolved.length, resolvedAt: last.at, resolvedById: byStaff ? last.actorId : null };
}
