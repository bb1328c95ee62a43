import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { periodOf, previousPeriod } from '@utility/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { MonthlyReportsService } from './monthly-reports.service';

/**
 * From the 1st, stores last month's reports; at the due time, freezes them. Runs every
 * REPORT_JOB_SECONDS (0 = off); safe in several processes (unique period+scope, conditional freeze).
 */
@Injectable()
export class ReportJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.REPORT_JOB_SECONDS) return;
    this.timer = setInterval(() => void this.tick(), this.config.REPORT_JOB_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass: last month (as of the clock) generated where missing, drafts past due frozen. */
  run(): Promise<{ generated: number; frozen: number }> {
    return this.reports.generateAndFreeze(previousPeriod(periodOf(this.clock.now())));
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { generated, frozen } = await this.run();
      if (generated || frozen) this.logger.log(`Monthly reports: ${generated} generated, ${frozen} frozen`);
    } catch (error) {
      this.logger.error(`Monthly report job failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
