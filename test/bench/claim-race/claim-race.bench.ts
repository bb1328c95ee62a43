import { createConnection } from 'mysql2/promise';
import { api, staffToken } from '../../support/server-process';
import {
  Benchmark,
  BenchBody,
  cpuSeconds,
  createBenchDatabase,
  log,
  percentile,
  round,
  scaled,
} from '../support/bench-env';
import { startBenchServer } from '../support/bench-server';

const STAFF = 50;
const TICKETS = scaled(500, 20);

const repairCall = (n: number) => ({
  type: 'repair',
  accountNo: '9100000003',
  address: '城东区建设大道13号',
  contactName: `住户${n}`,
  contactPhone: '13900001111',
  description: `暖气不热 #${n}`,
  channel: 'phone',
});

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

/** 50 technicians of one station, members of its repair queue, with the demo password (tech1's hash). */
async function addTechnicians(url: string, queueId: number): Promise<string[]> {
  const conn = await createConnection(url);
  try {
    const [[tech]] = (await conn.query(
      "SELECT passwordHash, stationId, districtId FROM staff WHERE username = 'tech1'",
    )) as unknown as [{ passwordHash: string; stationId: number; districtId: number }[]];
    const names = Array.from({ length: STAFF }, (_, i) => `bench-tech-${String(i + 1).padStart(2, '0')}`);
    await conn.query(
      'INSERT INTO staff (username, name, passwordHash, role, stationId, districtId, capacity, active) VALUES ?',
      [
        names.map((n, i) => [
          n,
          `师傅${i + 1}`,
          tech.passwordHash,
          'technician',
          tech.stationId,
          tech.districtId,
          5,
          1,
        ]),
      ],
    );
    await conn.query('INSERT INTO queue_member (queueId, staffId) SELECT ?, id FROM staff WHERE username LIKE ?', [
      queueId,
      'bench-tech-%',
    ]);
    return names;
  } finally {
    await conn.end();
  }
}

async function run(): Promise<BenchBody> {
  const db = await createBenchDatabase('claims');
  try {
    const server = await startBenchServer(db.url);
    try {
      const agent = await staffToken(server.url, 'agent1');
      log(`claim-race: ${TICKETS} tickets into one queue`);
      const created = await pool(
        Array.from({ length: TICKETS }, (_, n) => n),
        8,
        async (n) => {
          const res = await api(server.url, 'POST', '/api/tickets', agent, repairCall(n));
          if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
          return res.body as { id: number; queueId: number };
        },
      );
      const queueId = created[0].queueId;
      const tokens = await pool(await addTechnicians(db.url, queueId), 4, (u) => staffToken(server.url, u));

      log(`claim-race: ${STAFF} staff pull from the queue at once`);
      const calls: { ms: number; status: number; code?: string; id?: number; staff: number }[] = [];
      const cpuBefore = cpuSeconds(server.process.pid!);
      const started = performance.now();
      await Promise.all(
        tokens.map(async (token, staff) => {
          for (;;) {
            const t0 = performance.now();
            const res = await api(server.url, 'POST', `/api/queues/${queueId}/claim`, token);
            calls.push({
              ms: performance.now() - t0,
              status: res.status,
              code: res.body?.code,
              id: res.body?.id,
              staff,
            });
            if (res.status !== 200) break;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const cpuPerCall = (1000 * (cpuSeconds(server.process.pid!) - cpuBefore)) / calls.length;

      const won = calls.filter((c) => c.status === 200);
      const wonIds = won.map((c) => c.id!);
      const unexpected = calls.filter((c) => c.status !== 200 && !(c.status === 404 && c.code === 'QUEUE_EMPTY'));
      const conn = await createConnection(db.url);
      const [rows] = (await conn.query(
        "SELECT t.id, t.assigneeId, s.username, (SELECT COUNT(*) FROM ticket_event e WHERE e.ticketId = t.id AND e.kind = 'claimed') AS claims FROM ticket t LEFT JOIN staff s ON s.id = t.assigneeId WHERE t.queueId = ?",
        [queueId],
      )) as unknown as [{ id: number; assigneeId: number | null; username: string | null; claims: number }[]];
      await conn.end();
      const winnerOf = new Map(won.map((c) => [c.id!, `bench-tech-${String(c.staff + 1).padStart(2, '0')}`]));
      const wrongOwner = rows.filter((r) => winnerOf.get(r.id) !== r.username);
      const claimMs = won.map((c) => c.ms);
      const allMs = calls.map((c) => c.ms);
      const p99 = round(percentile(claimMs, 99));
      return {
        figures: [
          { label: 'tickets claimed', value: won.length, unit: `of ${TICKETS}` },
          { label: 'claims per second', value: round(won.length / seconds), unit: '/s' },
          { label: 'claim p50 latency', value: round(percentile(claimMs, 50)), unit: 'ms' },
          { label: 'claim p99 latency', value: p99, unit: 'ms', target: '< 50 ms', met: p99 < 50 },
          { label: 'claim max latency', value: round(Math.max(...claimMs)), unit: 'ms' },
          { label: 'server CPU per call', value: round(cpuPerCall, 2), unit: 'ms' },
          { label: 'p99 of every call (incl. the final QUEUE_EMPTY)', value: round(percentile(allMs, 99)), unit: 'ms' },
        ],
        checks: [
          {
            label: 'no ticket handed out twice',
            ok: new Set(wonIds).size === wonIds.length,
            detail: `${wonIds.length} wins, ${new Set(wonIds).size} distinct tickets`,
          },
          {
            label: 'every ticket of the queue handed out',
            ok: new Set(wonIds).size === TICKETS,
            detail: `${new Set(wonIds).size} of ${TICKETS}`,
          },
          {
            label: 'every other answer is 404 QUEUE_EMPTY',
            ok: unexpected.length === 0,
            detail: `${unexpected.length} other answers ${JSON.stringify(unexpected.slice(0, 3))}`,
          },
          {
            label: 'database: each ticket assigned to its winner, one claimed event',
            ok: rows.length === TICKETS && wrongOwner.length === 0 && rows.every((r) => Number(r.claims) === 1),
            detail: `${rows.length} tickets, ${wrongOwner.length} with another assignee, ${rows.filter((r) => Number(r.claims) !== 1).length} without exactly one claimed event`,
          },
        ],
        notes: [
          `${STAFF} technicians, each calling POST /api/queues/:id/claim in a loop until QUEUE_EMPTY; ${TICKETS} repair tickets in the queue`,
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

export const claimRaceBenchmark: Benchmark = {
  name: 'claim-race',
  title: 'Claim race: 50 staff pulling from one queue',
  run,
};
