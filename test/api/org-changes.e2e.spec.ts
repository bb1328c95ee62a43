import {
  ServerProcess,
  TestDatabase,
  api,
  createTestDatabase,
  startServer,
  staffToken,
} from '../support/server-process';

const call = (type: string) => ({
  type,
  accountNo: '9100000003',
  address: '城东区建设大道13号',
  contactName: '住户',
  contactPhone: '13900001111',
  description: type === 'leak' ? '楼道里有燃气味' : '预约入户安检',
  channel: 'phone',
});

/** An admin's change in one server process is used by the next request to another (no stale cache). */
describe('organisation changes across server processes', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // One after the other: the first applies migrations and seeds, the second finds them done.
    for (let i = 0; i < 2; i++) servers.push(await startServer(db.url, { SLA_SWEEP_SECONDS: '0' }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('routes by a rule changed in the other process at once, and auto-assigns by its roster change', async () => {
    const [a, b] = servers;
    const admin = await staffToken(a.url, 'admin');
    const agent = await staffToken(b.url, 'agent1');
    const queues: { id: number; code: string }[] = (await api(a.url, 'GET', '/api/admin/queues', admin)).body;
    const id = (code: string) => queues.find((q) => q.code === code)!.id;

    // b routes first, so it holds the routing table in its cache.
    expect((await api(b.url, 'POST', '/api/tickets', agent, call('inspection'))).body.queueId).toBe(
      id('inspection-east'),
    );
    const rules: { id: number; ticketType: string; queueId: number }[] = (
      await api(a.url, 'GET', '/api/admin/routing-rules', admin)
    ).body;
    const rule = rules.find((r) => r.ticketType === 'inspection' && r.queueId === id('inspection-east'))!;
    const changed = await api(a.url, 'PATCH', `/api/admin/routing-rules/${rule.id}`, admin, {
      queueId: id('business-east'),
    });
    expect(changed.status).toBe(200);
    expect((await api(b.url, 'POST', '/api/tickets', agent, call('inspection'))).body.queueId).toBe(
      id('business-east'),
    );

    // Emptying the east technicians' current shifts in a: b's next leak finds nobody on duty.
    const now = Date.now();
    const shifts: { id: number; districtId: number; staffIds: number[] }[] = (
      await api(
        a.url,
        'GET',
        `/api/admin/rota?from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 3_600_000).toISOString()}`,
        admin,
      )
    ).body;
    const before = await api(b.url, 'POST', '/api/tickets', agent, call('leak'));
    expect(before.body).toMatchObject({ status: 'assigned' });
    for (const s of shifts)
      expect((await api(a.url, 'PATCH', `/api/admin/rota/${s.id}`, admin, { staffIds: [] })).status).toBe(200);
    const after = await api(b.url, 'POST', '/api/tickets', agent, call('leak'));
    expect(after.body).toMatchObject({ status: 'accepted', assigneeId: null });
  });
});
