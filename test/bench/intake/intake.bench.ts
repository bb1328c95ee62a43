import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';
import { SlaPolicyRule, SlaSubject, TicketType, resolveSlaPolicy } from '@utility/shared';
import { api, staffToken } from '../../support/server-process';
import { BENCH_DATA_KEY, startBenchServer as startServer } from '../support/bench-server';
import {
  Benchmark,
  BenchBody,
  Check,
  Figure,
  REPO_ROOT,
  SCALE,
  cpuSeconds,
  createBenchDatabase,
  log,
  round,
} from '../support/bench-env';

const DURATION_S = Math.max(2, Math.round(20 * SCALE));
const CONNECTIONS = [16, 64];

/** An agent taking a repair call on the 24-hour line, as in the claim-race e2e. */
const REPAIR_CALL = {
  type: 'repair',
  accountNo: '9100000003',
  address: '城东区建设大道13号',
  contactName: '住户',
  contactPhone: '13900001111',
  description: '暖气不热，楼上也不热',
  channel: 'phone',
};

interface Load {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** Server process CPU (user + system) per answered request: steadier than requests/s on a shared machine. */
  cpuMs: number;
}

async function load(url: string, pid: number, connections: number, token: string | null): Promise<Load> {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url: `${url}/api/tickets`,
    method: 'POST',
    connections,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(REPAIR_CALL),
  });
  return {
    rps: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    cpuMs: round((1000 * (cpuSeconds(pid) - cpuBefore)) / Math.max(1, result['2xx']), 2),
  };
}

/** What the bare endpoint is told instead of looking it up: where the call goes, who takes it, its SLA policy. */
type BareSetup = Record<string, string>;

