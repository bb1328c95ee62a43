import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { UploadsService } from './uploads.service';

/** Deletes photos uploaded but never attached (a form left unsent) once UPLOAD_ORPHAN_HOURS have passed. */
@Injectable()
export class UploadSweeper {
  constructor(
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass (job `upload-sweep`, every 15 minutes); returns how many photos were deleted. */
  @BackgroundJob('upload-sweep')
  async sweep(): Promise<number> {
    if (!this.config.UPLOAD_ORPHAN_HOURS) return 0;
    return this.uploads.purgeUnattached(
      new Date(this.clock.now().getTime() - this.config.UPLOAD_ORPHAN_HOURS * 3600_000),
    );
  }
}
