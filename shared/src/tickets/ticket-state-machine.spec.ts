import { ErrorCode } from '../errors';
import { Role } from '../org/roles';
import { TicketStatus as S, TicketType as T } from './ticket-codes';
import {
  allowedTransitions,
  assertTransition,
  canClaim,
  isOpen,
  TransitionActor,
  FIELD_JOB_TYPES,
  TransitionError,
  VISIT_TYPES,
} from './ticket-state-machine';

const A = {
  resident: { role: Role.Resident, isAssignee: false },
  residentFlagged: { role: Role.Resident, isAssignee: true },
  agent: { role: Role.Agent, isAssignee: false },
  agentAssignee: { role: Role.Agent, isAssignee: true },
  dispatcher: { role: Role.Dispatcher, isAssignee: false },
  technician: { role: Role.Technician, isAssignee: false },
  techAssignee: { role: Role.Technician, isAssignee: true },
  inspectorAssignee: { role: Role.Inspector, isAssignee: true },
  supervisor: { role: Role.Supervisor, isAssignee: false },
  admin: { role: Role.Admin, isAssignee: false },
} satisfies Record<string, TransitionActor>;
type ActorName = keyof typeof A;

/** Full matrix: every actor listed for every status; an actor not listed may do nothing. */
type Matrix = Record<S, Partial<Record<ActorName, S[]>>>;

const SHARED_ENDS = {
  [S.Submitted]: {
    resident: [S.Cancelled],
    residentFlagged: [S.Cancelled],
    agent: [S.Accepted, S.Cancelled],
    agentAssignee: [S.Accepted, S.Cancelled],
    dispatcher: [S.Accepted],
    supervisor: [S.Accepted, S.Cancelled],
    admin: [S.Accepted, S.Cancelled],
  },
  [S.Accepted]: {
    resident: [S.Cancelled],
    residentFlagged: [S.Cancelled],
    agent: [S.Cancelled],
    agentAssignee: [S.Cancelled],
    supervisor: [S.Cancelled],
    admin: [S.Cancelled],
  },
  [S.Resolved]: {
    resident: [S.Accepted],
    residentFlagged: [S.Accepted],
    agent: [S.Accepted, S.Closed],
    agentAssignee: [S.Accepted, S.Closed],
    supervisor: [S.Accepted, S.Closed],
    admin: [S.Accepted, S.Closed],
  },
  [S.Closed]: {
    agent: [S.Accepted],
    agentAssignee: [S.Accepted],
    supervisor: [S.Accepted],
    admin: [S.Accepted],
  },
  [S.Cancelled]: {},
};

/** A field job as a plain transition: on site it can only be handed back (resolving is the job's result). */
const FIELD_JOB_MATRIX: Matrix = {
  ...SHARED_ENDS,
  [S.Assigned]: {
    techAssignee: [S.Accepted, S.EnRoute],
    inspectorAssignee: [S.Accepted, S.EnRoute],
    agentAssignee: [S.Accepted, S.EnRoute],
    supervisor: [S.Accepted, S.EnRoute],
    admin: [S.Accepted, S.EnRoute],
  },
  [S.EnRoute]: {
    techAssignee: [S.Accepted, S.OnSite],
    inspectorAssignee: [S.Accepted, S.OnSite],
    agentAssignee: [S.Accepted, S.OnSite],
    supervisor: [S.Accepted, S.OnSite],
    admin: [S.Accepted, S.OnSite],
  },
  [S.OnSite]: {
    techAssignee: [S.Accepted],
    inspectorAssignee: [S.Accepted],
    agentAssignee: [S.Accepted],
    supervisor: [S.Accepted],
    admin: [S.Accepted],
  },
};

