import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { JobName } from './job-names';
import { JobRunner } from './job-runner';
import { scheduledJobs } from './job-schedule';

/** A real pino logger writing JSON lines into an array, as the server's logs would read. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

/** A run that finishes when the test says so. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { done, finish };
}

describe('JobRunner', () => {
  afterEach(() => jest.useRealTimers());

  it('never starts a run of a job while its previous run is still going', async () => {
    const { log } = capturedLog();
    const slow = deferred();
    const run = jest.fn(() => slow.done);
    const runner = new JobRunner([{ name: 'sla-sweep', everySeconds: 1, run }], log);
    const first = runner.runOnce('sla-sweep');
    expect(await runner.runOnce('sla-sweep')).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
    slow.finish();
    expect(await first).toBe(true);
    // Once the slow run is over, the next one goes.
    expect(await runner.runOnce('sla-sweep')).toBe(true);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('skips interval ticks that fall during a long run, then runs again', async () => {
    jest.useFakeTimers();
    const { log } = capturedLog();
    const slow = deferred();
    let calls = 0;
    const runner = new JobRunner(
      [{ name: 'payment-sweep', everySeconds: 1, run: () => (++calls === 1 ? slow.done : Promise.resolve()) }],
      log,
    );
    expect(runner.start()).toEqual(['payment-sweep']);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    slow.finish();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    await runner.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(2);
  });

  it('logs a failure with its stack and runs again at the next interval', async () => {
    const { log, lines } = capturedLog();
    let calls = 0;
    const runner = new JobRunner(
      [
        {
          name: 'bill-alerts',
          everySeconds: 1,
          run: async function planBillAlerts() {
            if (++calls === 1) throw new Error('connection lost');
            return { 'bill-due': 2 };
          },
        },
      ],
      log,
    );
    await runner.runOnce('bill-alerts');
    const failure = lines.find((l) => l.msg === 'job bill-alerts failed')!;
    expect(failure).toMatchObject({ level: 50, job: 'bill-alerts', err: { message: 'connection lost' } });
    expect((failure.err as { stack: string }).stack).toContain('planBillAlerts');
    await runner.runOnce('bill-alerts');
    expect(lines.at(-1)).toMatchObject({ level: 30, job: 'bill-alerts', result: { 'bill-due': 2 } });
  });

  it('says nothing about a run that found nothing to do', async () => {
    const { log, lines } = capturedLog();
    const runner = new JobRunner([{ name: 'sla-sweep', everySeconds: 1, run: async () => ({ atRisk: 0 }) }], log);
    await runner.runOnce('sla-sweep');
    expect(lines).toEqual([]);
  });

  it('waits at stop for a run in flight', async () => {
    const { log } = capturedLog();
    const slow = deferred();
    let finished = false;
    const runner = new JobRunner(
      [{ name: 'notice-worker', everySeconds: 1, run: () => slow.done.then(() => void (finished = true)) }],
      log,
    );
    void runner.runOnce('notice-worker');
    const stopped = runner.stop();
    slow.finish();
    await stopped;
    expect(finished).toBe(true);
  });
});

describe('scheduledJobs', () => {
  const all = new Map(
    (['sla-sweep', 'notice-worker', 'reconciliation', 'upload-sweep'] as JobName[]).map((n) => [n, async () => n]),
  );
  const names = (env: Record<string, string>) =>
    scheduledJobs(all, loadConfig({ DATABASE_URL: 'sqlite:x.db', ...env })).map((j) => j.name);

  it.each<[string, Record<string, string>, JobName[]]>([
    ['every job by default', {}, ['sla-sweep', 'notice-worker', 'reconciliation', 'upload-sweep']],
    ['none with JOBS=off', { JOBS: 'off' }, []],
    ['only the listed ones', { JOBS: 'notice-worker,upload-sweep' }, ['notice-worker', 'upload-sweep']],
    ['not one whose interval is 0', { SLA_SWEEP_SECONDS: '0' }, ['notice-worker', 'reconciliation', 'upload-sweep']],
    [
      'no reconciliation without the payment sweep',
      { PAYMENT_SWEEP_SECONDS: '0' },
      ['sla-sweep', 'notice-worker', 'upload-sweep'],
    ],
    [
      'no upload sweep when unattached photos are kept',
      { UPLOAD_ORPHAN_HOURS: '0' },
      ['sla-sweep', 'notice-worker', 'reconciliation'],
    ],
    ['a listed job whose interval is 0 stays off', { JOBS: 'sla-sweep', SLA_SWEEP_SECONDS: '0' }, []],
  ])('runs %s', (_what, env, expected) => {
    expect(names(env)).toEqual(expected);
  });

  it('takes each interval from its setting', () => {
    const jobs = scheduledJobs(all, loadConfig({ DATABASE_URL: 'sqlite:x.db', SLA_SWEEP_SECONDS: '7' }));
    expect(jobs.find((j) => j.name === 'sla-sweep')!.everySeconds).toBe(7);
    expect(jobs.find((j) => j.name === 'reconciliation')!.everySeconds).toBe(600);
  });
});
