import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort } from '../../support/server-process';

/**
 * A MariaDB of the test's own (own datadir, port and socket) that the test may kill and start again.
 * The machine's shared MariaDB on 3306 is never touched: other suites use it at the same time.
 */
export interface PrivateMariadb {
  /** Root over TCP (no password: the datadir was initialised for this test only). */
  url: string;
  /** Stops mariadbd with the signal (SIGKILL = a crash) and waits for it to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same datadir and port; resolves once it accepts connections. */
  start: () => Promise<void>;
  destroy: () => Promise<void>;
  log: () => string;
}

export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'fault-mariadb-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, ...mysqlIds());
  const datadir = join(dir, 'data');
  const user = asRoot ? ['--user=mysql'] : [];
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', ...user, `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    child = spawn(
      'mariadbd',
      [
        '--no-defaults',
        ...user,
        `--datadir=${datadir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(dir, 'mysqld.sock')}`,
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}:\n${log}`);
      const conn = await createConnection({ host: '127.0.0.1', port, user: 'root' }).catch(() => null);
      if (conn) {
        await conn.end();
        return;
      }
      if (Date.now() > deadline) throw new Error(`mariadbd not accepting connections within 30 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((done) => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return done();
      running.once('exit', () => done());
      running.kill(signal);
    });
  await start();
  const admin = await createConnection({ host: '127.0.0.1', port, user: 'root' });
  await admin.query('CREATE DATABASE utility_fault CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await admin.end();
  return {
    url: `mysql://root@127.0.0.1:${port}/utility_fault`,
    start,
    stop,
    destroy: async () => {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => log,
  };
}

function mysqlIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'mysql']).toString().trim());
  return [id('-u'), id('-g')];
}