/** An inspection (a visit, not a field job) and a field job recording its result: on site, resolved too. */
const VISIT_MATRIX: Matrix = {
  ...FIELD_JOB_MATRIX,
  [S.OnSite]: {
    techAssignee: [S.Accepted, S.Resolved],
    inspectorAssignee: [S.Accepted, S.Resolved],
    agentAssignee: [S.Accepted, S.Resolved],
    supervisor: [S.Accepted, S.Resolved],
    admin: [S.Accepted, S.Resolved],
  },
};

const DESK_MATRIX: Matrix = {
  ...SHARED_ENDS,
  [S.Assigned]: {
    techAssignee: [S.Accepted, S.Resolved],
    inspectorAssignee: [S.Accepted, S.Resolved],
    agentAssignee: [S.Accepted, S.Resolved],
    supervisor: [S.Accepted, S.Resolved],
    admin: [S.Accepted, S.Resolved],
  },
  // Only reachable if the type changed mid-visit: the ticket can only be handed back.
  [S.EnRoute]: {
    techAssignee: [S.Accepted],
    inspectorAssignee: [S.Accepted],
    agentAssignee: [S.Accepted],
    supervisor: [S.Accepted],
    admin: [S.Accepted],
  },
  [S.OnSite]: {
    techAssignee: [S.Accepted],
    inspectorAssignee: [S.Accepted],
    agentAssignee: [S.Accepted],
    supervisor: [S.Accepted],
    admin: [S.Accepted],
  },
};

function rows(type: T, matrix: Matrix): [T, S, ActorName, S[]][] {
  const out: [T, S, ActorName, S[]][] = [];
  for (const from of Object.values(S)) {
    for (const name of Object.keys(A) as ActorName[]) {
      out.push([type, from, name, matrix[from][name] ?? []]);
    }
  }
  return out;
}

describe('allowedTransitions', () => {
  it.each([
    ...rows(T.Repair, FIELD_JOB_MATRIX),
    ...rows(T.Inspection, VISIT_MATRIX),
    ...rows(T.Complaint, DESK_MATRIX),
  ])('%s from %s as %s → %j', (type, from, actor, expected) => {
    expect(allowedTransitions(type, from, A[actor])).toEqual(expected);
  });

  it.each([...rows(T.Leak, VISIT_MATRIX), ...rows(T.Complaint, DESK_MATRIX)])(
    '%s from %s as %s recording the job result → %j',
    (type, from, actor, expected) => {
      expect(allowedTransitions(type, from, A[actor], 'job_result')).toEqual(expected);
    },
  );

  it.each(Object.values(T).map((t) => [t, VISIT_TYPES.has(t)] as const))(
    '%s: assignee on assigned (visit=%s)',
    (type, visit) => {
      expect(allowedTransitions(type, S.Assigned, A.techAssignee)).toEqual(
        visit ? [S.Accepted, S.EnRoute] : [S.Accepted, S.Resolved],
      );
    },
  );

  it('never offers assigned, whoever asks', () => {
    for (const type of Object.values(T))
      for (const from of Object.values(S))
        for (const actor of Object.values(A)) expect(allowedTransitions(type, from, actor)).not.toContain(S.Assigned);
  });
});

describe('FIELD_JOB_TYPES', () => {
  it('is the visits other than inspections', () => {
    expect([...FIELD_JOB_TYPES].sort()).toEqual([T.Leak, T.Repair, T.RoomTemperature].sort());
  });
});

describe('VISIT_TYPES', () => {
  it('is exactly the four field types', () => {
    expect([...VISIT_TYPES].sort()).toEqual([T.Inspection, T.Leak, T.Repair, T.RoomTemperature].sort());
  });
});

