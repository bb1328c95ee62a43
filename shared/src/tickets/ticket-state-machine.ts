import { ErrorCode } from '../errors';
import { Role } from '../org/roles';
import { TicketStatus, TicketType } from './ticket-codes';

/** Types whose work is a visit: only these go en_route and on_site (docs/domain.md#ticket-life). */
export const VISIT_TYPES: ReadonlySet<TicketType> = new Set([
  TicketType.Leak,
  TicketType.Repair,
  TicketType.RoomTemperature,
  TicketType.Inspection,
]);

/**
 * Field jobs (docs/domain.md#charges): their resolution is a recorded result — the resident's
 * signature or own confirmation in the app, and for chargeable work a quote the resident accepted
 * first — taken by the field-job flow (`POST /api/field/jobs/:id/resolve`), never a plain status move.
 */
export const FIELD_JOB_TYPES: ReadonlySet<TicketType> = new Set([
  TicketType.Leak,
  TicketType.Repair,
  TicketType.RoomTemperature,
]);

/** How a move is made: a plain status change, or as part of recording a field job's result. */
export type MoveMeans = 'plain' | 'job_result';

/** Who is asking; `isAssignee` is computed by the caller from the ticket's current assignee. */
export interface TransitionActor {
  role: Role;
  isAssignee: boolean;
}

/** A move is allowed to named roles, or to whoever works the ticket (plus supervisor/admin). */
type Who = { roles: readonly Role[] } | 'assignee';
type TypeScope = 'any' | 'visit' | 'non_visit';

interface Move {
  from: readonly TicketStatus[];
  to: TicketStatus;
  who: Who;
  types: TypeScope;
  /** A field job makes this move only with its recorded result (FIELD_JOB_TYPES). */
  fieldJobResult?: true;
}

const S = TicketStatus;
const R = Role;

/** Supervisors and admins may stand in for the assignee (absent, sick, unreachable). */
const OVERSEERS: readonly Role[] = [R.Supervisor, R.Admin];

/**
 * The whole plain-transition table. `assigned` is deliberately absent as a target:
 * it is reached only by claim/assign, which check queue eligibility elsewhere.
 * Cancel is only possible before assignment, so a technician already travelling is never
 * stood down by a click in the miniapp.
 */
const MOVES: readonly Move[] = [
  { from: [S.Submitted], to: S.Accepted, who: { roles: [R.Agent, R.Dispatcher, R.Supervisor, R.Admin] }, types: 'any' },
  {
    from: [S.Submitted, S.Accepted],
    to: S.Cancelled,
    who: { roles: [R.Resident, R.Agent, R.Supervisor, R.Admin] },
    types: 'any',
  },
  { from: [S.Assigned], to: S.EnRoute, who: 'assignee', types: 'visit' },
  // Visit-only as well: a non-visit ticket that is en_route (its type changed mid-visit) is handed back, not "arrived".
  { from: [S.EnRoute], to: S.OnSite, who: 'assignee', types: 'visit' },
  { from: [S.OnSite], to: S.Resolved, who: 'assignee', types: 'visit', fieldJobResult: true },
  // Desk work resolves straight from assigned; a visit must be recorded as on site first.
  { from: [S.Assigned], to: S.Resolved, who: 'assignee', types: 'non_visit' },
  // Hand back to the queue.
  { from: [S.Assigned, S.EnRoute, S.OnSite], to: S.Accepted, who: 'assignee', types: 'any' },
  { from: [S.Resolved], to: S.Closed, who: { roles: [R.Agent, R.Supervisor, R.Admin] }, types: 'any' },
  // Reopen, same ticket number. A resident can only object before the ticket is closed.
  { from: [S.Resolved], to: S.Accepted, who: { roles: [R.Resident, R.Agent, R.Supervisor, R.Admin] }, types: 'any' },
  { from: [S.Closed], to: S.Accepted, who: { roles: [R.Agent, R.Supervisor, R.Admin] }, types: 'any' },
];

const STATUS_ORDER: readonly TicketStatus[] = Object.values(TicketStatus);

function typeMatches(scope: TypeScope, type: TicketType): boolean {
  if (scope === 'any') return true;
  return (scope === 'visit') === VISIT_TYPES.has(type);
}

function actorMatches(who: Who, actor: TransitionActor): boolean {
  if (who === 'assignee') {
    // A resident is never an assignee, whatever the flag says.
    return (actor.isAssignee && actor.role !== R.Resident) || OVERSEERS.includes(actor.role);
  }
  return who.roles.includes(actor.role);
}

function movesFor(type: TicketType, from: TicketStatus): Move[] {
  return MOVES.filter((m) => m.from.includes(from) && typeMatches(m.types, type));
}

function meansMatches(move: Move, type: TicketType, means: MoveMeans): boolean {
  return !move.fieldJobResult || !FIELD_JOB_TYPES.has(type) || means === 'job_result';
}

/**
 * Statuses this actor may move the ticket to now, in lifecycle order (for the detail view's
 * buttons: a field job's 已处理 is not one of them, it is the job's result form).
 */
export function allowedTransitions(
  type: TicketType,
  from: TicketStatus,
  actor: TransitionActor,
  means: MoveMeans = 'plain',
): TicketStatus[] {
  const targets = new Set(
    movesFor(type, from)
      .filter((m) => actorMatches(m.who, actor) && meansMatches(m, type, means))
      .map((m) => m.to),
  );
  return STATUS_ORDER.filter((s) => targets.has(s));
}

/** Claiming is for tickets nobody works yet. */
export function canClaim(status: TicketStatus): boolean {
  return status === S.Submitted || status === S.Accepted;
}

/** Open tickets count in queues and run clocks. */
export function isOpen(status: TicketStatus): boolean {
  return status !== S.Resolved && status !== S.Closed && status !== S.Cancelled;
}

/**
 * `reason: 'status'` — nobody may make this move from this status (409 TRANSITION_NOT_ALLOWED);
 * `reason: 'actor'` — someone may, but not this actor (403 FORBIDDEN);
 * `reason: 'job_result'` — this actor may, but only by recording the field job's result (409 FIELD_JOB_RESULT_REQUIRED).
 */
export class TransitionError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly type: TicketType,
    readonly from: TicketStatus,
    readonly to: TicketStatus,
    readonly reason: 'status' | 'actor' | 'job_result',
  ) {
    super(
      reason === 'actor'
        ? `actor may not move a ${type} ticket from ${from} to ${to}`
        : reason === 'job_result'
          ? `${type} ticket: ${from} → ${to} is made by recording the job's result, not by a transition`
          : to === S.Assigned
            ? `${type} ticket: ${from} → assigned is done by claim or assign, not by a transition`
            : `${type} ticket cannot move from ${from} to ${to}`,
    );
    this.name = 'TransitionError';
    this.code =
      reason === 'actor'
        ? ErrorCode.Forbidden
        : reason === 'job_result'
          ? ErrorCode.FieldJobResultRequired
          : ErrorCode.TransitionNotAllowed;
  }
}

export function assertTransition(
  type: TicketType,
  from: TicketStatus,
  to: TicketStatus,
  actor: TransitionActor,
  means: MoveMeans = 'plain',
): void {
  if (allowedTransitions(type, from, actor, means).includes(to)) return;
  if (allowedTransitions(type, from, actor, 'job_result').includes(to))
    throw new TransitionError(type, from, to, 'job_result');
  const possibleForSomeone = movesFor(type, from).some((m) => m.to === to);
  throw new TransitionError(type, from, to, possibleForSomeone ? 'actor' : 'status');
}
