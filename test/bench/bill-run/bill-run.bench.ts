import { GasTariff, computeGasBill } from '@utility/shared';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {
  Benchmark,
  BenchBody,
  REPO_ROOT,
  SERVER_DIST,
  createBenchDatabase,
  log,
  round,
  scaled,
} from '../support/bench-env';
import { startBenchServer } from '../support/bench-server';
import { seedAccountsWithReadings } from './seed-accounts';

const ACCOUNTS = scaled(1_000_000, 1000);
const PERIOD = '2026-11';
const SAMPLE = 2000;

async function run(): Promise<BenchBody> {
  const db = await createBenchDatabase('billrun');
  try {
    // The server's own migrations and demo seed (tariffs, districts), then it is stopped.
    const server = await startBenchServer(db.url, { JOBS: 'off' });
    await server.stop();
    const conn = await createConnection(db.url);
    try {
      log(`bill-run: seeding ${ACCOUNTS} accounts with two readings each`);
      const seedStarted = Date.now();
      await seedAccountsWithReadings(conn, ACCOUNTS);
      const seedSeconds = (Date.now() - seedStarted) / 1000;

      log('bill-run: npm run bill-run -- --period 2026-11 (the built CLI)');
      const started = Date.now();
      const cli = spawnSync(
        process.execPath,
        ['-r', join(__dirname, 'peak-rss.js'), join(SERVER_DIST, 'billing/bill-run.cli.js'), '--period', PERIOD],
        {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          maxBuffer: 64 * 2 ** 20,
          env: {
            PATH: process.env.PATH,
            TZ: 'UTC',
            DATABASE_URL: db.url,
            LOG_LEVEL: 'warn',
            TOKEN_SECRET: 'bench-secret-'.padEnd(40, 'x'),
            DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
          },
        },
      );
      const seconds = (Date.now() - started) / 1000;
      const usage = /peak-rss-kib (\d+) cpu-us (\d+)/.exec(cli.stderr);
      const peakMiB = Number(usage?.[1] ?? NaN) / 1024;
      const cpuSeconds = Number(usage?.[2] ?? NaN) / 1e6;
      const summary = /Billed (\d+) accounts/.exec(cli.stdout);
      if (cli.status !== 0) log(`bill-run CLI failed (${cli.status}): ${cli.stderr.slice(-2000)}`);

      const one = async <T>(sql: string, params: unknown[] = []) =>
        ((await conn.query(sql, params)) as unknown as [T[]])[0][0];
      const bills = await one<{ n: number; volume: number | null }>(
        "SELECT COUNT(*) AS n, SUM(b.volumeCentiM3) AS volume FROM bill b JOIN account a ON a.id = b.accountId WHERE b.period = ? AND a.accountNo LIKE '7%'",
        [PERIOD],
      );
      const expectedVolume = await one<{ volume: number }>(
        "SELECT SUM(n.valueCentiM3 - o.valueCentiM3) AS volume FROM meter_reading n JOIN meter_reading o ON o.accountId = n.accountId AND o.readOn = '2026-10-20' WHERE n.readOn = '2026-11-20' AND n.source = 'smart_meter'",
      );
      const unbilled = await one<{ n: number }>(
        "SELECT COUNT(*) AS n FROM meter_reading WHERE readOn = '2026-11-20' AND status <> 'billed'",
      );
      // A sample of bills recomputed here with the shared tariff rules: the amounts, not only the counts.
      const [tariffRows] = (await conn.query(
        "SELECT districtId, effectiveFrom, spec FROM tariff WHERE kind = 'gas'",
      )) as unknown as [{ districtId: number; effectiveFrom: string; spec: string }[]];
      const tariffs = (districtId: number): GasTariff[] =>
        tariffRows
          .filter((t) => t.districtId === districtId)
          .map((t) => ({ districtId, effectiveFrom: t.effectiveFrom, ...JSON.parse(t.spec) }));
      const [sample] = (await conn.query(
        `SELECT a.districtId, b.amountFen, b.volumeCentiM3, b.fromOn, b.toOn FROM bill b JOIN account a ON a.id = b.accountId
         WHERE b.period = ? AND a.accountNo LIKE '7%' ORDER BY RAND() LIMIT ${SAMPLE}`,
        [PERIOD],
      )) as unknown as [
        { districtId: number; amountFen: number; volumeCentiM3: number; fromOn: string; toOn: string }[],
      ];
      const wrong = sample.filter((b) => {
        const expected = computeGasBill({
          from: '2026-10-20',
          to: '2026-11-20',
          volumeCentiM3: b.volumeCentiM3,
          yearToDateCentiM3: {},
          tariffs: tariffs(b.districtId),
        });
        return expected.amountFen !== b.amountFen;
      });
      return {
        figures: [
          { label: 'accounts billed', value: Number(bills.n), unit: `of ${ACCOUNTS.toLocaleString('en-US')}` },
          { label: 'bill run wall time', value: round(seconds), unit: 's', target: '≤ 60 s', met: seconds <= 60 },
          { label: 'bills per second', value: round(Number(bills.n) / seconds), unit: '/s' },
          { label: 'bill run peak RSS', value: round(peakMiB), unit: 'MiB' },
          {
            label: 'bill run CLI CPU (user + system; the rest of the wall time is MariaDB and waiting)',
            value: round(cpuSeconds),
            unit: 's',
          },
          { label: 'seeding (not timed against the target)', value: round(seedSeconds), unit: 's' },
        ],
        checks: [
          {
            label: 'CLI exits 0 and reports every account billed',
            ok: cli.status === 0 && !!summary && Number(summary[1]) >= ACCOUNTS && !cli.stdout.includes('not billed'),
            detail: cli.stdout.trim().split('\n').slice(-3).join(' | '),
          },
          {
            label: 'one bill per seeded account',
            ok: Number(bills.n) === ACCOUNTS,
            detail: `${bills.n} bills for ${ACCOUNTS} accounts`,
          },
          {
            label: 'billed volume = sum of the readings',
            ok: Number(bills.volume) === Number(expectedVolume.volume),
            detail: `${bills.volume} vs ${expectedVolume.volume} centi-m³`,
          },
          {
            label: 'every November reading billed',
            ok: Number(unbilled.n) === 0,
            detail: `${unbilled.n} left accepted`,
          },
          {
            label: `a random ${SAMPLE} bills match the shared tariff rules`,
            ok: sample.length > 0 && wrong.length === 0,
            detail: `${wrong.length} of ${sample.length} differ`,
          },
        ],
        notes: [
          `${ACCOUNTS} gas accounts seeded in MariaDB (sequence engine), October reading billed, November reading accepted; the CLI bills ${PERIOD} in keyset batches.`,
        ],
      };
    } finally {
      await conn.end();
    }
  } finally {
    await db.drop();
  }
}

export const billRunBenchmark: Benchmark = { name: 'bill-run', title: 'Bill run: 1,000,000 accounts', run };
