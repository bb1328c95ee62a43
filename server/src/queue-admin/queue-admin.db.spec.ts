import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '@utility/shared';
import request from 'supertest';
import { call, createTicket, expectRefused, login, signIn } from '../testing/api-fixtures';
import { auditOf, districtIdsByCode } from '../testing/rota-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';

interface QueueRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  districtId: number | null;
  stationId: number | null;
  memberIds: number[];
}

/** /api/admin/queues and /api/admin/routing-rules: who works what, and where tickets go. */
describe('queues, members and routing rules (admin)', () => {
  let t: TestApp;
  let admin: string;
  let districts: Record<string, number>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
    districts = await districtIdsByCode(t);
  });
  afterAll(() => t.close());

  const send = (method: 'post' | 'patch' | 'put', path: string, body: object, auth = admin) =>
    t.http()[method](path).set('Authorization', auth).send(body);
  const queues = async (): Promise<QueueRow[]> =>
    (await t.http().get('/api/admin/queues').set('Authorization', admin).expect(200)).body;
  const rules = async () =>
    (await t.http().get('/api/admin/routing-rules').set('Authorization', admin).expect(200)).body;
  const staffId = async (username: string) => (await signIn(t, username)).staff.id;

  it('lists the demo queues with their kind and members', async () => {
    const list = await queues();
    expect(list.find((q) => q.code === 'triage')).toMatchObject({ kind: 'triage' });
    expect(list.find((q) => q.code === 'emergency-east')).toMatchObject({
      kind: 'emergency',
      districtId: districts.east,
      memberIds: expect.arrayContaining([await staffId('tech1'), await staffId('tech2')]),
    });
    expect(list.find((q) => q.code === 'report-east')).toMatchObject({ kind: 'supervisor_only' });
  });

  it('creates a queue with members (201), whom it then shows in their queues; PATCH and PUT members replace them', async () => {
    const [agent, tech3] = [await staffId('agent1'), await staffId('tech3')];
    const res = await send('post', '/api/admin/queues', {
      code: 'meter-east',
      name: '城东表务',
      districtId: districts.east,
      memberIds: [agent],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      code: 'meter-east',
      name: '城东表务',
      kind: 'standard',
      districtId: districts.east,
      stationId: null,
      memberIds: [agent],
    });
    const visible = await t
      .http()
      .get('/api/queues')
      .set('Authorization', await login(t, 'agent1'))
      .expect(200);
    expect(visible.body.map((q: { id: number }) => q.id)).toContain(res.body.id);

    const patched = await send('patch', `/api/admin/queues/${res.body.id}`, { name: '城东表务组', memberIds: [tech3] });
    expect(patched.body).toMatchObject({ name: '城东表务组', memberIds: [tech3] });
    const put = await send('put', `/api/admin/queues/${res.body.id}/members`, { memberIds: [agent, tech3] });
    expect(put.status).toBe(200);
    expect(put.body.memberIds.sort()).toEqual([agent, tech3].sort());
    expect(
      (await auditOf(t, 'queue', res.body.id)).map((c) => [c.action, c.before && (c.before as QueueRow).memberIds]),
    ).toEqual([
      ['queue.update', [tech3]],
      ['queue.update', [agent]],
      ['queue.create', null],
    ]);
  });

  it('makes up a code when none is given, and takes the district from the station', async () => {
    const station = (await t.http().get('/api/admin/stations').set('Authorization', admin).expect(200)).body.find(
      (s: { code: string }) => s.code === 'west-heat',
    );
    const res = await send('post', '/api/admin/queues', {
      name: '西城抢修二组',
      kind: 'emergency',
      stationId: station.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: expect.stringMatching(/^queue-/),
      kind: 'emergency',
      districtId: districts.west,
    });
  });

  it.each<[string, object]>([
    ['no name', { code: 'x1' }],
    ['the triage kind (there is one)', { name: '第二分诊', kind: 'triage' }],
    ['an unknown district', { name: '某队列', districtId: 99999 }],
    ['a station of another district', { name: '某队列', districtId: 2, stationId: 1 }],
    ['a member who does not exist', { name: '某队列', memberIds: [99999] }],
    ['a member twice', { name: '某队列', memberIds: [1, 1] }],
  ])('refuses a queue with %s: 400 VALIDATION_FAILED, nothing added', async (_what, body) => {
    const before = await queues();
    expectRefused(await send('post', '/api/admin/queues', body), 400, ErrorCode.ValidationFailed);
    expect(await queues()).toEqual(before);
  });

  it('refuses a queue name or code already used with 409, an unknown queue with 404', async () => {
    expectRefused(await send('post', '/api/admin/queues', { name: '城东片区抢修调度' }), 409, ErrorCode.AlreadyExists);
    expectRefused(
      await send('post', '/api/admin/queues', { code: 'triage', name: '新分诊' }),
      409,
      ErrorCode.AlreadyExists,
    );
    expectRefused(await send('patch', '/api/admin/queues/99999', { name: '无' }), 404, ErrorCode.NotFound);
    expectRefused(await send('put', '/api/admin/queues/99999/members', { memberIds: [] }), 404, ErrorCode.NotFound);
  });

  it('routes the next ticket by a new rule at once, and by a changed rule after that', async () => {
    const agent = await login(t, 'agent1');
    const target = (await queues()).find((q) => q.code === 'complaint-east')!;
    const billing = (await queues()).find((q) => q.code === 'billing-east')!;
    // No district-less rule exists for billing tickets: a caller without an account goes to triage.
    const noAccount = call({ type: 'billing', accountNo: undefined, description: '多扣了燃气费' });
    expect((await createTicket(t, agent, noAccount)).queueId).toBe(
      (await queues()).find((q) => q.kind === 'triage')!.id,
    );

    const created = await send('post', '/api/admin/routing-rules', { ticketType: 'billing', queueId: target.id });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      ticketType: 'billing',
      districtId: null,
      stationId: null,
      queueId: target.id,
    });
    expect((await createTicket(t, agent, noAccount)).queueId).toBe(target.id);

    const changed = await send('patch', `/api/admin/routing-rules/${created.body.id}`, { queueId: billing.id });
    expect(changed.body).toMatchObject({ id: created.body.id, queueId: billing.id });
    expect((await createTicket(t, agent, noAccount)).queueId).toBe(billing.id);
    expect(await auditOf(t, 'routing_rule', created.body.id)).toEqual([
      expect.objectContaining({ action: 'routing_rule.update', before: created.body, after: changed.body }),
      expect.objectContaining({ action: 'routing_rule.create' }),
    ]);
  });

  it.each<[string, object, number, ErrorCode]>([
    [
      'a second rule for the same type and place',
      { ticketType: 'leak', districtId: 1, queueId: 1 },
      409,
      ErrorCode.AlreadyExists,
    ],
    ['an unknown queue', { ticketType: 'repair', queueId: 99999 }, 400, ErrorCode.ValidationFailed],
    ['an unknown ticket type', { ticketType: 'gas', queueId: 1 }, 400, ErrorCode.ValidationFailed],
    [
      'a station of another district',
      { ticketType: 'repair', districtId: 2, stationId: 1, queueId: 1 },
      400,
      ErrorCode.ValidationFailed,
    ],
  ])('refuses a routing rule with %s', async (_what, body, status, code) => {
    const before = await rules();
    expectRefused(await send('post', '/api/admin/routing-rules', body), status, code);
    expect(await rules()).toEqual(before);
  });

  it('answers 404 for a rule that does not exist, and 403 to a supervisor', async () => {
    expectRefused(await send('patch', '/api/admin/routing-rules/99999', { queueId: 1 }), 404, ErrorCode.NotFound);
    const supervisor = await login(t, 'supervisor1');
    expectRefused(await send('post', '/api/admin/queues', { name: '主管建的' }, supervisor), 403, ErrorCode.Forbidden);
    expectRefused(
      await send('post', '/api/admin/routing-rules', { ticketType: 'repair', queueId: 1 }, supervisor),
      403,
      ErrorCode.Forbidden,
    );
  });
});

