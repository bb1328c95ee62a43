import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { OncallChain, OncallResult } from './oncall-chain.service';
import { UnclaimedWatch } from './unclaimed-watch.service';

export interface DispatchWatchResult extends OncallResult {
  unclaimed: number;
}

/** Nobody has to poll: the on-call chain moves on, and dispatchers hear of work left in their queues. */
@Injectable()
export class DispatchWatch {
  constructor(
    private readonly clock: Clock,
    private readonly oncall: OncallChain,
    private readonly unclaimed: UnclaimedWatch,
  ) {}

  @BackgroundJob('dispatch-watch')
  async run(): Promise<DispatchWatchResult> {
    const now = this.clock.now();
    return { ...(await this.oncall.advanceDue(now)), unclaimed: await this.unclaimed.alertDue(now) };
  }
}
