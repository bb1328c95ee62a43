import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { shanghaiDate } from '@utility/shared';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { isDuplicateKey } from '../common/db';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationService } from './reconciliation.service';

/** Every day after RECONCILE_AT_HOUR (Shanghai), yesterday's trade bill is reconciled once (job `reconciliation`). */
@Injectable()
export class ReconciliationJob {
  constructor(
    @InjectRepository(ReconciliationRun) private readonly runs: Repository<ReconciliationRun>,
    private readonly reconciliation: ReconciliationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reconciles yesterday if it is time and nobody has; returns the day done, or null. */
  @BackgroundJob('reconciliation')
  async runDue(): Promise<string | null> {
    const now = this.clock.now();
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(now),
    );
    if (hour < this.config.RECONCILE_AT_HOUR) return null;
    const yesterday = shanghaiDate(new Date(now.getTime() - 86_400_000));
    try {
      await this.runs.insert({ billDate: yesterday, startedAt: now, mismatches: null });
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
    try {
      const found = await this.reconciliation.reconcile(yesterday);
      await this.runs.update({ billDate: yesterday }, { mismatches: found.length });
      return yesterday;
    } catch (error) {
      // Let the next check try again (the bill may not be ready yet).
      await this.runs.delete({ billDate: yesterday });
      throw error;
    }
  }
}
