import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { WecomSendResult, WecomSender } from './wecom-sender.service';

/**
 * Sends due WeCom messages on an interval (STAFF_NOTICE_WORKER_SECONDS; 0 = off, tests drive it).
 * The timer is all there is here: `runOnce` is the job, to move onto the job registry as it is.
 */
@Injectable()
export class StaffNoticeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StaffNoticeWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly sender: WecomSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.STAFF_NOTICE_WORKER_SECONDS) return;
    this.timer = setInterval(() => void this.tick(), this.config.STAFF_NOTICE_WORKER_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  runOnce(): Promise<WecomSendResult> {
    return this.sender.sendDue();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { sent, retried, failed } = await this.runOnce();
      if (sent || retried || failed)
        this.logger.log(`staff WeCom: ${sent} sent, ${retried} to retry, ${failed} failed`);
    } catch (error) {
      this.logger.error(`staff notice worker failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
