import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { UploadsService } from './uploads.service';

const EVERY_MS = 15 * 60_000;

/** Deletes photos uploaded but never attached (a form left unsent) once UPLOAD_ORPHAN_HOURS have passed. */
@Injectable()
export class UploadSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.UPLOAD_ORPHAN_HOURS) return;
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; returns how many photos were deleted. */
  async sweep(): Promise<number> {
    if (!this.config.UPLOAD_ORPHAN_HOURS) return 0;
    return this.uploads.purgeUnattached(
      new Date(this.clock.now().getTime() - this.config.UPLOAD_ORPHAN_HOURS * 3600_000),
    );
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const purged = await this.sweep();
      if (purged) this.logger.log(`deleted ${purged} photos never attached`);
    } catch (error) {
      this.logger.error(`photo sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
