import { Injectable } from '@nestjs/common';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { NoticePlanner } from './notice-planner.service';
import { NoticeSender, SendResult } from './notice-sender.service';

/**
 * Plans one pass of another module's broadcast notices (an outage's) into the outbox; answers how
 * many it queued. It calls `between` after each of its steps: the residents' own notices are
 * planned and sent there, so a long broadcast never holds them up.
 */
export type BroadcastPlanner = (between: () => Promise<void>) => Promise<number>;

/** The notice outbox's job (`notice-worker`, every NOTICE_WORKER_SECONDS): plans, then sends. */
@Injectable()
export class NoticeWorker {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly sender: NoticeSender,
  ) {}

  private readonly broadcasts: BroadcastPlanner[] = [];

  /** Modules above this one (outages) plan their broadcasts here, without it importing them. */
  addBroadcastPlanner(planner: BroadcastPlanner): void {
    this.broadcasts.push(planner);
  }

  /** Plans every event read so far and the broadcasts due, then sends what is due. */
  @BackgroundJob('notice-worker')
  async runOnce(): Promise<SendResult> {
    await this.ownNotices();
    await this.planBroadcasts();
    return this.sender.sendDue();
  }

  /** The ticket timeline planned and the residents' own due notices sent, broadcasts left for later. */
  private async ownNotices(): Promise<void> {
    while ((await this.planner.plan()) > 0);
    await this.sender.sendDue({ broadcasts: false });
  }

  /** One pass of every broadcast planner; answers how many notices they queued. */
  async planBroadcasts(): Promise<number> {
    let queued = 0;
    for (const plan of this.broadcasts) queued += await plan(() => this.ownNotices());
    return queued;
  }
}
