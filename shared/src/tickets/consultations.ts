import { ErrorCode } from '../errors';
import { TicketEventKind, TicketStatus, TicketType } from './ticket-codes';

/**
 * Types an agent answers in words rather than work (docs/domain.md#consultations): the answer
 * clock runs until POST /api/tickets/:id/answer, and the answer resolves the ticket.
 */
export const ANSWERED_TYPES: ReadonlySet<TicketType> = new Set([TicketType.Consultation, TicketType.Suggestion]);

/** Statuses an answer may be given in: open, not yet answered (a reopened one is open again). */
const ANSWERABLE: ReadonlySet<TicketStatus> = new Set([
  TicketStatus.Submitted,
  TicketStatus.Accepted,
  TicketStatus.Assigned,
]);

/** Why an answer is refused, or null: only a consultation or suggestion, and only while open. */
export function answerProblem(type: TicketType, status: TicketStatus): ErrorCode | null {
  if (!ANSWERED_TYPES.has(type)) return ErrorCode.NotAnswerable;
  if (!ANSWERABLE.has(status)) return ErrorCode.TransitionNotAllowed;
  return null;
}

/**
 * The resident's satisfaction check of an answer (已解决 / 未解决): asked of a consultation once
 * answered (resolved). Solved closes it; unsolved reopens it (受理, a fresh answer clock).
 */
export function answerJudgement(
  type: TicketType,
  status: TicketStatus,
  solved: boolean,
): { to: TicketStatus } | { refused: ErrorCode } {
  if (type !== TicketType.Consultation) return { refused: ErrorCode.NotAnswerable };
  if (status !== TicketStatus.Resolved) return { refused: ErrorCode.TransitionNotAllowed };
  return { to: solved ? TicketStatus.Closed : TicketStatus.Accepted };
}

export interface AnswerEvent {
  kind: TicketEventKind | string;
  note?: string | null;
  at: Date;
  data?: Record<string, unknown> | null;
}

/** The answer the resident reads: the latest answer on the timeline (a reopened one is answered again). */
export function latestAnswer(
  events: readonly AnswerEvent[],
): { text: string; articleId: number | null; at: Date } | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.kind !== TicketEventKind.Answered) continue;
    const articleId = e.data?.articleId;
    return { text: e.note ?? '', articleId: typeof articleId === 'number' ? articleId : null, at: e.at };
  }
  return null;
}
