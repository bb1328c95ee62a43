import { ErrorCode } from '../errors';
import { TicketStatus, TicketType } from '../tickets/ticket-codes';

/** docs/domain.md#ratings: repairs, emergencies, inspections, applications and complaints are rated; reports too (the reporter follows and rates them). */
export const RATED_TYPES: ReadonlySet<TicketType> = new Set([
  TicketType.Leak,
  TicketType.Repair,
  TicketType.RoomTemperature,
  TicketType.Inspection,
  TicketType.Application,
  TicketType.Complaint,
  TicketType.MisconductReport,
]);

export const RATING_WINDOW_DAYS = 7;

export function ratingClosesAt(resolvedAt: Date, days = RATING_WINDOW_DAYS): Date {
  return new Date(resolvedAt.getTime() + days * 86_400_000);
}

export interface RatingCheck {
  type: TicketType;
  status: TicketStatus;
  /** When the current resolution happened (null if never resolved). */
  resolvedAt: Date | null;
  /** A rating exists for the current resolution. */
  rated: boolean;
  now: Date;
}

/**
 * Why the resident may not rate now, or null when they may. A resolution is rated once; a
 * closed ticket (closed by its return visit) can still be rated within the window.
 */
export function ratingRefusal(c: RatingCheck, days = RATING_WINDOW_DAYS): ErrorCode | null {
  if (!RATED_TYPES.has(c.type) || !c.resolvedAt) return ErrorCode.NotRatable;
  if (c.status !== TicketStatus.Resolved && c.status !== TicketStatus.Closed) return ErrorCode.NotRatable;
  if (c.rated) return ErrorCode.AlreadyRated;
  if (c.now.getTime() > ratingClosesAt(c.resolvedAt, days).getTime()) return ErrorCode.RatingClosed;
  return null;
}
