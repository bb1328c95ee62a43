import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppOptions, createApp } from '../bootstrap';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig, loadConfig } from '../common/config';
import { DemoSeed } from '../seed/demo-seed.service';
import { TicketSweeper } from '../tickets/ticket-sweeper.service';
import { DataSource } from 'typeorm';
import { createDatabaseCopy } from '../../../scripts/test-database-template.js';
import { dataSourceOptions } from '../db/data-source-options';

declare const TEST_DATABASE: 'sqlite' | 'mariadb';
export const TEST_PASSWORD = 'test-password-1';
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://utility:utility@127.0.0.1:3306';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  /** Logs a demo staff member in and returns the bearer header value. */
  login: (username: string) => Promise<string>;
  /** Moves the server's clock (sweeper, deadlines, views). */
  setNow: (at: Date) => void;
  /** The time the server's clock reads now (real time until setNow). */
  currentTime: () => Date;
  sweep: () => ReturnType<TicketSweeper['sweep']>;
  databaseUrl: string;
  close: () => Promise<void>;
}

/** A fresh database (SQLite file or MariaDB schema from migrations) with the demo organisation. */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const { databaseUrl, drop } = await freshDatabase();
  const settings = {
    DATABASE_URL: databaseUrl,
    DEMO_PASSWORD: TEST_PASSWORD,
    // Tests drive each job's method themselves (docs/architecture.md#jobs).
    JOBS: 'off',
    LOG_LEVEL: 'silent',
    // The demo's 90 days of past work are the history spec's alone: the rest start from an empty past.
    DEMO_HISTORY_DAYS: '0',
    TOKEN_SECRET: 'x'.repeat(32),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    ...env,
  };
  const config = loadConfig(settings);
  // Production refuses the demo seed: its database is seeded first by a development app, as an
  // operator's would hold staff and accounts before the production server starts.
  if (config.NODE_ENV === 'production')
    await seedWithDevelopmentApp(loadConfig({ ...settings, NODE_ENV: 'development', SEED_DEMO: 'true' }));
  const app = await createApp(config, options);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    if (config.NODE_ENV !== 'production') await app.get(DemoSeed).run();
  } catch (error) {
    // A half-started app keeps connections and servers open, and jest would never exit.
    await app.close().catch(() => undefined);
    await drop();
    throw error;
  }
  const clock = app.get(Clock);
  let now: Date | null = null;
  const currentTime = () => now ?? new Date();
  jest.spyOn(clock, 'now').mockImplementation(currentTime);
  const http = () => request(app.getHttpServer());
  return {
    app,
    http,
    databaseUrl,
    login: async (username) => {
      const res = await http().post('/api/staff/login').send({ username, password: TEST_PASSWORD }).expect(200);
      return `Bearer ${res.body.token}`;
    },
    setNow: (at) => (now = at),
    currentTime,
    sweep: () => app.get(TicketSweeper).sweep(),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** The same services (live ones included), in development: the demo seed runs there only. */
async function seedWithDevelopmentApp(config: AppConfig): Promise<void> {
  const seeder = await createApp(config);
  try {
    await seeder.init();
    await seeder.get(DemoSeed).run();
  } finally {
    await seeder.close();
  }
}

export async function freshDatabase(): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  if (TEST_DATABASE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'utility-test-'));
    return {
      databaseUrl: `sqlite:${join(dir, 'test.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  // A copy of the run's template, migrated once (scripts/test-database-template.js): the app finds
  // every migration applied. Without a run template the app migrates this database itself.
  const { url, drop } = await createDatabaseCopy(MYSQL_URL, 'utility_test', migrateTemplate);
  return { databaseUrl: url, drop };
}

/** The migrations, as the app runs them at start (bootstrap.ts), on the run's template database. */
async function migrateTemplate(templateUrl: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: templateUrl, repoRoot: '.' })).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A second server instance on `t`'s database with its keys (as another process would be), its
 * clock following `t.setNow`. `overrides` changes its configuration (e.g. which WeChat it calls).
 */
export async function startSecondInstance(
  t: TestApp,
  overrides: Partial<AppConfig> = {},
): Promise<NestFastifyApplication> {
  const second = await createApp({ ...t.app.get<AppConfig>(APP_CONFIG), ...overrides });
  await second.init();
  jest.spyOn(second.get(Clock), 'now').mockImplementation(t.currentTime);
  // Both SQLite connections live in this one thread: a busy wait on one would block the other
  // from finishing its transaction. Fail at once instead and let Db retry, as separate processes would.
  for (const app of [t.app, second]) {
    const ds = app.get(DataSource);
    if (ds.options.type === 'better-sqlite3') await ds.query('PRAGMA busy_timeout = 0');
  }
  return second;
}