describe('assertTransition', () => {
  it.each<[T, S, S, ActorName]>([
    [T.Leak, S.Submitted, S.Accepted, 'dispatcher'],
    [T.Leak, S.Assigned, S.EnRoute, 'techAssignee'],
    [T.Billing, S.Assigned, S.Resolved, 'agentAssignee'],
    [T.Complaint, S.Closed, S.Accepted, 'supervisor'],
    [T.Repair, S.Resolved, S.Accepted, 'resident'],
    [T.Inspection, S.OnSite, S.Resolved, 'inspectorAssignee'],
  ])('%s %s → %s as %s passes', (type, from, to, actor) => {
    expect(() => assertTransition(type, from, to, A[actor])).not.toThrow();
  });

  it.each([T.Repair, T.Leak, T.RoomTemperature])('%s on site → resolved passes only with the job result', (type) => {
    expect(() => assertTransition(type, S.OnSite, S.Resolved, A.techAssignee, 'job_result')).not.toThrow();
  });

  it.each<[T, S, S, ActorName, 'status' | 'actor' | 'job_result', ErrorCode]>([
    // A field job is resolved by its recorded result, whoever asks for a plain move (no staff-only bypass).
    [T.Repair, S.OnSite, S.Resolved, 'techAssignee', 'job_result', ErrorCode.FieldJobResultRequired],
    [T.Leak, S.OnSite, S.Resolved, 'supervisor', 'job_result', ErrorCode.FieldJobResultRequired],
    [T.RoomTemperature, S.OnSite, S.Resolved, 'admin', 'job_result', ErrorCode.FieldJobResultRequired],
    [T.Repair, S.OnSite, S.Resolved, 'technician', 'actor', ErrorCode.Forbidden],
    // Someone could, but not this actor.
    [T.Repair, S.Assigned, S.EnRoute, 'technician', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Assigned, S.EnRoute, 'residentFlagged', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Assigned, S.Accepted, 'dispatcher', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Submitted, S.Accepted, 'resident', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Submitted, S.Accepted, 'technician', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Accepted, S.Cancelled, 'dispatcher', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Closed, S.Accepted, 'resident', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Resolved, S.Closed, 'resident', 'actor', ErrorCode.Forbidden],
    [T.Repair, S.Resolved, S.Closed, 'dispatcher', 'actor', ErrorCode.Forbidden],
    [T.Complaint, S.Assigned, S.Resolved, 'agent', 'actor', ErrorCode.Forbidden],
    // Nobody could.
    [T.Repair, S.Assigned, S.Cancelled, 'resident', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.EnRoute, S.Cancelled, 'admin', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Accepted, S.Assigned, 'dispatcher', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Accepted, S.Resolved, 'admin', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Assigned, S.Resolved, 'techAssignee', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Assigned, S.OnSite, 'techAssignee', 'status', ErrorCode.TransitionNotAllowed],
    [T.Complaint, S.Assigned, S.EnRoute, 'agentAssignee', 'status', ErrorCode.TransitionNotAllowed],
    [T.Complaint, S.EnRoute, S.OnSite, 'supervisor', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Cancelled, S.Accepted, 'admin', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Closed, S.Resolved, 'admin', 'status', ErrorCode.TransitionNotAllowed],
    [T.Repair, S.Submitted, S.Submitted, 'admin', 'status', ErrorCode.TransitionNotAllowed],
  ])('%s %s → %s as %s is refused (%s)', (type, from, to, actor, reason, code) => {
    let caught: unknown;
    try {
      assertTransition(type, from, to, A[actor]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TransitionError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: 'TransitionError', type, from, to, reason, code });
  });

  it('explains that assigned comes from claim/assign', () => {
    expect(() => assertTransition(T.Repair, S.Accepted, S.Assigned, A.admin)).toThrow(/claim or assign/);
  });
});

describe('canClaim / isOpen', () => {
  it.each<[S, boolean, boolean]>([
    [S.Submitted, true, true],
    [S.Accepted, true, true],
    [S.Assigned, false, true],
    [S.EnRoute, false, true],
    [S.OnSite, false, true],
    [S.Resolved, false, false],
    [S.Closed, false, false],
    [S.Cancelled, false, false],
  ])('%s: canClaim %s, isOpen %s', (status, claim, open) => {
    expect(canClaim(status)).toBe(claim);
    expect(isOpen(status)).toBe(open);
  });
});
