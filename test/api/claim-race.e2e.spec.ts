import {
  ServerProcess,
  TestDatabase,
  api,
  createTestDatabase,
  startServer,
  staffToken,
} from '../support/server-process';

const repairCall = (n: number) => ({
  type: 'repair',
  accountNo: '9100000003',
  address: '城东区建设大道13号',
  contactName: `住户${n}`,
  contactPhone: '13900001111',
  description: `暖气不热 #${n}`,
  channel: 'phone',
});

/** Several server processes on one database, as in production behind a load balancer. */
describe('claims across server processes', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // One after the other: the first applies migrations and seeds, the others find them done.
    for (let i = 0; i < 3; i++) servers.push(await startServer(db.url, { SLA_SWEEP_SECONDS: '1' }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  });

  it('gives each ticket to exactly one of many simultaneous claimants', async () => {
    const [a] = servers;
    const agent = await staffToken(a.url, 'agent1');
    const claimants = await Promise.all(
      ['tech1', 'tech2', 'dispatcher1', 'supervisor1', 'admin'].map((u) => staffToken(a.url, u)),
    );
    for (let n = 0; n < 4; n++) {
      const ticket = await api(a.url, 'POST', '/api/tickets', agent, repairCall(n));
      expect(ticket.status).toBe(201);
      const answers = await Promise.all(
        claimants.flatMap((token, i) =>
          servers.map((s, j) =>
            api(servers[(i + j) % servers.length].url, 'POST', `/api/tickets/${ticket.body.id}/claim`, token),
          ),
        ),
      );
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 409 && r.body.code === 'TICKET_ALREADY_CLAIMED')).toHaveLength(
        answers.length - 1,
      );
      const detail = await api(a.url, 'GET', `/api/tickets/${ticket.body.id}`, agent);
      expect(detail.body.events.filter((e: { kind: string }) => e.kind === 'claimed')).toHaveLength(1);
    }
  });

  it('hands out every queued ticket once when staff pull the next one at the same time', async () => {
    const [a] = servers;
    const agent = await staffToken(a.url, 'agent1');
    const created = [];
    for (let n = 0; n < 8; n++)
      created.push((await api(a.url, 'POST', '/api/tickets', agent, repairCall(100 + n))).body);
    const queueId = created[0].queueId;
    const pullers = await Promise.all(
      ['tech1', 'tech2', 'dispatcher1', 'supervisor1'].map((u) => staffToken(a.url, u)),
    );
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        api(servers[i % servers.length].url, 'POST', `/api/queues/${queueId}/claim`, pullers[i % pullers.length]),
      ),
    );
    const won = answers.filter((r) => r.status === 200).map((r) => r.body.id);
    expect(new Set(won).size).toBe(won.length);
    expect(won.sort()).toEqual(created.map((t) => t.id).sort());
    expect(answers.filter((r) => r.status === 404).every((r) => r.body.code === 'QUEUE_EMPTY')).toBe(true);
  });
});
