import { Channel, ClockKind, TicketStatus, TicketType } from '../tickets/ticket-codes';
import { Role } from '../org/roles';
import { ReportWindow, TransitionFact } from './report-facts';

/** October 2026 in Shanghai, generated on 3 November: the window every section table uses. */
export const OCTOBER: ReportWindow = {
  start: new Date('2026-09-30T16:00:00Z'),
  end: new Date('2026-10-31T16:00:00Z'),
  asOf: new Date('2026-11-03T00:00:00Z'),
};

/** A Shanghai wall time in October 2026 ('10-05 09:00') as an instant. */
export const sh = (wall: string): Date => new Date(`2026-${wall.slice(0, 5)}T${wall.slice(6)}:00+08:00`);

export const resolvedBy = (
  ticketId: number,
  actorId: number | null,
  at: Date,
  actorRole: Role | null = Role.Technician,
): TransitionFact => ({
  ticketId,
  toStatus: TicketStatus.Resolved,
  actorId,
  actorRole,
  at,
});

export { Channel, ClockKind, Role, TicketStatus, TicketType };
