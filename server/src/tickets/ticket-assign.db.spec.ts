import { ErrorCode, QueueMemberView } from '@utility/shared';
import {
  call,
  createTicket,
  expectRefused,
  getTicket,
  login,
  signIn,
  Staff,
  ticketState,
  transition,
} from '../testing/api-fixtures';
import { resolveFieldJob } from '../testing/field-job-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** POST /api/tickets/:id/assign: a dispatcher or supervisor pushes a ticket to a member of its queue. */
describe('assigning a ticket', () => {
  let t: TestApp;
  let dispatcher: Staff;
  let tech1: Staff;
  let tech2: Staff;
  let tech3: Staff;
  beforeAll(async () => {
    t = await startTestApp();
    [dispatcher, tech1, tech2, tech3] = await Promise.all(
      ['dispatcher1', 'tech1', 'tech2', 'tech3'].map((u) => signIn(t, u)),
    );
  });
  afterAll(() => t.close());

  const assign = (auth: string, id: number, body: object) =>
    t.http().post(`/api/tickets/${id}/assign`).set('Authorization', auth).send(body);
  const members = async (queueId: number): Promise<QueueMemberView[]> =>
    (await t.http().get(`/api/queues/${queueId}/members`).set('Authorization', dispatcher.auth).expect(200)).body;

  it('gives the ticket to a member of its queue, with who pushed it and why on the timeline', async () => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    const res = await assign(dispatcher.auth, ticket.id, { staffId: tech1.staff.id, note: '离得最近' }).expect(200);
    expect(res.body).toMatchObject({ status: 'assigned', assigneeId: tech1.staff.id, assigneeName: '张师傅' });
    const detail = await getTicket(t, tech1.auth, ticket.id);
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'assigned',
      actorId: dispatcher.staff.id,
      actorName: '李建国',
      fromStatus: 'accepted',
      toStatus: 'assigned',
      note: '离得最近',
    });
    // The assignee now sees it as theirs; the phone is masked in every view (the full number is a logged reveal).
    expect(detail.assigneeId).toBe(tech1.staff.id);
    expect(detail.contactPhone).toBe('138****5678');
  });

  it("shows the queue's technicians (not the dispatcher) with their open load, which an assignment raises, and shift", async () => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    const before = await members(ticket.queueId);
    // 李建国 works the queue as its dispatcher: he routes work and holds no field role.
    expect(before.map((m) => m.name).sort()).toEqual(['刘师傅', '张师傅'].sort());
    for (const m of before)
      expect(m).toEqual({
        id: expect.any(Number),
        name: expect.any(String),
        role: 'technician',
        onDuty: expect.any(Boolean),
        openCount: expect.any(Number),
        capacity: 5,
        shift: m.onDuty ? { startsAt: expect.any(String), endsAt: expect.any(String) } : null,
      });
    // The demo roster keeps its technicians on rolling shifts: the one on now is the one shown.
    const onNow = before.find((m) => m.onDuty)!;
    expect(Date.parse(onNow.shift!.startsAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(onNow.shift!.endsAt)).toBeGreaterThan(Date.now());
    await assign(dispatcher.auth, ticket.id, { staffId: tech2.staff.id }).expect(200);
    const after = await members(ticket.queueId);
    const load = (list: QueueMemberView[]) => list.find((m) => m.id === tech2.staff.id)!.openCount;
    expect(load(after)).toBe(load(before) + 1);
  });

  it('reassigns a ticket already being worked, keeping its status', async () => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    await assign(dispatcher.auth, ticket.id, { staffId: tech1.staff.id }).expect(200);
    await transition(t, tech1.auth, ticket.id, 'en_route').expect(200);
    const res = await assign(dispatcher.auth, ticket.id, { staffId: tech2.staff.id, note: '张师傅车坏了' }).expect(200);
    expect(res.body).toMatchObject({ status: 'en_route', assigneeId: tech2.staff.id });
    const detail = await getTicket(t, dispatcher.auth, ticket.id);
    expect(detail.events.at(-1)).toMatchObject({ kind: 'assigned', fromStatus: 'en_route', toStatus: 'en_route' });
    // The first technician still sees it (they work the queue), now as someone else's.
    expect((await getTicket(t, tech1.auth, ticket.id)).assigneeId).toBe(tech2.staff.id);
  });

  it('lets a supervisor of the district assign', async () => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    await assign(await login(t, 'supervisor1'), ticket.id, { staffId: tech2.staff.id }).expect(200);
  });

  it.each([
    ['a technician who does not work the queue', () => tech3.staff.id],
    ['a staff id that does not exist', () => 999_999],
    ['the dispatcher himself, who holds no field role', () => dispatcher.staff.id],
  ])('refuses %s with 422 ASSIGNEE_NOT_ELIGIBLE and changes nothing', async (_what, staffId) => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    const before = await ticketState(t, ticket.id);
    expectRefused(await assign(dispatcher.auth, ticket.id, { staffId: staffId() }), 422, ErrorCode.AssigneeNotEligible);
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it.each(['tech1', 'agent1'])(
    'refuses %s, who may not push work to others, with 403 and changes nothing',
    async (username) => {
      const ticket = await createTicket(t, await login(t, 'agent1'), call());
      const before = await ticketState(t, ticket.id);
      expectRefused(
        await assign(await login(t, username), ticket.id, { staffId: tech1.staff.id }),
        403,
        ErrorCode.Forbidden,
      );
      expect(await ticketState(t, ticket.id)).toEqual(before);
    },
  );

  it('refuses a resolved ticket with 409 TRANSITION_NOT_ALLOWED', async () => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    await assign(dispatcher.auth, ticket.id, { staffId: tech1.staff.id }).expect(200);
    for (const to of ['en_route', 'on_site']) await transition(t, tech1.auth, ticket.id, to).expect(200);
    await resolveFieldJob(t, tech1.auth, ticket.id);
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await assign(dispatcher.auth, ticket.id, { staffId: tech2.staff.id }),
      409,
      ErrorCode.TransitionNotAllowed,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it.each([
    ['no staffId', {}],
    ['a username for staffId', { staffId: 'tech1' }],
    ['staffId 0', { staffId: 0 }],
    ['a fractional staffId', { staffId: 1.5 }],
    ['a note over 1000 characters', { staffId: 1, note: 'x'.repeat(1001) }],
  ])('refuses a body with %s with 400 VALIDATION_FAILED', async (_what, body) => {
    const ticket = await createTicket(t, dispatcher.auth, call());
    const before = await ticketState(t, ticket.id);
    expectRefused(await assign(dispatcher.auth, ticket.id, body), 400, ErrorCode.ValidationFailed);
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });
});
