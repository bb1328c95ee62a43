import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../bootstrap';
import { DemoSeed } from '../seed/demo-seed.service';
import { InvalidConfigError, loadConfig } from './config';

/** The development server as `npm start` runs it: embedded SQLite, no TOKEN_SECRET, no DATA_ENCRYPTION_KEY. */
function developmentConfig(dataDir: string) {
  return loadConfig({
    DATABASE_URL: `sqlite:${join(dataDir, 'app.db')}`,
    DEMO_PASSWORD: 'restart-pass-1',
    DEMO_HISTORY_DAYS: '0',
    LOG_LEVEL: 'silent',
    SLA_SWEEP_SECONDS: '0',
    NOTICE_WORKER_SECONDS: '0',
    RETURN_VISIT_PLANNER_SECONDS: '0',
    REPORT_JOB_SECONDS: '0',
    BILL_ALERT_SECONDS: '0',
    PAYMENT_SWEEP_SECONDS: '0',
    INSPECTION_REMINDER_SECONDS: '0',
  });
}

async function start(dataDir: string) {
  const app = await createApp(developmentConfig(dataDir));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(DemoSeed).run();
  return app;
}

describe('the development token secret', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'utility-restart-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is kept beside the SQLite file, so a restart on the same data directory logs nobody out', async () => {
    const first = await start(dataDir);
    let token: string;
    try {
      const login = await request(first.getHttpServer())
        .post('/api/staff/login')
        .send({ username: 'agent1', password: 'restart-pass-1' })
        .expect(200);
      token = login.body.token;
    } finally {
      await first.close();
    }
    const secretFile = join(dataDir, 'token-secret.key');
    expect(existsSync(secretFile)).toBe(true);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8');

    const second = await start(dataDir);
    try {
      // Valid: the guard lets the token through to the handler, which finds no such ticket.
      await request(second.getHttpServer())
        .get('/api/tickets/987654')
        .set('Authorization', `Bearer ${token}`)
        .expect(404);
      await request(second.getHttpServer())
        .get('/api/tickets/987654')
        .set('Authorization', 'Bearer forged')
        .expect(401);
    } finally {
      await second.close();
    }
    expect(readFileSync(secretFile, 'utf8')).toBe(secret);
  });

  it('is never generated for MySQL/MariaDB: TOKEN_SECRET must be given, and the refusal names it', async () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://utility:utility@127.0.0.1:3306/never_connected',
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      LOG_LEVEL: 'silent',
    });
    const refusal = await createApp(config).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(InvalidConfigError);
    expect((refusal as Error).message).toContain('TOKEN_SECRET: required with MySQL/MariaDB');
  });
});
