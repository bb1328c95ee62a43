import { JobName } from './job-names';

export interface ScheduledJob {
  name: JobName;
  everySeconds: number;
  run: () => Promise<unknown>;
}

/** The two levels the runner logs at (pino's signature: merged object first, then the message). */
export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A result worth a log line: a non-zero count, a day done, or an object holding a non-zero count. */
function worthTelling(result: unknown): boolean {
  if (typeof result === 'number') return result > 0;
  if (typeof result === 'string') return true;
  if (result && typeof result === 'object') return Object.values(result).some((v) => typeof v === 'number' && v > 0);
  return false;
}

/**
 * Runs jobs on their intervals. A run never starts while the previous run of the same job is still
 * going (a slow pass would otherwise pile up behind itself); a failure is logged with its stack and
 * the next interval tries again.
 */
export class JobRunner {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<JobName, Promise<void>>();

  constructor(
    private readonly jobs: ScheduledJob[],
    private readonly log: JobLog,
  ) {}

  /** Starts the timer of every job with a non-zero interval; returns their names. */
  start(): JobName[] {
    const started: JobName[] = [];
    for (const job of this.jobs) {
      if (job.everySeconds <= 0) continue;
      const timer = setInterval(() => void this.runOnce(job.name), job.everySeconds * 1000);
      // A job's timer alone must not keep the process (or a test) alive.
      timer.unref();
      this.timers.push(timer);
      started.push(job.name);
    }
    return started;
  }

  /** One run of `name`, unless one is already going: then nothing is done and `false` returned. */
  async runOnce(name: JobName): Promise<boolean> {
    if (this.running.has(name)) return false;
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    const run = (async () => {
      try {
        const result = await job.run();
        if (worthTelling(result)) this.log.info({ job: name, result }, `job ${name} done`);
      } catch (err) {
        this.log.error({ job: name, err }, `job ${name} failed`);
      }
    })();
    this.running.set(name, run);
    try {
      await run;
    } finally {
      this.running.delete(name);
    }
    return true;
  }

  /** Stops the timers and waits (up to `graceMs`) for runs in flight, so none outlives the database connection. */
  async stop(graceMs = 10_000): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    if (!this.running.size) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.running.values()),
      new Promise<void>((done) => (timeout = setTimeout(done, graceMs))),
    ]);
    clearTimeout(timeout);
  }
}
