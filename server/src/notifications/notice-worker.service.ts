import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { NoticePlanner } from './notice-planner.service';
import { NoticeSender, SendResult } from './notice-sender.service';

/** Runs the planner and the sender on an interval (NOTICE_WORKER_SECONDS; 0 = off, tests drive it). */
@Injectable()
export class NoticeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NoticeWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly planner: NoticePlanner,
    private readonly sender: NoticeSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.NOTICE_WORKER_SECONDS) return;
    this.timer = setInterval(() => void this.tick(), this.config.NOTICE_WORKER_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Plans every event read so far, then sends what is due. */
  async runOnce(): Promise<SendResult> {
    while ((await this.planner.plan()) > 0);
    return this.sender.sendDue();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { sent, retried, failed } = await this.runOnce();
      if (sent || retried || failed) this.logger.log(`notices: ${sent} sent, ${retried} to retry, ${failed} failed`);
    } catch (error) {
      this.logger.error(`notice worker failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
