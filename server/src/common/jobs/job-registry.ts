import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from '../config';
import { APP_LOGGER } from '../logging';
import { BACKGROUND_JOB } from './background-job.decorator';
import { JOB_NAMES, JobName } from './job-names';
import { JobRunner } from './job-runner';
import { scheduledJobs } from './job-schedule';

/**
 * Finds every `@BackgroundJob` method of the application and runs those that JOBS allows and whose
 * interval setting is not 0 (docs/architecture.md#jobs). Only the server's AppModule imports it: a
 * command-line tool's module runs no job.
 */
@Injectable()
export class JobRegistry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private runner: JobRunner | null = null;
  /** The jobs whose timers this process started. */
  started: JobName[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(APP_LOGGER) logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.logger = logger.child({ context: JobRegistry.name });
  }

  private readonly logger: Logger;

  /** Every job bound to its method; a job declared but bound to none, or to two, stops the boot. */
  bindings(): Map<JobName, () => Promise<unknown>> {
    const found = new Map<JobName, () => Promise<unknown>>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.isDependencyTreeStatic() || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const fn = instance[method] as (() => Promise<unknown>) | undefined;
        const name = typeof fn === 'function' ? this.reflector.get<JobName>(BACKGROUND_JOB, fn) : undefined;
        if (!name) continue;
        if (found.has(name)) throw new Error(`background job ${name} is bound to two methods`);
        found.set(name, () => fn!.call(instance));
      }
    }
    const missing = JOB_NAMES.filter((n) => !found.has(n));
    if (missing.length) throw new Error(`background jobs without a @BackgroundJob method: ${missing.join(', ')}`);
    return found;
  }

  onApplicationBootstrap(): void {
    this.runner = new JobRunner(scheduledJobs(this.bindings(), this.config), this.logger);
    this.started = this.runner.start();
    this.logger.debug({ jobs: this.started }, `background jobs: ${this.started.join(', ') || 'none'}`);
  }

  /** Before the database closes: no new run, and the ones going finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
