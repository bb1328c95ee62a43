import { queryRows } from '../support/db';
import {
  ServerProcess,
  TestDatabase,
  api,
  createTestDatabase,
  startServer,
  staffToken,
} from '../support/server-process';
import { startIntakeLoad, until } from './support/intake-load';

const TICKETS = 60;
const CLIENTS = 8;

/** The server SIGKILLed in the middle of intake, then started again on the same database. */
describe('server killed during intake', () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer(db.url);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('keeps every acknowledged ticket and creates none twice for retries with the same Idempotency-Key', async () => {
    const token = await staffToken(server.url, 'agent1');
    let base = server.url;
    const load = startIntakeLoad(() => base, token, TICKETS, CLIENTS, 'fault-kill');
    // Killed twice: at a third and at two thirds of the load, each time with requests in flight.
    const kills: { acked: number; inFlight: number; restartMs: number }[] = [];
    for (const share of [1 / 3, 2 / 3]) {
      await until(
        () => load.acknowledged() >= TICKETS * share && load.inFlight() > 0,
        60_000,
        `${Math.round(share * 100)} % of the tickets acknowledged`,
      );
      const acked = load.acknowledged();
      const inFlight = load.inFlight();
      await server.stop('SIGKILL');
      const killedAt = Date.now();
      server = await startServer(db.url);
      base = server.url;
      kills.push({ acked, inFlight, restartMs: Date.now() - killedAt });
    }
    const outcomes = await load.done;

    const keys = new Set(outcomes.map((o) => o.key));
    expect(keys.size).toBe(TICKETS);
    // Every acknowledged ticket is there after the restart, as acknowledged.
    for (const o of outcomes) {
      const ticket = await api(server.url, 'GET', `/api/tickets/${o.ticketId}`, token);
      expect(ticket.status).toBe(200);
      expect(ticket.body.description).toBe(o.description);
    }
    // One ticket per key: the kill and the retries made no duplicate.
    const rows = await queryRows<{ description: string; n: number }>(
      db,
      "SELECT description, COUNT(*) AS n FROM ticket WHERE description LIKE 'fault-kill #%' GROUP BY description",
    );
    expect(rows).toHaveLength(TICKETS);
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    expect(new Set(outcomes.map((o) => o.ticketId)).size).toBe(TICKETS);

    const retried = outcomes.filter((o) => o.failedAttempts > 0);
    console.log(
      `[fault] server SIGKILL ×2: ${TICKETS} tickets by ${CLIENTS} clients; kills at ${kills.map((k) => `${k.acked} acknowledged/${k.inFlight} in flight`).join(' and ')}; ` +
        `restarts ${kills.map((k) => k.restartMs).join(' and ')} ms; ${retried.length} retried (${load.failures().length} failed attempts), ` +
        `${outcomes.filter((o) => o.replayed).length} answered as replays (committed before the kill, answer lost); ` +
        `${rows.length} tickets in the database, ${rows.filter((r) => Number(r.n) > 1).length} duplicated`,
    );
  });
});
