import { ErrorCode, OutageView, ResidentOutageView, ResidentTicketView } from '@utility/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { NoticeWorker } from '../notifications/notice-worker.service';
import { expectRefused, login, minutes } from '../testing/api-fixtures';
import { Resident, bindAccount, fakeWechat, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** Demo gas accounts, one per building: 城东区幸福路11号 (…01), 城东区和平街12号 (…02), 城东区建设大道13号 (…03). */
const BUILDING_A = { accountNo: '9100000001', building: '城东区幸福路11号' };
const BUILDING_B = { accountNo: '9100000002', building: '城东区和平街12号' };
const ELSEWHERE = '9100000003';

describe('outages (停气 over two buildings)', () => {
  let t: TestApp;
  let dispatcher: string;
  let agent: string;
  let alice: Resident; // building A
  let bob: Resident; // building B
  let carol: Resident; // both buildings: told once
  let dave: Resident; // elsewhere: not told
  const accountIds: Record<string, Record<string, number>> = {};
  let outage: OutageView;

  beforeAll(async () => {
    t = await startTestApp();
    [dispatcher, agent, alice, bob, carol, dave] = await Promise.all([
      login(t, 'dispatcher1'),
      login(t, 'agent1'),
      residentLogin(t, 'outage-alice'),
      residentLogin(t, 'outage-bob'),
      residentLogin(t, 'outage-carol'),
      residentLogin(t, 'outage-dave'),
    ]);
    const bind = async (r: Resident, nos: string[]) => {
      for (const no of nos)
        for (const a of await bindAccount(t, r, no)) (accountIds[r.identity] ??= {})[a.accountNo] = a.id;
    };
    await bind(alice, [BUILDING_A.accountNo]);
    await bind(bob, [BUILDING_B.accountNo]);
    await bind(carol, [BUILDING_A.accountNo, BUILDING_B.accountNo]);
    await bind(dave, [ELSEWHERE]);
    // Each resident accepts the outage template three times (announced, moved, restored): one message per consent.
    for (const r of [alice, bob, carol, dave])
      for (let i = 0; i < 3; i++)
        await t
          .http()
          .post('/api/my/subscriptions')
          .set('Authorization', r.auth)
          .send({ templateIds: ['TPL_OUTAGE'] })
          .expect(201);
  });
  afterAll(() => t.close());

  const work = () => t.app.get(NoticeWorker).runOnce();
  const openidOf = async (r: Resident): Promise<string> =>
    (await t.app.get(DataSource).query('SELECT openid FROM resident WHERE id = ?', [r.resident.id]))[0].openid;
  /** Outage messages WeChat received for the resident, oldest first. */
  const outageMessages = async (r: Resident) => {
    const openid = await openidOf(r);
    return fakeWechat(t)
      .messages()
      .filter((m) => m.touser === openid && m.templateId === 'TPL_OUTAGE');
  };
  const clocksOf = async (ticketId: number): Promise<{ kind: string; stoppedAt: Date | null }[]> =>
    t.app.get(DataSource).query('SELECT kind, stoppedAt FROM ticket_clock WHERE ticketId = ? ORDER BY id', [ticketId]);
  const statusOf = async (ticketId: number): Promise<string> =>
    (await t.app.get(DataSource).query('SELECT status FROM ticket WHERE id = ?', [ticketId]))[0].status;
  const outagesOf = async (r: Resident, query = ''): Promise<ResidentOutageView[]> =>
    (await t.http().get(`/api/outages${query}`).set('Authorization', r.auth).expect(200)).body;
  const fault = async (r: Resident, accountNo: string): Promise<ResidentTicketView> =>
    (
      await t
        .http()
        .post('/api/repairs')
        .set('Authorization', r.auth)
        .send({
          accountId: accountIds[r.identity][accountNo],
          category: 'no_gas',
          description: '灶具打不着火，没有气',
          contactPhone: '13712345678',
        })
        .expect(201)
    ).body;
  const declare = (auth: string, body: Record<string, unknown>) =>
    t.http().post('/api/staff/outages').set('Authorization', auth).send(body);
  const body = () => ({
    utility: 'gas',
    kind: 'unplanned',
    area: { buildings: [BUILDING_A.building, BUILDING_B.building] },
    startsAt: minutes(new Date(), -10).toISOString(),
    restoreBy: minutes(new Date(), 240).toISOString(),
    reason: '中压管线抢修',
  });

  it('refuses an agent (403) and an outage without an area or ending before it starts (400), storing nothing', async () => {
    expectRefused(await declare(agent, body()), 403, ErrorCode.Forbidden);
    expectRefused(await declare(dispatcher, { ...body(), area: {} }), 400, ErrorCode.ValidationFailed);
    const { startsAt } = body();
    expectRefused(await declare(dispatcher, { ...body(), restoreBy: startsAt }), 400, ErrorCode.ValidationFailed);
    expect((await t.http().get('/api/staff/outages').set('Authorization', dispatcher).expect(200)).body).toEqual([]);
  });

  it('offers dispatch the districts and stations to choose an area from; not an agent', async () => {
    const { body: areas } = await t.http().get('/api/staff/outages/areas').set('Authorization', dispatcher).expect(200);
    expect(areas.districts.map((d: { name: string }) => d.name)).toEqual(['城东片区', '城西片区']);
    const east = areas.districts[0].id;
    expect(areas.stations).toContainEqual({
      id: expect.any(Number),
      name: expect.any(String),
      districtId: east,
      utility: 'gas',
    });
    expect(areas.stations.map((s: { utility: string }) => s.utility)).toEqual(['heating', 'gas', 'heating']);
    expectRefused(await t.http().get('/api/staff/outages/areas').set('Authorization', agent), 403, ErrorCode.Forbidden);
  });

  it('is declared over the two buildings, and each affected resident is told once; the others not', async () => {
    const res = await declare(dispatcher, body()).set('Idempotency-Key', 'outage-two-buildings');
    expect(res.status).toBe(201);
    outage = res.body;
    expect(outage).toMatchObject({ phase: 'active', label: '停气', households: 2, linkedTickets: 0 });
    await work();
    await work();
    for (const r of [alice, bob, carol]) {
      const messages = await outageMessages(r);
      expect(messages).toHaveLength(1);
      expect(messages[0].data.thing1.value).toBe('停气通知');
    }
    expect(await outageMessages(dave)).toHaveLength(0);
    // The dashboard shows it while it lasts.
    const dashboard = await t
      .http()
      .get('/api/reports/dashboard')
      .set('Authorization', await login(t, 'supervisor1'));
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.outages.map((o: OutageView) => o.id)).toEqual([outage.id]);
  });

  it('is shown to the residents of the affected accounts only, with the expected restore time', async () => {
    const [mine] = await outagesOf(alice);
    expect(mine).toMatchObject({ id: outage.id, phase: 'active', restoreBy: outage.restoreBy, reason: '中压管线抢修' });
    expect(mine.accountNos).toEqual([BUILDING_A.accountNo]);
    expect(await outagesOf(alice, `?accountId=${accountIds[alice.identity][BUILDING_A.accountNo]}`)).toHaveLength(1);
    expect(await outagesOf(dave)).toEqual([]);
    // Another household's account is not even confirmed to exist.
    await t
      .http()
      .get(`/api/outages?accountId=${accountIds[dave.identity][ELSEWHERE]}`)
      .set('Authorization', alice.auth)
      .expect(404);
  });

  let aliceFault: ResidentTicketView;
  let bobFault: ResidentTicketView;

  it('links a fault filed in the area to the outage: the resident is told, and no on-site clock starts', async () => {
    aliceFault = await fault(alice, BUILDING_A.accountNo);
    expect(aliceFault.outage).toEqual({
      outageId: outage.id,
      label: '停气',
      reason: '中压管线抢修',
      restoreBy: outage.restoreBy,
      restoredAt: null,
    });
    expect((await clocksOf(aliceFault.id)).map((c) => c.kind)).not.toContain('on_site');
    // A fault elsewhere is its own, with its on-site clock.
    const daveFault = await fault(dave, ELSEWHERE);
    expect(daveFault.outage ?? null).toBeNull();
    expect((await clocksOf(daveFault.id)).map((c) => c.kind)).toContain('on_site');
  });

  it('lets staff unlink a child: it becomes its own fault and its on-site clock starts then', async () => {
    bobFault = await fault(bob, BUILDING_B.accountNo);
    expect((await clocksOf(bobFault.id)).map((c) => c.kind)).not.toContain('on_site');
    const detail = (await t.http().get(`/api/staff/outages/${outage.id}`).set('Authorization', dispatcher).expect(200))
      .body;
    expect(detail.ticketIds).toEqual([aliceFault.id, bobFault.id]);
    // Staff see the membership on the ticket (属于停气 #…, expected restore time) until it is unlinked.
    const staffView = async () =>
      (await t.http().get(`/api/tickets/${bobFault.id}`).set('Authorization', dispatcher).expect(200)).body;
    expect((await staffView()).outage).toMatchObject({
      outageId: outage.id,
      label: '停气',
      restoreBy: outage.restoreBy,
      restoredAt: null,
    });
    await t
      .http()
      .post(`/api/staff/outages/${outage.id}/tickets/${bobFault.id}/unlink`)
      .set('Authorization', dispatcher)
      .expect(204);
    const onSite = (await clocksOf(bobFault.id)).filter((c) => c.kind === 'on_site');
    expect(onSite).toHaveLength(1);
    expect(onSite[0].stoppedAt).toBeNull();
    expect((await staffView()).outage ?? null).toBeNull();
    expectRefused(
      await t
        .http()
        .post(`/api/staff/outages/${outage.id}/tickets/${bobFault.id}/unlink`)
        .set('Authorization', dispatcher),
      409,
      ErrorCode.NotOutageChild,
    );
  });

  it('tells the affected residents when the restore time moves', async () => {
    const restoreBy = minutes(new Date(), 360).toISOString();
    const res = await t
      .http()
      .patch(`/api/staff/outages/${outage.id}`)
      .set('Authorization', dispatcher)
      .send({ restoreBy });
    expect(res.status).toBe(200);
    expect(res.body.restoreBy).toBe(restoreBy);
    await work();
    for (const r of [alice, bob, carol]) {
      const messages = await outageMessages(r);
      expect(messages.map((m) => m.data.thing1.value)).toEqual(['停气通知', '停气恢复时间调整']);
    }
    expect(await outageMessages(dave)).toHaveLength(0);
    expect((await outagesOf(carol))[0].restoreBy).toBe(restoreBy);
  });

  it("restored: a last notice, its children resolved with it, and it leaves the residents' banners", async () => {
    const res = await t.http().post(`/api/staff/outages/${outage.id}/restore`).set('Authorization', dispatcher);
    expect(res.status).toBe(200);
    expect(res.body.phase).toBe('restored');
    await work();
    for (const r of [alice, bob, carol])
      expect((await outageMessages(r)).map((m) => m.data.thing1.value)).toEqual([
        '停气通知',
        '停气恢复时间调整',
        '停气已恢复',
      ]);
    expect(await statusOf(aliceFault.id)).toBe('resolved');
    const dashboard = await t
      .http()
      .get('/api/reports/dashboard')
      .set('Authorization', await login(t, 'supervisor1'));
    expect(dashboard.body.outages).toEqual([]);
    // The month's report counts it: its hours, its two households and the three residents told.
    const period = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await t
      .http()
      .get(`/api/reports/monthly?period=${period}`)
      .set('Authorization', await login(t, 'supervisor1'));
    expect(report.status).toBe(200);
    expect(report.body.figures.outages).toMatchObject({ count: 1, households: 2, residentsNotified: 3 });
    expect(report.body.figures.outages.hours).toBeGreaterThan(0);
    // The spreadsheet export carries the same figures on its 停供 sheet.
    const xlsx = await t
      .http()
      .get(`/api/reports/monthly/export?period=${period}&format=xlsx`)
      .set('Authorization', await login(t, 'supervisor1'))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.getWorksheet('停供')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([1, report.body.figures.outages.hours, 2, 3]);
    // Unlinked, it is worked as its own fault.
    expect(await statusOf(bobFault.id)).not.toBe('resolved');
    expect(await outagesOf(alice)).toEqual([]);
    expectRefused(
      await t.http().post(`/api/staff/outages/${outage.id}/restore`).set('Authorization', dispatcher),
      409,
      ErrorCode.OutageRestored,
    );
    expectRefused(
      await t
        .http()
        .patch(`/api/staff/outages/${outage.id}`)
        .set('Authorization', dispatcher)
        .send({ reason: '改个原因' }),
      409,
      ErrorCode.OutageRestored,
    );
  });

  it('"not fixed" on a resolved child reopens it as its own ticket, with an on-site clock', async () => {
    const res = await t
      .http()
      .post(`/api/my/tickets/${aliceFault.id}/not-fixed`)
      .set('Authorization', alice.auth)
      .send({ reason: '来气了但还是打不着火' });
    expect(res.status).toBe(200);
    expect(await statusOf(aliceFault.id)).toBe('accepted');
    const onSite = (await clocksOf(aliceFault.id)).filter((c) => c.kind === 'on_site');
    expect(onSite).toHaveLength(1);
    expect(onSite[0].stoppedAt).toBeNull();
  });

  it('a planned outage is announced ahead, and a fault before it starts is not linked', async () => {
    const planned = await declare(dispatcher, {
      ...body(),
      kind: 'planned',
      area: { accountNos: [ELSEWHERE] },
      startsAt: minutes(new Date(), 24 * 60).toISOString(),
      restoreBy: minutes(new Date(), 24 * 60 + 120).toISOString(),
      reason: '计划管网改造',
    });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({ phase: 'planned', households: 1 });
    await work();
    expect((await outageMessages(dave)).map((m) => m.data.thing1.value)).toEqual(['停气通知']);
    expect((await outagesOf(dave))[0]).toMatchObject({ phase: 'planned', kind: 'planned' });
    const early = await fault(dave, ELSEWHERE);
    expect(early.outage ?? null).toBeNull();
  });
});
