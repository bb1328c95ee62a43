import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { ReturnVisitPlanner } from './return-visit-planner.service';

/** Runs the return-visit planner on an interval (RETURN_VISIT_PLANNER_SECONDS; 0 = off, tests drive it). */
@Injectable()
export class ReturnVisitWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReturnVisitWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly planner: ReturnVisitPlanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.RETURN_VISIT_PLANNER_SECONDS) return;
    this.timer = setInterval(() => void this.tick(), this.config.RETURN_VISIT_PLANNER_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Every resolution read so far gets its decision; unrated work past its window is closed. */
  async runOnce(): Promise<void> {
    while ((await this.planner.plan()) > 0);
    while ((await this.planner.closeUnrated()) > 0);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.runOnce();
    } catch (error) {
      this.logger.error(`return-visit planner failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
