import { createConnection } from 'mysql2/promise';
import { api, staffToken } from '../../support/server-process';
import { Benchmark, BenchBody, cpuSeconds, createBenchDatabase, log, round, scaled } from '../support/bench-env';
import { startBenchServer } from '../support/bench-server';
import { seedHouseholds } from './seed-households';

const HOUSEHOLDS = scaled(100_000, 1000);
/** How long broadcasts are left to send to measure their rate. */
const SEND_WINDOW_S = 20;

/**
 * An unplanned outage over HOUSEHOLDS accounts, each with a bound resident who consented: the
 * declaration (HTTP), the planning of one notice per resident by the notice worker (target ≤ 60 s),
 * then the send rate of the broadcast and how long a resident's own notice queued behind it waits.
 */
async function run(): Promise<BenchBody> {
  const db = await createBenchDatabase('outage');
  const dev = { NODE_ENV: 'development', WECHAT_MODE: 'mock', SEED_DEMO: 'true' };
  try {
    const seeding = await startBenchServer(db.url, { ...dev, JOBS: 'off' });
    await seeding.stop();
    const conn = await createConnection(db.url);
    try {
      log(`outage-notices: seeding ${HOUSEHOLDS} households with a consenting resident each`);
      const seedStarted = Date.now();
      await seedHouseholds(conn, HOUSEHOLDS);
      const seedSeconds = (Date.now() - seedStarted) / 1000;
      const one = async <T>(sql: string, params: unknown[] = []) =>
        ((await conn.query(sql, params)) as unknown as [T[]])[0][0];

      const server = await startBenchServer(db.url, { ...dev, JOBS: 'notice-worker', NOTICE_WORKER_SECONDS: '1' });
      try {
        const dispatcher = await staffToken(server.url, 'dispatcher1');
        const cpuBefore = cpuSeconds(server.process.pid!);
        const started = Date.now();
        const declared = await api(server.url, 'POST', '/api/staff/outages', dispatcher, {
          utility: 'gas',
          kind: 'unplanned',
          area: { buildings: ['城东区停气路'] },
          startsAt: new Date(started - 60_000).toISOString(),
          restoreBy: new Date(started + 8 * 3_600_000).toISOString(),
          reason: '中压干管抢修',
        });
        const declareSeconds = (Date.now() - started) / 1000;
        if (declared.status !== 201)
          throw new Error(`declare failed: ${declared.status} ${JSON.stringify(declared.body)}`);
        log(`outage-notices: declared over ${declared.body.households} households in ${round(declareSeconds)} s`);
        let planned: { doneAt: Date | null; queued: number } = { doneAt: null, queued: 0 };
        while (!planned.doneAt && Date.now() - started < 600_000) {
          await new Promise((r) => setTimeout(r, 500));
          planned = await one('SELECT doneAt, residentsQueued AS queued FROM outage_announcement WHERE outageId = ?', [
            declared.body.id,
          ]);
        }
        const planSeconds = (Date.now() - started) / 1000;
        const cpu = cpuSeconds(server.process.pid!) - cpuBefore;
        log(`outage-notices: ${planned.queued} notices planned ${round(planSeconds)} s after the declaration`);

        // A resident's own notice (a ticket's) queued while the broadcast sends: how long until it goes.
        const sendStarted = Date.now();
        const sentAtStart = await one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM notice WHERE priority = 1 AND status = 'sent'",
        );
        const [inserted] = (await conn.query(
          `INSERT INTO notice (dedupeKey, residentId, ticketId, templateId, page, data, status, priority, attempts, nextAttemptAt, createdAt)
           SELECT 'bench-own-notice', MIN(id), NULL, 'TPL_TICKET_PROGRESS', 'pages/index/index', '{"thing1":{"value":"师傅已出发"}}', 'pending', 0, 0, ?, ? FROM resident WHERE openid LIKE 'obench%'`,
          [new Date(), new Date()],
        )) as unknown as [{ insertId: number }];
        let ownWait = NaN;
        while (Date.now() - sendStarted < SEND_WINDOW_S * 1000) {
          await new Promise((r) => setTimeout(r, 200));
          const own = await one<{ status: string }>('SELECT status FROM notice WHERE id = ?', [inserted.insertId]);
          if (Number.isNaN(ownWait) && own.status === 'sent') ownWait = (Date.now() - sendStarted) / 1000;
        }
        const sentAtEnd = await one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM notice WHERE priority = 1 AND status = 'sent'",
        );
        const rate = (Number(sentAtEnd.n) - Number(sentAtStart.n)) / ((Date.now() - sendStarted) / 1000);
        const perResident = await one<{ residents: number; notices: number; pending: number }>(
          "SELECT COUNT(DISTINCT residentId) AS residents, COUNT(*) AS notices, SUM(status = 'skipped') AS pending FROM notice WHERE dedupeKey LIKE 'outage:%'",
        );
        return {
          figures: [
            { label: 'households in the outage', value: Number(declared.body.households), unit: '' },
            { label: 'declaration (HTTP, area resolved and written)', value: round(declareSeconds), unit: 's' },
            {
              label: 'notices planned (declaration to the last notice queued)',
              value: round(planSeconds),
              unit: 's',
              target: '≤ 60 s',
              met: planSeconds <= 60,
            },
            { label: 'server CPU while declaring and planning', value: round(cpu), unit: 's' },
            { label: 'broadcast send rate (NOTICE_BROADCAST_PER_RUN=40, every 1 s)', value: round(rate), unit: '/s' },
            {
              label: "a resident's own notice queued behind the broadcast: sent after",
              value: round(ownWait),
              unit: 's',
            },
            { label: 'seeding (not timed against the target)', value: round(seedSeconds), unit: 's' },
          ],
          checks: [
            {
              label: 'one notice per affected resident',
              ok: Number(perResident.residents) === HOUSEHOLDS && Number(perResident.notices) === HOUSEHOLDS,
              detail: `${perResident.notices} notices for ${perResident.residents} residents of ${HOUSEHOLDS}`,
            },
            {
              label: 'every notice took a consent (none skipped)',
              ok: Number(perResident.pending) === 0,
              detail: `${perResident.pending} skipped`,
            },
            {
              label: "the resident's own notice is not starved by the broadcast",
              ok: ownWait <= 5,
              detail: `sent after ${ownWait} s`,
            },
          ],
          notes: [
            `${HOUSEHOLDS} gas accounts on one road (area given as a building prefix), one consenting resident each; the notice worker runs every second in the server process, planning in chunks of 2,000 accounts with set-based inserts.`,
            'Mock WeChat on loopback: the send rate is the configured broadcast budget, not WeChat’s.',
          ],
        };
      } finally {
        await server.stop();
      }
    } finally {
      await conn.end();
    }
  } finally {
    await db.drop();
  }
}

export const outageNoticesBenchmark: Benchmark = {
  name: 'outage-notices',
  title: 'Outage notices: 100,000 households',
  run,
};
