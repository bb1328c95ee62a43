import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createDatabaseCopy } from '../../scripts/test-database-template.js';

declare const TEST_DATABASE: 'sqlite' | 'mariadb';
export const REPO_ROOT = resolve(__dirname, '../..');
export const DEMO_PASSWORD = 'journey-pass-1';
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://utility:utility@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** An empty database of the suite's kind: a SQLite file, or a fresh MariaDB schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'utility-e2e-'));
    return { url: `sqlite:${join(dir, 'app.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // A copy of the run's template (scripts/test-database-template.js), which the built server's
  // `db:migrate` made once: the server starting on it finds every migration applied.
  return createDatabaseCopy(MYSQL_URL, 'utility_e2e', migrateTemplate);
}

/** `npm run db:migrate` of the built server, on the run's template database. */
async function migrateTemplate(templateUrl: string): Promise<void> {
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'server/dist/db/migrate.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: templateUrl, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64') },
  });
}

/**
 * A free port below Linux's ephemeral range (32768–60999), where the server suite running beside the
 * journeys takes its apps' and fakes' ports: a journey's port can't be taken by them between probe and listen.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    const free = await new Promise<boolean>((resolveFree) => {
      const probe = createServer()
        .once('error', () => resolveFree(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
    });
    if (free) return port;
  }
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Runs `server/dist/main.js` (built by `npm test`) and waits until /readyz answers. On a free port, or on
 * `env.PORT` when the test must know it beforehand (e.g. for a notify URL given to a fake WeChat Pay).
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  // A free port can still be taken between the probe and the server's listen (another journey's probe):
  // then the server starts again on another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOn(env.PORT ? Number(env.PORT) : await freePort(), databaseUrl, env);
    } catch (error) {
      if (env.PORT || attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startServerOn(port: number, databaseUrl: string, env: Record<string, string>): Promise<ServerProcess> {
  let output = '';
  const child = spawn(process.execPath, [join(REPO_ROOT, 'server/dist/main.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      TZ: 'UTC',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_PASSWORD,
      TOKEN_SECRET: 'e2e-secret-'.padEnd(40, 'x'),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      LOG_LEVEL: 'warn',
      // Journeys count what they create: the demo's past work would be in their queues and ids.
      DEMO_HISTORY_DAYS: '0',
      // RSA keys from the test pool: each start in mock mode would make two (scripts/test-rsa-keys.js).
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(REPO_ROOT, 'scripts/test-rsa-keys.js')}`.trim(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (Date.now() >= deadline) throw new Error(`server not ready within 60 s:\n${output}`);
  return {
    url,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}

/** JSON over fetch with a staff token; returns status and body. */
export async function api(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export async function staffToken(base: string, username: string): Promise<string> {
  const res = await api(base, 'POST', '/api/staff/login', undefined, { username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}
