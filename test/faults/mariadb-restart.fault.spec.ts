import { queryRows } from '../support/db';
import { ServerProcess, TestDatabase, api, startServer, staffToken } from '../support/server-process';
import { dbTime, execute } from './support/db-write';
import { repairCall, startIntakeLoad, until } from './support/intake-load';
import { PrivateMariadb, startPrivateMariadb } from './support/private-mariadb';

const TICKETS = 60;
const CLIENTS = 4;
const OUTAGE_MS = 3000;

const ready = (s: ServerProcess) =>
  fetch(`${s.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status,
    () => 0,
  );

/** MariaDB killed under intake load and started again: the server says so, recovers alone, loses nothing. */
describe('MariaDB restarted during load', () => {
  let mariadb: PrivateMariadb;
  let server: ServerProcess;

  beforeAll(async () => {
    mariadb = await startPrivateMariadb();
    server = await startServer(mariadb.url, {
      SLA_SWEEP_SECONDS: '1',
      NOTICE_WORKER_SECONDS: '1',
      PAYMENT_SWEEP_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await mariadb?.destroy();
  });

  it('answers /readyz 503 while the database is down, is ready again without a restart, and keeps every acknowledged ticket', async () => {
    const token = await staffToken(server.url, 'agent1');
    const load = startIntakeLoad(() => server.url, token, TICKETS, CLIENTS, 'fault-db');
    await until(() => load.acknowledged() >= TICKETS / 3, 60_000, 'a third of the tickets acknowledged');
    const ackedBeforeCrash = load.acknowledged();

    await mariadb.stop('SIGKILL');
    const crashedAt = Date.now();
    const unreadyMs = await until(async () => (await ready(server)) === 503, 10_000, '/readyz to answer 503');
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const ackedDuringOutage = load.acknowledged();
    await mariadb.start();
    const restartedAt = Date.now();
    const recoveryMs = await until(async () => (await ready(server)) === 200, 30_000, '/readyz to answer 200 again');
    const outcomes = await load.done;

    // The same process throughout: it recovered by itself.
    expect(server.process.exitCode).toBeNull();
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    for (const o of outcomes) {
      const ticket = await api(server.url, 'GET', `/api/tickets/${o.ticketId}`, token);
      expect(ticket.status).toBe(200);
      expect(ticket.body.description).toBe(o.description);
    }
    const rows = await queryRows<{ description: string; n: number }>(
      { url: mariadb.url, drop: async () => undefined } as TestDatabase,
      "SELECT description, COUNT(*) AS n FROM ticket WHERE description LIKE 'fault-db #%' GROUP BY description",
    );
    expect(rows).toHaveLength(TICKETS);
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);

    // The SLA sweeper, whose ticks failed while the database was down, works again too.
    const late = await api(server.url, 'POST', '/api/tickets', token, repairCall('fault-db late'));
    expect(late.status).toBe(201);
    await execute(mariadb, 'UPDATE ticket_clock SET riskAt = ?, dueAt = ? WHERE ticketId = ?', [
      dbTime(new Date(Date.now() - 120_000)),
      dbTime(new Date(Date.now() - 60_000)),
      late.body.id,
    ]);
    const sweptMs = await until(
      async () => {
        const detail = await api(server.url, 'GET', `/api/tickets/${late.body.id}`, token);
        return detail.body.events.some((e: { kind: string }) => e.kind === 'escalated');
      },
      15_000,
      'the sweeper to escalate a breach after the restart',
    );

    const statuses = load
      .failures()
      .reduce<Record<string, number>>((all, f) => ({ ...all, [f]: (all[f] ?? 0) + 1 }), {});
    // While it was down, clients were told to retry (503 NOT_READY), never given an internal error.
    expect(Object.keys(statuses).filter((s) => s !== '503 NOT_READY')).toEqual([]);
    console.log(
      `[fault] MariaDB SIGKILL + restart: ${TICKETS} tickets by ${CLIENTS} clients; ${ackedBeforeCrash} acknowledged before the crash, ` +
        `${ackedDuringOutage - ackedBeforeCrash} during the ${OUTAGE_MS} ms outage; /readyz 503 after ${unreadyMs} ms, ` +
        `200 again ${recoveryMs} ms after MariaDB accepted connections (${restartedAt - crashedAt} ms down); ` +
        `refused attempts: ${JSON.stringify(statuses)}; ${rows.length} tickets stored, ${rows.filter((r) => Number(r.n) > 1).length} duplicated; ` +
        `SLA sweeper escalated a new breach ${sweptMs} ms after it was due`,
    );
  });
});
