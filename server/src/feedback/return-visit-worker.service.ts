import { Injectable } from '@nestjs/common';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { ReturnVisitPlanner } from './return-visit-planner.service';

/** The return-visit planner's job (`return-visit-planner`, every RETURN_VISIT_PLANNER_SECONDS). */
@Injectable()
export class ReturnVisitWorker {
  constructor(private readonly planner: ReturnVisitPlanner) {}

  /** Every resolution read so far gets its decision; unrated work past its window is closed. */
  @BackgroundJob('return-visit-planner')
  async runOnce(): Promise<void> {
    while ((await this.planner.plan()) > 0);
    while ((await this.planner.closeUnrated()) > 0);
  }
}
