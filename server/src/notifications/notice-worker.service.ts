import { Injectable } from '@nestjs/common';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { NoticePlanner } from './notice-planner.service';
import { NoticeSender, SendResult } from './notice-sender.service';

/** The notice outbox's job (`notice-worker`, every NOTICE_WORKER_SECONDS): plans, then sends. */
@Injectable()
export class NoticeWorker {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly sender: NoticeSender,
  ) {}

  /** Plans every event read so far, then sends what is due. */
  @BackgroundJob('notice-worker')
  async runOnce(): Promise<SendResult> {
    while ((await this.planner.plan()) > 0);
    return this.sender.sendDue();
  }
}
