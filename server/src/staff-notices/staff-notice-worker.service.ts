import { Injectable } from '@nestjs/common';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { WecomSendResult, WecomSender } from './wecom-sender.service';

/** Sends due WeCom messages: the `staff-notice-worker` job (STAFF_NOTICE_WORKER_SECONDS; docs/architecture.md#jobs). */
@Injectable()
export class StaffNoticeWorker {
  constructor(private readonly sender: WecomSender) {}

  @BackgroundJob('staff-notice-worker')
  runOnce(): Promise<WecomSendResult> {
    return this.sender.sendDue();
  }
}
