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

  /** Plans every event read so far and the broadcasts due, then sends what is due; answers every send of the run. */
  @BackgroundJob('notice-worker')
  async runOnce(): Promise<SendResult> {
    const result: SendResult = { sent: 0, retried: 0, failed: 0 };
    const add = (r: SendResult) => {
      result.sent += r.sent;
      result.retried += r.retried;
      result.failed += r.failed;
    };
    add(await this.ownNotices());
    await this.planBroadcasts(async () => add(await this.ownNotices()));
    add(await this.sender.sendDue());
    return result;
  }

  /** The ticket timeline planned and the residents' own due notices sent, broadcasts left for later. */
  private async ownNotices(): Promise<SendResult> {
    while ((await this.planner.plan()) > 0);
    return this.sender.sendDue({ broadcasts: false });
  }

  /** One pass of every broadcast planner (`between` runs after each of their steps); answers how many notices they queued. */
  async planBroadcasts(between: () => Promise<void> = async () => undefined): Promise<number> {
    let queued = 0;
    for (const plan of this.broadcasts) queued += await plan(between);
    return queued;
  }
}
