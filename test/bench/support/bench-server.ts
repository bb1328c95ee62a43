import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD, REPO_ROOT, ServerProcess, freePort } from '../../support/server-process';
import { SERVER_DIST } from './bench-env';

/** The benchmark server's data key (the intake benchmark's bare endpoint encrypts phones with it too). */
export const BENCH_DATA_KEY = Buffer.alloc(32, 9).toString('base64');

/**
 * The built server (`server/dist/main.js`) as its own process, like test/support/server-process.ts's
 * startServer, plus Node flags (`BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile)
 * and production-like defaults (warn-level logs). It runs as development: production refuses the
 * mock WeChat, WeChat Pay and WeCom and the demo seed the benchmarks need (docs/architecture.md#configuration).
 */
export async function startBenchServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  let output = '';
  const child = spawn(process.execPath, [...nodeArgs, join(SERVER_DIST, 'main.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      TZ: 'UTC',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_PASSWORD,
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      DEMO_HISTORY_DAYS: '0',
      TOKEN_SECRET: 'bench-secret-'.padEnd(40, 'x'),
      DATA_ENCRYPTION_KEY: BENCH_DATA_KEY,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server not ready within 120 s:\n${output}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
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
