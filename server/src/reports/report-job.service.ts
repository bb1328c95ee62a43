import { Injectable } from '@nestjs/common';
import { periodOf, previousPeriod } from '@utility/shared';
import { Clock } from '../common/clock';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { MonthlyReportsService } from './monthly-reports.service';

/**
 * From the 1st, stores last month's reports; at the due time, freezes them. Runs every
 * REPORT_JOB_SECONDS (job `monthly-reports`; 0 = off); safe in several processes (unique period+scope, conditional freeze).
 */
@Injectable()
export class ReportJob {
  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly clock: Clock,
  ) {}

  /** One pass: last month (as of the clock) generated where missing, drafts past due frozen. */
  @BackgroundJob('monthly-reports')
  run(): Promise<{ generated: number; frozen: number }> {
    return this.reports.generateAndFreeze(previousPeriod(periodOf(this.clock.now())));
  }
}
