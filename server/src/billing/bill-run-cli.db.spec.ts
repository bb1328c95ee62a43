import { shanghaiDate } from '@utility/shared';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../common/config';
import { JobRegistry } from '../common/jobs/job-registry';
import { FakeWechatPayHandle } from '../dev/fake-wechat-pay.handle';
import { FakeWechatHandle } from '../dev/fake-wechat.handle';
import { BillRunCliModule } from './bill-run-cli.module';
import { BillRun } from './bill-run.service';
import { login } from '../testing/api-fixtures';
import { lastReading, m3 } from '../testing/payment-fixtures';
import { describeOn } from '../testing/each-database';
import { TestApp, startTestApp } from '../testing/test-app';
import { Bill } from './bill.entity';

const REPO = resolve(__dirname, '../../..');
const CLI = resolve(REPO, 'server/dist/billing/bill-run.cli.js');

/** The month after this one in Shanghai: a period the CLI must refuse. */
function nextPeriod(): string {
  const [year, month] = shanghaiDate(new Date()).split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * `node server/dist/billing/bill-run.cli.js --period YYYY-MM`, as operations run it, against the SQLite file
 * of a seeded test app (the build is made first: the CLI is the compiled one). SQLite only: one build, one file.
 */
describeOn('sqlite', 'bill run CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    // `npm test` builds the server before the suites; run alone, the spec builds it.
    if (!process.env.SERVER_DIST_BUILT) {
      execFileSync('npm', ['run', 'build', '-w', 'shared', '--silent'], { cwd: REPO, stdio: 'pipe' });
      execFileSync('npm', ['run', 'build', '-w', 'server', '--silent'], { cwd: REPO, stdio: 'pipe' });
    }
    t = await startTestApp();
  }, 300_000);
  afterAll(() => t?.close());

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        DATABASE_URL: t.databaseUrl,
        LOG_LEVEL: 'silent',
        TOKEN_SECRET: 'x'.repeat(32),
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      },
    });
  const bills = () =>
    t.app
      .get(DataSource)
      .getRepository(Bill)
      .find({ order: { id: 'ASC' } });

  it('bills a month from the SQLite file, and running it again bills nothing more', async () => {
    const previous = await lastReading(t, '9100000001');
    const res = await t
      .http()
      .post('/api/staff/meter-readings')
      .set('Authorization', await login(t, 'agent1'))
      .send({ accountNo: '9100000001', readOn: '2026-11-20', value: m3(previous.valueCentiM3 + 1_500) });
    expect(res.body.status).toBe('accepted');
    const heatingAccounts = Number(
      (await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM account WHERE utility = 'heating'"))[0].n,
    );
    const before = await bills();

    const first = cli('--period', '2026-11');

    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(first.stdout).toMatch(
      new RegExp(`Billed ${1 + heatingAccounts} accounts for 2026-11 in [\\d.]+ s; peak RSS \\d+ MiB\\.`),
    );
    const billed = await bills();
    expect(billed.length).toBe(before.length + 1 + heatingAccounts);
    expect(billed.find((b) => b.accountId === previous.accountId && b.period === '2026-11')).toMatchObject({
      utility: 'gas',
      volumeCentiM3: 1_500,
      toValueCentiM3: previous.valueCentiM3 + 1_500,
      status: 'unpaid',
      dueOn: '2026-12-20',
    });
    expect((await lastReading(t, '9100000001')).status).toBe('billed');

    const second = cli('--period', '2026-11');

    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Billed 0 accounts for 2026-11');
    expect(await bills()).toEqual(billed);
  });

  it.each([
    ['a malformed period', ['--period', '2026-13'], 'Not a billing period: 2026-13'],
    ['a period without its dash', ['--period', '202611'], 'Not a billing period: 202611'],
    ['no period at all', [], 'Not a billing period'],
    ['a month that has not started', ['--period', nextPeriod()], `Period ${nextPeriod()} has not started yet`],
  ])('refuses %s: exit 1 with the reason, nothing billed', async (_what, args, reason) => {
    const before = await bills();

    const run = cli(...args);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(reason);
    expect(run.stdout).not.toContain('Billed');
    expect(await bills()).toEqual(before);
  });
});

/** The CLI's own module, on the app's database: billing and nothing that runs by itself. */
describe('the bill run CLI module', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('bills, but starts no background job and no fake WeChat or WeChat Pay', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const cli = await NestFactory.createApplicationContext(BillRunCliModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
    try {
      await cli.init();
      expect(cli.get(BillRun)).toBeInstanceOf(BillRun);
      for (const absent of [JobRegistry, FakeWechatHandle, FakeWechatPayHandle])
        expect(() => cli.get(absent, { strict: false })).toThrow();
    } finally {
      await cli.close();
    }
  });
});