describe('a routing change in one server process', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondInstance(t);
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('is used by the next ticket taken by another process at once (no stale routing table)', async () => {
    const admin = await login(t, 'admin');
    const agent = await login(t, 'agent1');
    const viaSecond = async () => {
      const res = await request(second.getHttpServer())
        .post('/api/tickets')
        .set('Authorization', agent)
        .send(call({ type: 'inspection', description: '预约安检' }));
      expect(res.status).toBe(201);
      return res.body.queueId as number;
    };
    const list = (await t.http().get('/api/admin/queues').set('Authorization', admin).expect(200)).body as QueueRow[];
    const inspection = list.find((q) => q.code === 'inspection-east')!;
    const business = list.find((q) => q.code === 'business-east')!;
    // The second process routes (and caches its table) first.
    expect(await viaSecond()).toBe(inspection.id);
    const rule = (await t.http().get('/api/admin/routing-rules').set('Authorization', admin).expect(200)).body.find(
      (r: { ticketType: string; queueId: number }) => r.ticketType === 'inspection' && r.queueId === inspection.id,
    );
    await t
      .http()
      .patch(`/api/admin/routing-rules/${rule.id}`)
      .set('Authorization', admin)
      .send({ queueId: business.id })
      .expect(200);
    expect(await viaSecond()).toBe(business.id);
    // And a queue renamed in the second process is what the first one shows.
    await request(second.getHttpServer())
      .patch(`/api/admin/queues/${business.id}`)
      .set('Authorization', admin)
      .send({ name: '城东业务与安检' })
      .expect(200);
    const seen = (await t.http().get('/api/admin/queues').set('Authorization', admin).expect(200)).body as QueueRow[];
    expect(seen.find((q) => q.id === business.id)!.name).toBe('城东业务与安检');
  });
});