function startBare(databaseUrl: string, setup: BareSetup): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '../register.js'), join(__dirname, 'bare-intake-server.ts')],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_ENCRYPTION_KEY: BENCH_DATA_KEY, ...setup },
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare endpoint exited with ${code}`)));
    child.stdout!.on('data', (d: Buffer) => {
      const port = /listening (\d+)/.exec(String(d))?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    });
  });
}

const rows = async <T>(conn: Connection, sql: string, params: unknown[] = []) =>
  (await conn.query(sql, params))[0] as T[];

/**
 * The product's own choices for the probe call, read from its database: the queue it routed to, the
 * agent, and the SLA policy it resolves for a repair on that account by phone (docs/domain.md#clocks).
 */
async function bareSetup(conn: Connection, probe: { queueId: number }): Promise<BareSetup> {
  const [queue] = await rows<{ name: string }>(conn, 'SELECT name FROM queue WHERE id = ?', [probe.queueId]);
  const [agent] = await rows<{ id: number; name: string; role: string }>(
    conn,
    "SELECT id, name, role FROM staff WHERE username = 'agent1'",
  );
  const [place] = await rows<{ districtId: number; stationId: number; utility: string | null }>(
    conn,
    'SELECT districtId, stationId, utility FROM account WHERE accountNo = ?',
    [REPAIR_CALL.accountNo],
  );
  const [district] = await rows<{ areaClass: string }>(conn, 'SELECT areaClass FROM district WHERE id = ?', [
    place.districtId,
  ]);
  const [station] = await rows<{ utility: string }>(conn, 'SELECT utility FROM station WHERE id = ?', [
    place.stationId,
  ]);
  const policies = await rows<{ clocks: string; atRiskPercent: number } & Record<string, unknown>>(
    conn,
    'SELECT * FROM sla_policy',
  );
  const rules = policies.map((p) => ({ ...p, clocks: JSON.parse(p.clocks), atRiskRatio: p.atRiskPercent / 100 }));
  const policy = resolveSlaPolicy(rules as unknown as SlaPolicyRule[], {
    ticketType: TicketType.Repair,
    utility: (place.utility ?? station.utility) as SlaSubject['utility'],
    areaClass: district.areaClass as SlaSubject['areaClass'],
    districtId: place.districtId,
    channel: REPAIR_CALL.channel as SlaSubject['channel'],
  });
  if (!policy) throw new Error('no SLA policy for the probe call');
  const days = await rows<{ date: string; working: number }>(conn, 'SELECT date, working FROM calendar_day');
  return {
    BARE_QUEUE_ID: String(probe.queueId),
    BARE_QUEUE_NAME: queue.name,
    BARE_DISTRICT_ID: String(place.districtId),
    BARE_STATION_ID: String(place.stationId),
    BARE_STAFF_ID: String(agent.id),
    BARE_STAFF_NAME: agent.name,
    BARE_STAFF_ROLE: agent.role,
    BARE_SLA_POLICY: JSON.stringify(policy),
    BARE_CALENDAR: JSON.stringify(Object.fromEntries(days.map((d) => [d.date, Boolean(d.working)]))),
  };
}

/**
 * A ticket's rows as intake wrote them, less what differs between any two calls (ids, times, the
 * ciphertext's random IV): the bare endpoint must write the product's rows, no fewer and no more.
 */
async function rowsOf(
  conn: Connection,
  ticketId: number,
): Promise<{ ticket: unknown; events: unknown[]; clocks: unknown[] }> {
  const [ticket] = await rows<Record<string, unknown>>(conn, 'SELECT * FROM ticket WHERE id = ?', [ticketId]);
  const events = await rows<Record<string, unknown>>(
    conn,
    'SELECT * FROM ticket_event WHERE ticketId = ? ORDER BY id',
    [ticketId],
  );
  const clocks = await rows<Record<string, unknown>>(
    conn,
    'SELECT * FROM ticket_clock WHERE ticketId = ? ORDER BY id',
    [ticketId],
  );
  const { id: _id, createdAt: _c, updatedAt: _u, contactPhone, ...rest } = ticket;
  const at = (ticket.createdAt as Date).getTime();
  const since = (d: unknown) => (d === null ? null : (d as Date).getTime() - at);
  return {
    ticket: { ...rest, contactPhone: String(contactPhone).split(':').length },
    events: events.map(({ id: _i, ticketId: _t, at: eventAt, ...e }) => ({ ...e, at: since(eventAt) })),
    // Working-day deadlines depend on the hour: started minutes apart, only which clocks and which stopped compare.
    clocks: clocks.map((c) => ({ kind: c.kind, startedAt: since(c.startedAt), stopped: since(c.stoppedAt) })),
  };
}

const ticketCount = async (url: string) => {
  const conn = await createConnection(url);
  const [[row]] = (await conn.query('SELECT COUNT(*) AS n FROM ticket')) as unknown as [{ n: number }[]];
  await conn.end();
  return Number(row.n);
};

async function run(): Promise<BenchBody> {
  const db = await createBenchDatabase('intake');
  const figures: Figure[] = [];
  const checks: Check[] = [];
  try {
    const server = await startServer(db.url);
    const product: Record<number, Load> = {};
    let setup: BareSetup;
    let productTicketId: number;
    try {
      const token = await staffToken(server.url, 'agent1');
      const probe = await api(server.url, 'POST', '/api/tickets', token, REPAIR_CALL);
      if (probe.status !== 201) throw new Error(`intake probe failed: ${probe.status} ${JSON.stringify(probe.body)}`);
      const conn = await createConnection(db.url);
      setup = await bareSetup(conn, probe.body);
      await conn.end();
      productTicketId = probe.body.id;
      await load(server.url, server.process.pid!, 4, token); // warm-up: JIT, pools, caches
      await new Promise((r) => setTimeout(r, 2000)); // its last requests land before tickets are counted
      for (const c of CONNECTIONS) {
        const before = await ticketCount(db.url);
        log(`intake: product at ${c} connections for ${DURATION_S} s`);
        product[c] = await load(server.url, server.process.pid!, c, token);
        await new Promise((r) => setTimeout(r, 2000)); // requests still in flight when autocannon stopped
        const created = (await ticketCount(db.url)) - before;
        checks.push({
          label: `product ${c} conn: every request answered 201, one ticket each`,
          // Up to one request per connection was cut off by the end of the run after its ticket was made.
          ok: product[c].failed === 0 && created >= product[c].ok && created <= product[c].ok + c,
          detail: `${product[c].ok} × 201, ${product[c].failed} failed, ${created} tickets created (≤ ${c} answered after the run ended)`,
        });
      }
    } finally {
      await server.stop();
    }
    const bare = await startBare(db.url, setup);
    const baseline: Record<number, Load> = {};
    try {
      const made = await fetch(`${bare.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(REPAIR_CALL),
      });
      const bareTicketId = ((await made.json()) as { id: number }).id;
      const conn = await createConnection(db.url);
      const [product, baseRows] = [await rowsOf(conn, productTicketId), await rowsOf(conn, bareTicketId)];
      await conn.end();
      const same = JSON.stringify(product) === JSON.stringify(baseRows);
      checks.push({
        label: 'bare endpoint writes the rows the product writes (ticket, events, clocks)',
        ok: same,
        detail: same
          ? `the same ticket row, ${product.events.length} events, ${product.clocks.length} clocks`
          : `product ${JSON.stringify(product)}, bare ${JSON.stringify(baseRows)}`,
      });
      await load(bare.url, bare.child.pid!, 4, null);
      for (const c of CONNECTIONS) {
        log(`intake: bare endpoint at ${c} connections for ${DURATION_S} s`);
        baseline[c] = await load(bare.url, bare.child.pid!, c, null);
        checks.push({
          label: `bare ${c} conn: no failed request`,
          ok: baseline[c].failed === 0,
          detail: `${baseline[c].ok} × 201, ${baseline[c].failed} failed`,
        });
      }
    } finally {
      bare.child.kill('SIGTERM');
    }
    for (const c of CONNECTIONS) {
      const ratio = round((100 * product[c].rps) / baseline[c].rps);
      figures.push(
        { label: `${c} conn: product requests/s`, value: product[c].rps, unit: 'req/s' },
        { label: `${c} conn: bare Fastify + mysql2 requests/s`, value: baseline[c].rps, unit: 'req/s' },
        { label: `${c} conn: product / bare`, value: ratio, unit: '%', target: '≥ 50 %', met: ratio >= 50 },
        { label: `${c} conn: product p50 latency`, value: product[c].p50, unit: 'ms' },
        {
          label: `${c} conn: product p99 latency`,
          value: product[c].p99,
          unit: 'ms',
          // No answer at all has no latency: autocannon's 0 ms then is not a met target.
          ...(c === 64 ? { target: '< 100 ms', met: product[c].ok > 0 && product[c].p99 < 100 } : {}),
        },
        { label: `${c} conn: bare p99 latency`, value: baseline[c].p99, unit: 'ms' },
        { label: `${c} conn: product server CPU per request`, value: product[c].cpuMs, unit: 'ms' },
        { label: `${c} conn: bare server CPU per request`, value: baseline[c].cpuMs, unit: 'ms' },
      );
    }
    return {
      figures,
      checks,
      notes: [`autocannon ${DURATION_S} s per run, POST /api/tickets as agent1 (repair call, phone channel)`],
    };
  } finally {
    await db.drop();
  }
}

export const intakeBenchmark: Benchmark = {
  name: 'intake',
  title: 'Intake: POST /api/tickets vs bare Fastify + mysql2',
  run,
};
