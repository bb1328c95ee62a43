import { ErrorCode, QueueMemberView, ResidentTicketView } from '@utility/shared';
import { DataSource } from 'typeorm';
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
import { emptyRoster, rosterShift } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { halves, rawInput } from '../testing/photo-fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'utility-leak-'));
    t = await startTestApp({ UPLOADS_DIR: dir });
    [dispatcher, queues, alice] = await Promise.all([
      login(t, 'dispatcher1'),
      queueIdsByCode(t),
      residentLogin(t, 'leak-alice'),
    ]);
    [{ id: eastId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    westId = (await bindAccount(t, alice, WEST_ACCOUNT)).find((a) => a.accountNo === WEST_ACCOUNT)!.id;
    // The seed rosters the demo technicians from its start on; the first alarm comes at a fixed date.
    await rosterShift(t, {
      district: 'east',
      usernames: ['tech1', 'tech2'],
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '2026-12-01T20:00:00Z',
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
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

  it('a heating account (west) raises a hot-water leak, with what the resident saw and photos, to the west emergency queue', async () => {
    const steps = await t.http().get('/api/safety-instructions?utility=heating').expect(200);
    expect(steps.body[0].title).toBe('关闭暖气阀门');
    expect(JSON.stringify(steps.body)).not.toMatch(/燃气|开窗通风/);
    const jpeg = await rawInput(halves(16, 16)).jpeg().toBuffer();
    const photo = (
      await t
        .http()
        .post('/api/uploads')
        .set('Authorization', alice.auth)
        .attach('file', jpeg, { filename: 'leak.jpg', contentType: 'image/jpeg' })
        .expect(201)
    ).body.id as number;

    const view = await raised({ accountId: westId, description: '卧室暖气片接口往外喷水', photoIds: [photo] });
    expect(view).toMatchObject({
      type: 'leak',
      description: '居民一键报警：暖气跑冒滴漏：卧室暖气片接口往外喷水',
      categoryLabel: '跑冒滴漏',
    });
    const ticket = await getTicket(t, dispatcher, view.id);
    expect(ticket).toMatchObject({ queueId: queues['emergency-west'], status: 'assigned', priority: 'emergency' });
    expect((await members('emergency-west')).filter((m) => m.onDuty).map((m) => m.id)).toContain(ticket.assigneeId);
    const [row] = await t.app.get(DataSource).query('SELECT * FROM repair_request WHERE ticketId = ?', [view.id]);
    expect([row.category, JSON.parse(row.photoIds)]).toEqual(['drip_leak', [photo]]);
    const [upload] = await t.app.get(DataSource).query('SELECT attachedTo FROM upload WHERE id = ?', [photo]);
    expect(upload.attachedTo).toBe(`ticket:${view.id}`);
  });

  it('a gas account keeps the gas alarm: details and photos sent with it are not kept', async () => {
    const tapper = await residentLogin(t, 'leak-gas-details');
    const [{ id: accountId }] = await bindAccount(t, tapper, '9100000003');
    const res = await alarm(t, tapper, { accountId, description: '厨房有味道' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ description: '居民一键报警：燃气泄漏', categoryLabel: '燃气味/泄漏' });
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
    const tapper = await residentLogin(t, 'leak-tapper');
    const [{ id: accountId }] = await bindAccount(t, tapper, '9100000004');
    const tickets = await countTickets(t);
    const answers = await Promise.all([1, 2, 3].map(() => alarm(t, tapper, { accountId }, 'leak-tap-000001')));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await countTickets(t)).toBe(tickets + 1);
    const later = await alarm(t, tapper, { accountId }, 'leak-tap-000001');
    expect([later.status, later.headers['idempotent-replayed'], later.body.id]).toEqual([
      201,
      'true',
      answers[0].body.id,
    ]);
  });
});

describe('leak alarm floods (issue 18, item 6)', () => {
  let t: TestApp;
  let dispatcher: string;
  beforeAll(async () => {
    t = await startTestApp();
    dispatcher = await login(t, 'dispatcher1');
  });
  afterAll(() => t.close());

  const flood = async () => ({
    tickets: await countTickets(t),
    alarms: await countRows(t, 'emergency_alarm'),
    requests: await countRows(t, 'repair_request'),
    events: await countRows(t, 'ticket_event'),
  });

  it('8 alarms at once from one account open one leak and dispatch one technician; 3 are heard, the rest are 429', async () => {
    const bob = await residentLogin(t, 'flood-bob');
    const [{ id: accountId }] = await bindAccount(t, bob, '9100000006');
    const before = await flood();

    const answers = await Promise.all(Array.from({ length: 8 }, () => alarm(t, bob, { accountId })));

    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201, 429, 429, 429, 429, 429]);
    const opened = answers.find((a) => a.status === 201)!;
    expect(opened.body).toMatchObject({ type: 'leak', joined: false, notice: null, step: 'dispatched' });
    for (const joined of answers.filter((a) => a.status === 200)) {
      expect(joined.body).toMatchObject({
        id: opened.body.id,
        no: opened.body.no,
        joined: true,
        notice: '已有抢修人员在处理，请保持安全',
      });
    }
    for (const refused of answers.filter((a) => a.status === 429)) {
      expectRefused(refused, 429, ErrorCode.AlarmRateLimited);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(600);
      expect(refused.body.message).toContain('96777');
    }
    const after = await flood();
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.alarms).toBe(before.alarms + 3);
    expect(after.requests).toBe(before.requests + 1);
    const ticket = await getTicket(t, dispatcher, opened.body.id);
    expect(ticket.events.filter((e) => e.kind === 'assigned')).toHaveLength(1);
    expect(ticket.events.filter((e) => e.kind === 'note').map((e) => e.note)).toEqual([
      expect.stringContaining('再次报警'),
      expect.stringContaining('再次报警'),
    ]);

    // Once the window has passed the resident is heard again, and still joins the open leak.
    t.setNow(new Date(Date.now() + 11 * 60_000));
    const later = await alarm(t, bob, { accountId });
    expect([later.status, later.body.id, later.body.joined]).toEqual([200, opened.body.id, true]);
    t.setNow(new Date());
  });

  it("another household member's alarm joins the open leak; staff can still open a second leak deliberately", async () => {
    const [carol, dave] = await Promise.all([residentLogin(t, 'flood-carol'), residentLogin(t, 'flood-dave')]);
    const [{ id: accountId }] = await bindAccount(t, carol, '9100000008');
    await bindAccount(t, dave, '9100000008');
    const first = await alarm(t, carol, { accountId });
    expect(first.status).toBe(201);
    const tickets = await countTickets(t);

    const second = await alarm(t, dave, { accountId });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, joined: true, notice: '已有抢修人员在处理，请保持安全' });
    expect(await countTickets(t)).toBe(tickets);

    // The 24-hour line hears of a second leak at the same address: staff intake opens it, it never joins.
    const byPhone = await t.http().post('/api/tickets').set('Authorization', dispatcher).send({
      type: 'leak',
      accountNo: '9100000008',
      address: '城东区幸福路18号1单元',
      contactName: '邻居',
      contactPhone: '13800001111',
      description: '楼下另一处漏气',
      channel: 'phone',
    });
    expect(byPhone.status).toBe(201);
    expect(byPhone.body.id).not.toBe(first.body.id);
    expect(await countTickets(t)).toBe(tickets + 1);
  });
});

describe('a leak alarm when no technician is on duty', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HOTLINE_NUMBER: '0571-96777' });
    await emptyRoster(t);
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
