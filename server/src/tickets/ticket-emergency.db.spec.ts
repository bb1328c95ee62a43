import { QueueMemberView } from '@utility/shared';
import {
  call,
  createTicket,
  EAST_HEAT_ACCOUNT,
  getTicket,
  login,
  minutes,
  queueIdsByCode,
  WEST_ACCOUNT,
} from '../testing/api-fixtures';
import { emptyRoster, rosterShift } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const leak = (overrides: Record<string, unknown> = {}) =>
  call({ type: 'leak', description: '楼道里有很重的燃气味', ...overrides });

/** Who the emergency should go to, computed from what the dispatcher's console shows. */
function leastLoadedOnDuty(members: QueueMemberView[]): QueueMemberView {
  return members
    .filter((m) => m.role === 'technician' && m.onDuty)
    .sort((a, b) => a.openCount - b.openCount || a.id - b.id)[0];
}

describe('leaks: emergency dispatch', () => {
  let t: TestApp;
  let queues: Record<string, number>;
  let dispatcher: string;
  beforeAll(async () => {
    t = await startTestApp();
    queues = await queueIdsByCode(t);
    dispatcher = await login(t, 'dispatcher1');
    // The seed rosters the demo technicians from its start on; this leak comes at an earlier date.
    await rosterShift(t, {
      district: 'east',
      usernames: ['tech1', 'tech2'],
      startsAt: '2026-05-04T08:00:00Z',
      endsAt: '2026-05-04T20:00:00Z',
    });
  });
  afterAll(() => t.close());

  const members = async (queue: string): Promise<QueueMemberView[]> =>
    (await t.http().get(`/api/queues/${queues[queue]}/members`).set('Authorization', dispatcher).expect(200)).body;

  it("goes to the district's emergency queue at emergency priority and to the least-loaded on-duty technician", async () => {
    const expected = leastLoadedOnDuty(await members('emergency-east'));
    const at = new Date('2026-05-04T12:00:00.000Z');
    t.setNow(at);
    const ticket = await createTicket(t, dispatcher, leak());
    t.setNow(new Date());
    expect(ticket).toMatchObject({
      queueId: queues['emergency-east'],
      priority: 'emergency',
      status: 'assigned',
      assigneeId: expected.id,
      assigneeName: expected.name,
    });
    // docs/domain.md#ticket-types: on site within 30 min, made safe within 24 h.
    expect(ticket.deadlines).toEqual({
      respondBy: minutes(at, 5).toISOString(),
      contactBy: minutes(at, 30).toISOString(),
      decisionBy: null,
      onSiteBy: minutes(at, 30).toISOString(),
      resolveBy: minutes(at, 24 * 60).toISOString(),
    });
    const detail = await getTicket(t, dispatcher, ticket.id);
    const assigned = detail.events.at(-1)!;
    expect(assigned).toMatchObject({
      kind: 'assigned',
      actorId: null,
      fromStatus: 'accepted',
      toStatus: 'assigned',
      note: '系统自动派单，已通知值班技术员',
    });
  });

  it('spreads successive leaks over the on-duty technicians by load', async () => {
    const onDuty = (await members('emergency-east')).filter((m) => m.role === 'technician' && m.onDuty);
    expect(onDuty.length).toBeGreaterThanOrEqual(2);
    // Bring everybody to the same load first; then two more leaks go to two different people.
    const top = Math.max(...onDuty.map((m) => m.openCount));
    for (let missing = onDuty.reduce((n, m) => n + top - m.openCount, 0); missing > 0; missing--) {
      await createTicket(t, dispatcher, leak());
    }
    const a = await createTicket(t, dispatcher, leak());
    const b = await createTicket(t, dispatcher, leak());
    expect(a.assigneeId).not.toBe(b.assigneeId);
    const loads = (await members('emergency-east'))
      .filter((m) => m.role === 'technician' && m.onDuty)
      .map((m) => m.openCount);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('never sends an east leak to a technician who works only the west', async () => {
    const eastIds = (await members('emergency-east')).map((m) => m.id);
    const westOnly = (await members('emergency-west')).filter(
      (m) => m.role === 'technician' && !eastIds.includes(m.id),
    );
    expect(westOnly.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      const ticket = await createTicket(t, dispatcher, leak({ accountNo: EAST_HEAT_ACCOUNT }));
      expect(eastIds).toContain(ticket.assigneeId);
    }
  });

  it('puts a west leak in the west emergency queue', async () => {
    const ticket = await createTicket(t, dispatcher, leak({ accountNo: WEST_ACCOUNT }));
    expect(ticket.queueId).toBe(queues['emergency-west']);
    expect((await members('emergency-west')).map((m) => m.id)).toContain(ticket.assigneeId);
  });
});

describe('a leak when no technician is on duty', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await emptyRoster(t);
  });
  afterAll(() => t.close());

  it('stays unassigned in the emergency queue, and the timeline shows it was escalated', async () => {
    const dispatcher = await login(t, 'dispatcher1');
    const ticket = await createTicket(t, dispatcher, leak());
    expect(ticket).toMatchObject({ status: 'accepted', assigneeId: null, priority: 'emergency' });
    const detail = await getTicket(t, dispatcher, ticket.id);
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'transition', 'routed', 'escalated']);
    expect(detail.events.at(-1)).toMatchObject({ actorId: null, note: expect.stringMatching(/[\u4e00-\u9fff]/) });
    // It waits at the top of the queue for a dispatcher to push it to someone.
    const queue = await t
      .http()
      .get(`/api/queues/${ticket.queueId}/tickets`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(queue.body[0].id).toBe(ticket.id);
  });
});

describe('a leak when every on-duty technician is at capacity', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is not pushed onto anyone over their capacity (5 open tickets each)', async () => {
    const dispatcher = await login(t, 'dispatcher1');
    const queues = await queueIdsByCode(t);
    const onDuty = (
      await t.http().get(`/api/queues/${queues['emergency-east']}/members`).set('Authorization', dispatcher).expect(200)
    ).body.filter((m: QueueMemberView) => m.role === 'technician' && m.onDuty);
    for (let i = 0; i < 5 * onDuty.length; i++)
      expect((await createTicket(t, dispatcher, leak())).status).toBe('assigned');
    const overflow = await createTicket(t, dispatcher, leak());
    expect(overflow).toMatchObject({ status: 'accepted', assigneeId: null });
    expect((await getTicket(t, dispatcher, overflow.id)).events.at(-1)!.kind).toBe('escalated');
  });
});
