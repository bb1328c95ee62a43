import { ErrorCode, QueueMemberView, ResidentTicketView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { Staff } from '../staff/staff.entity';
import {
  EAST_HEAT_ACCOUNT,
  WEST_ACCOUNT,
  countTickets,
  expectRefused,
  getTicket,
  login,
  minutes,
  queueIdsByCode,
} from '../testing/api-fixtures';
import { Resident, bindAccount, countRows, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const SAFETY_TITLES = ['开窗通风', '不要开关电器', '不要点火', '立即离开', '拨打24小时热线'];

const alarm = (t: TestApp, r: Resident, body: Record<string, unknown>, key?: string) => {
  const req = t.http().post('/api/emergencies').set('Authorization', r.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

describe('leak emergencies (POST /api/emergencies)', () => {
  let t: TestApp;
  let dispatcher: string;
  let queues: Record<string, number>;
  let alice: Resident;
  let eastId: number;
  let westId: number;
  beforeAll(async () => {
    t = await startTestApp();
    [dispatcher, queues, alice] = await Promise.all([
      login(t, 'dispatcher1'),
      queueIdsByCode(t),
      residentLogin(t, 'leak-alice'),
    ]);
    [{ id: eastId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    westId = (await bindAccount(t, alice, WEST_ACCOUNT)).find((a) => a.accountNo === WEST_ACCOUNT)!.id;
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  const members = async (queue: string): Promise<QueueMemberView[]> =>
    (await t.http().get(`/api/queues/${queues[queue]}/members`).set('Authorization', dispatcher).expect(200)).body;

  async function raised(body: Record<string, unknown>, key?: string): Promise<ResidentTicketView> {
    const res = await alarm(t, alice, body, key);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('shows the safety instructions in order, with the 24-hour hotline, to anyone', async () => {
    const res = await t.http().get('/api/safety-instructions').expect(200);
    expect(res.body.map((s: { title: string }) => s.title)).toEqual(SAFETY_TITLES);
    expect(res.body.at(-1)).toMatchObject({ key: 'call_hotline', phone: '96777' });
  });

  it("becomes a leak on the account's address, assigned at once to the least-loaded on-duty technician of the district's emergency queue", async () => {
    const onDuty = (await members('emergency-east')).filter((m) => m.role === 'technician' && m.onDuty);
    const expected = [...onDuty].sort((a, b) => a.openCount - b.openCount || a.id - b.id)[0];
    const at = new Date('2026-12-01T12:00:00.000Z');
    t.setNow(at);

    const view = await raised({
      accountId: eastId,
      location: { latitude: 39.90923, longitude: 116.397428 },
      contactPhone: '13512345678',
    });
    expect(view).toMatchObject({
      type: 'leak',
      step: 'dispatched',
      stepLabel: '已派单',
      accountNo: EAST_HEAT_ACCOUNT,
      description: '居民一键报警：燃气泄漏（定位：39.909230, 116.397428）',
      technician: { surname: expected.name.slice(0, 1), phone: expect.stringMatching(/^139\*{4}\d{4}$/) },
      eta: null,
      canCancel: false,
    });

    const ticket = await getTicket(t, dispatcher, view.id);
    expect(ticket).toMatchObject({
      type: 'leak',
      priority: 'emergency',
      status: 'assigned',
      channel: 'miniapp',
      queueId: queues['emergency-east'],
      assigneeId: expected.id,
      contactPhone: '135****5678',
      address: expect.stringContaining('城东区'),
    });
    expect(ticket.deadlines).toEqual({
      respondBy: minutes(at, 5).toISOString(),
      contactBy: minutes(at, 30).toISOString(),
      decisionBy: null,
      onSiteBy: minutes(at, 30).toISOString(),
      resolveBy: minutes(at, 1440).toISOString(),
    });
    expect(ticket.events.map((e) => [e.kind, e.actorId, e.toStatus])).toEqual([
      ['created', alice.resident.id, 'submitted'],
      ['routed', null, null],
      ['assigned', null, 'assigned'],
    ]);
    expect(ticket.events.every((e) => e.at === at.toISOString())).toBe(true);
    const [row] = await t.app.get(DataSource).query('SELECT * FROM repair_request WHERE ticketId = ?', [view.id]);
    expect(row).toMatchObject({
      category: 'gas_smell',
      residentId: alice.resident.id,
      latitude: 39.90923,
      longitude: 116.397428,
      windowStart: null,
    });
  });

  it('goes to the west emergency queue for a west account, without a location', async () => {
    const view = await raised({ accountId: westId });
    expect(view.description).toBe('居民一键报警：燃气泄漏');
    const ticket = await getTicket(t, dispatcher, view.id);
    expect(ticket).toMatchObject({ queueId: queues['emergency-west'], status: 'assigned' });
    expect((await members('emergency-west')).filter((m) => m.onDuty).map((m) => m.id)).toContain(ticket.assigneeId);
  });

  it('refuses an account the resident has not bound (404) and stores nothing', async () => {
    const stranger = await residentLogin(t, 'leak-stranger');
    const [tickets, requests] = [await countTickets(t), await countRows(t, 'repair_request')];
    expectRefused(await alarm(t, stranger, { accountId: eastId }), 404, ErrorCode.NotFound);
    expectRefused(await alarm(t, alice, { accountId: 99_999_999 }), 404, ErrorCode.NotFound);
    expectRefused(
      await alarm(t, alice, { accountId: eastId, location: { latitude: 91, longitude: 0 } }),
      400,
      ErrorCode.ValidationFailed,
    );
    expect([await countTickets(t), await countRows(t, 'repair_request')]).toEqual([tickets, requests]);
  });

  it('a double tap with one Idempotency-Key raises one alarm, however the taps race', async () => {
    const tickets = await countTickets(t);
    const answers = await Promise.all([1, 2, 3].map(() => alarm(t, alice, { accountId: eastId }, 'leak-tap-000001')));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await countTickets(t)).toBe(tickets + 1);
    const later = await alarm(t, alice, { accountId: eastId }, 'leak-tap-000001');
    expect([later.status, later.headers['idempotent-replayed'], later.body.id]).toEqual([
      201,
      'true',
      answers[0].body.id,
    ]);
  });
});

describe('a leak alarm when no technician is on duty', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HOTLINE_NUMBER: '0571-96777' });
    await t.app
      .get(DataSource)
      .getRepository(Staff)
      .update({ role: 'technician' as Staff['role'] }, { onDuty: false });
  });
  afterAll(() => t.close());

  it('waits unassigned at the top of the emergency queue, and the timeline shows the supervisor was alerted at once', async () => {
    const alice = await residentLogin(t, 'leak-night');
    const [{ id }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    const res = await alarm(t, alice, { accountId: id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ step: 'submitted', technician: null, canCancel: true });

    const dispatcher = await login(t, 'dispatcher1');
    const ticket = await getTicket(t, dispatcher, res.body.id);
    expect(ticket).toMatchObject({
      status: 'submitted',
      assigneeId: null,
      priority: 'emergency',
      queueId: (await queueIdsByCode(t))['emergency-east'],
    });
    expect(ticket.events.map((e) => e.kind)).toEqual(['created', 'routed', 'escalated']);
    expect(ticket.events.at(-1)).toMatchObject({ actorId: null, note: '无值班人员可派，已通知主管' });
    const queue = await t
      .http()
      .get(`/api/queues/${ticket.queueId}/tickets`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(queue.body[0].id).toBe(ticket.id);
    expect((await myTicket(t, alice, ticket.id)).technician).toBeNull();
  });

  it('tells residents to call the configured hotline (HOTLINE_NUMBER)', async () => {
    const res = await t.http().get('/api/safety-instructions').expect(200);
    expect(res.body.map((s: { title: string }) => s.title)).toEqual(SAFETY_TITLES);
    expect(res.body.at(-1)).toMatchObject({ phone: '0571-96777', detail: expect.stringContaining('0571-96777') });
  });
});
