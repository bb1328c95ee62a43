import { queryRows } from '../support/db';
import {
  ServerProcess,
  TestDatabase,
  api,
  createTestDatabase,
  startServer,
  staffToken,
} from '../support/server-process';
import { dbTime, execute } from './support/db-write';
import { until } from './support/intake-load';
import { HOME, residentWithAccount } from './support/residents';

const TICKETS = 12;
const FAST = { JOBS: 'sla-sweep,notice-worker', SLA_SWEEP_SECONDS: '1', NOTICE_WORKER_SECONDS: '1' };

interface Message {
  touser: string;
  page: string;
  template_id: string;
  data: Record<string, { value: string }>;
}

/** Two server processes on one database, both running the SLA sweeper and the notice outbox every second. */
describe('two server processes sweeping and sending from one database', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // One after the other: the first migrates and seeds.
    for (let i = 0; i < 2; i++) servers.push(await startServer(db.url, FAST));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('escalates each breach once and sends each notice once', async () => {
    const on = (i: number) => servers[i % 2].url;
    const [agent, tech] = await Promise.all([staffToken(on(0), 'agent1'), staffToken(on(1), 'tech1')]);
    const resident = await residentWithAccount(on(0), 'two-processes');
    const templates = (await api(on(0), 'GET', '/api/notice-templates')).body;
    const ids: number[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const created = await api(on(i), 'POST', '/api/tickets', agent, {
        type: 'repair',
        accountNo: HOME.accountNo,
        address: '城东区幸福路11号',
        contactName: HOME.holderName,
        contactPhone: '13812345678',
        description: `fault-two #${i}`,
        channel: 'miniapp',
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
      const consent = await api(on(i + 1), 'POST', `/api/my/tickets/${created.body.id}/subscriptions`, resident.token, {
        templateIds: [templates.progress],
      });
      expect(consent.status).toBe(201);
    }
    // 已派单 for every ticket: one notice each to send, planned by whichever worker reads the event first.
    for (const [i, id] of ids.entries())
      expect((await api(on(i), 'POST', `/api/tickets/${id}/claim`, tech)).status).toBe(200);

    const claimedAt = Date.now();
    // Time runs out on every running clock, in two waves, while both sweepers run.
    const list = ids.join(',');
    const expire = (part: number[]) =>
      execute(
        db,
        `UPDATE ticket_clock SET riskAt = ?, dueAt = ? WHERE stoppedAt IS NULL AND ticketId IN (${part.join(',')})`,
        [dbTime(new Date(Date.now() - 120_000)), dbTime(new Date(Date.now() - 60_000))],
      );
    const expired =
      (await expire(ids.slice(0, TICKETS / 2))) +
      (await new Promise((r) => setTimeout(r, 700)), await expire(ids.slice(TICKETS / 2)));
    expect(expired).toBeGreaterThanOrEqual(TICKETS);
    const breachMs = await until(
      async () => {
        const [row] = await queryRows<{ n: number }>(
          db,
          `SELECT COUNT(*) AS n FROM ticket_clock WHERE ticketId IN (${list}) AND stoppedAt IS NULL AND breachedAt IS NULL`,
        );
        return Number(row.n) === 0;
      },
      30_000,
      'every expired clock to be breached',
    );
    await until(
      async () => {
        const [row] = await queryRows<{ n: number }>(
          db,
          `SELECT COUNT(*) AS n FROM notice WHERE ticketId IN (${list}) AND status NOT IN ('sent', 'skipped')`,
        );
        return Number(row.n) === 0;
      },
      30_000,
      'every notice to be sent',
    );
    const sentMs = Date.now() - claimedAt;
    // A few more rounds of both workers: nothing more may happen.
    await new Promise((r) => setTimeout(r, 3000));

    let escalations = 0;
    for (const id of ids) {
      const detail = await api(on(0), 'GET', `/api/tickets/${id}`, agent);
      const kinds = (detail.body.events as { kind: string }[]).map((e) => e.kind);
      const breaches = await queryRows(db, 'SELECT id FROM sla_breach WHERE ticketId = ?', [id]);
      const count = (kind: string) => kinds.filter((k) => k === kind).length;
      expect({ escalated: count('escalated'), breached: count('breached') }).toEqual({
        escalated: breaches.length,
        breached: breaches.length,
      });
      escalations += breaches.length;
    }
    expect(escalations).toBe(expired);

    const received = await Promise.all(
      servers.map(async (s) => (await api(s.url, 'GET', '/api/dev/wechat-messages')).body as Message[]),
    );
    const all = received.flat();
    const perTicket = new Map<string, number>();
    for (const m of all)
      perTicket.set(
        `${m.touser} ${m.page} ${m.data.phrase3.value}`,
        (perTicket.get(`${m.touser} ${m.page} ${m.data.phrase3.value}`) ?? 0) + 1,
      );
    expect([...perTicket.values()].filter((n) => n !== 1)).toEqual([]);
    expect(all.map((m) => m.page).sort()).toEqual(ids.map((id) => `packages/requests/detail?id=${id}`).sort());

    console.log(
      `[fault] two processes: ${TICKETS} tickets, ${expired} clocks expired in 2 waves; all breached within ${breachMs} ms; ` +
        `${escalations} escalations (1 per breach, 0 doubled); ${all.length} notices received (process A sent ${received[0].length}, ` +
        `B ${received[1].length}; 0 sent twice), all sent within ${sentMs} ms of the claims`,
    );
  });
});
