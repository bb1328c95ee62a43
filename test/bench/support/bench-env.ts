import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const RESULTS_DIR = resolve(REPO_ROOT, process.env.BENCH_RESULTS_DIR ?? 'bench/results');
/** The built server under test; BENCH_SERVER_DIST points at another build (e.g. of an earlier commit) to compare. */
export const SERVER_DIST = resolve(process.env.BENCH_SERVER_DIST ?? join(REPO_ROOT, 'server/dist'));
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://utility:utility@127.0.0.1:3306';

/** BENCH_SCALE=0.05 runs every benchmark at a twentieth of its size (development); 1 is the figures. */
export const SCALE = Number(process.env.BENCH_SCALE ?? '1');
if (!(SCALE > 0 && SCALE <= 1)) throw new Error(`BENCH_SCALE must be in (0, 1], got ${process.env.BENCH_SCALE}`);
export const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));

export interface MachineState {
  cpus: number;
  /** os.loadavg() at that moment: 1, 5 and 15 minutes. */
  loadavg: number[];
  at: string;
}

export const machineState = (): MachineState => ({
  cpus: cpus().length,
  loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  at: new Date().toISOString(),
});

export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≥ 1,000 /s"; absent for figures only reported. */
  target?: string;
  met?: boolean;
}

export interface Check {
  label: string;
  ok: boolean;
  detail: string;
}

export interface BenchResult {
  name: string;
  title: string;
  scale: number;
  node: string;
  before: MachineState;
  after: MachineState;
  durationS: number;
  figures: Figure[];
  /** Correctness: a failed check fails `npm run bench`; a missed target does not. */
  checks: Check[];
  notes: string[];
}

export type BenchBody = Omit<BenchResult, 'name' | 'title' | 'scale' | 'node' | 'before' | 'after' | 'durationS'>;

export interface Benchmark {
  name: string;
  title: string;
  run: () => Promise<BenchBody>;
}

export async function runBenchmark(bench: Benchmark): Promise<BenchResult> {
  const before = machineState();
  const started = Date.now();
  const body = await bench.run();
  const result: BenchResult = {
    name: bench.name,
    title: bench.title,
    scale: SCALE,
    node: process.version,
    before,
    after: machineState(),
    durationS: Math.round((Date.now() - started) / 100) / 10,
    ...body,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh MariaDB schema of its own per benchmark (never another database). */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `utility_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    name,
    url: `${MYSQL_URL}/${name}`,
    drop: async () => {
      if (process.env.BENCH_KEEP_DB) return;
      const conn = await createConnection(MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** Percentile of unsorted samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
