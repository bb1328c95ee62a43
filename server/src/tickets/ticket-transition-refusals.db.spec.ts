import { ErrorCode } from '@utility/shared';
import type { Response } from 'supertest';
import { call, createTicket, expectRefused, login, ticketState, transition } from '../testing/api-fixtures';
import { resolveFieldJob } from '../testing/field-job-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * POST /api/tickets/:id/transition refusals: a move nobody may make now is 409, a move someone
 * else may make is 403; either way the ticket and its timeline stay as they were.
 */
describe('moves that are refused', () => {
  let t: TestApp;
  let agent: string;
  let tech1: string;
  beforeAll(async () => {
    t = await startTestApp();
    [agent, tech1] = await Promise.all([login(t, 'agent1'), login(t, 'tech1')]);
  });
  afterAll(() => t.close());

  /** A repair in the given status, worked by tech1 from `assigned` on. */
  async function repairIn(status: string, overrides: Record<string, unknown> = {}): Promise<number> {
    const ticket = await createTicket(
      t,
      agent,
      call({ channel: status === 'submitted' ? 'miniapp' : 'phone', ...overrides }),
    );
    if (status === 'submitted' || status === 'accepted') return ticket.id;
    if (status === 'cancelled') {
      await transition(t, agent, ticket.id, 'cancelled').expect(200);
      return ticket.id;
    }
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1).expect(200);
    for (const step of ['en_route', 'on_site', 'resolved', 'closed']) {
      if (status === 'assigned') break;
      // A repair is resolved with its result (the resident's signature), not by a transition.
      if (step === 'resolved') await resolveFieldJob(t, tech1, ticket.id);
      else await transition(t, step === 'closed' ? agent : tech1, ticket.id, step).expect(200);
      if (step === status) break;
    }
    return ticket.id;
  }

  async function expectUnchanged(id: number, attempt: () => Promise<Response>, status: number, code: ErrorCode) {
    const before = await ticketState(t, id);
    expectRefused(await attempt(), status, code);
    expect(await ticketState(t, id)).toEqual(before);
  }

  it.each([
    ['submitted', 'en_route', 'agent1'],
    ['accepted', 'on_site', 'supervisor1'],
    ['accepted', 'resolved', 'admin'],
    ['accepted', 'assigned', 'supervisor1'],
    ['assigned', 'on_site', 'tech1'],
    ['assigned', 'resolved', 'tech1'],
    ['assigned', 'cancelled', 'supervisor1'],
    ['en_route', 'closed', 'admin'],
    ['on_site', 'cancelled', 'admin'],
    ['resolved', 'on_site', 'tech1'],
    ['closed', 'resolved', 'admin'],
    ['cancelled', 'accepted', 'admin'],
    ['accepted', 'accepted', 'admin'],
  ])('refuses %s → %s (asked by %s) with 409 TRANSITION_NOT_ALLOWED', async (from, to, username) => {
    const id = await repairIn(from);
    const auth = await login(t, username);
    await expectUnchanged(id, () => transition(t, auth, id, to), 409, ErrorCode.TransitionNotAllowed);
  });

  it.each([
    ['assigned', 'en_route', 'tech2', 'only the assignee travels'],
    ['on_site', 'resolved', 'tech2', 'only the assignee reports it fixed'],
    ['assigned', 'accepted', 'dispatcher1', 'only the assignee hands it back'],
    ['resolved', 'closed', 'tech1', 'a technician does not close their own work'],
    ['accepted', 'cancelled', 'tech1', "a technician does not cancel a resident's request"],
    ['submitted', 'accepted', 'tech1', 'accepting a request is desk work'],
    ['resolved', 'accepted', 'dispatcher1', 'reopening is for agents and supervisors'],
  ])('refuses %s → %s by %s with 403 FORBIDDEN (%s)', async (from, to, username, _why) => {
    const id = await repairIn(from);
    const auth = await login(t, username);
    await expectUnchanged(id, () => transition(t, auth, id, to), 403, ErrorCode.Forbidden);
  });

  it.each([
    ['repair', 'tech1'],
    ['repair', 'supervisor1'],
    ['room_temperature', 'admin'],
  ])(
    'refuses to resolve a %s on site by a plain transition (asked by %s): 409 FIELD_JOB_RESULT_REQUIRED',
    async (type, username) => {
      const id = await repairIn('on_site', { type });
      const auth = await login(t, username);
      await expectUnchanged(id, () => transition(t, auth, id, 'resolved'), 409, ErrorCode.FieldJobResultRequired);
      // Its own resolution (the resident's signature on the phone) is the way.
      expect((await resolveFieldJob(t, tech1, id)).status).toBe('resolved');
    },
  );

  it('lets a supervisor stand in for an absent assignee', async () => {
    const id = await repairIn('assigned');
    const res = await transition(t, await login(t, 'supervisor1'), id, 'en_route').expect(200);
    expect(res.body.status).toBe('en_route');
  });

  it('lets a second, simultaneous identical move fail instead of recording it twice', async () => {
    const id = await repairIn('assigned');
    const answers = await Promise.all([transition(t, tech1, id, 'en_route'), transition(t, tech1, id, 'en_route')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const events = await t.http().get(`/api/tickets/${id}`).set('Authorization', tech1).expect(200);
    expect(events.body.events.filter((e: { toStatus: string }) => e.toStatus === 'en_route')).toHaveLength(1);
  });

  it.each([
    ['an unknown status', { to: 'flying' }],
    ['no target', {}],
    ['a note over 1000 characters', { to: 'en_route', note: 'x'.repeat(1001) }],
  ])('refuses a body with %s with 400 VALIDATION_FAILED', async (_what, body) => {
    const id = await repairIn('assigned');
    await expectUnchanged(
      id,
      () => t.http().post(`/api/tickets/${id}/transition`).set('Authorization', tech1).send(body),
      400,
      ErrorCode.ValidationFailed,
    );
  });
});
