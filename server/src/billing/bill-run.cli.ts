import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { shanghaiDate } from '@utility/shared';
import { SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module';
import { InvalidConfigError, loadConfig } from '../common/config';
import { setUpFieldCipher } from '../common/data-key';
import { DataSource } from 'typeorm';
import { assertBillablePeriod } from './billing-period';
import { BillRun } from './bill-run.service';

/** `npm run bill-run -- --period 2026-11`: bills a month; running it again changes nothing. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { period: { type: 'string' } } });
  const period = values.period ?? '';
  assertBillablePeriod(period, shanghaiDate(new Date()));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SLA_SWEEP_SECONDS: '0',
    NOTICE_WORKER_SECONDS: '0',
    STAFF_NOTICE_WORKER_SECONDS: '0',
  });
  setUpFieldCipher(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  if (!config.DATABASE_URL.startsWith('sqlite:')) await app.get(DataSource).runMigrations({ transaction: 'each' });
  const bar = new SingleBar({
    format: `${period} {bar} {percentage}% | {value}/{total} readings | {duration}s`,
    hideCursor: true,
  });
  bar.start(1, 0);
  const started = Date.now();
  const result = await app.get(BillRun).run(period, (done, total) => {
    bar.setTotal(Math.max(total, 1));
    bar.update(done);
  });
  bar.stop();
  process.stdout.write(
    `Billed ${result.billed} accounts for ${period} in ${((Date.now() - started) / 1000).toFixed(1)} s; peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB.\n`,
  );
  for (const f of result.failed.slice(0, 20))
    process.stdout.write(`  not billed: account ${f.accountId}: ${f.reason}\n`);
  if (result.failed.length > 20) process.stdout.write(`  … and ${result.failed.length - 20} more\n`);
  await app.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof InvalidConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
