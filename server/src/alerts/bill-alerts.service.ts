import { Inject, Injectable } from '@nestjs/common';
import {
  abnormalUsage,
  arrearsReminderStep,
  parseCalendarDate,
  previousPeriod,
  sameMonthLastYear,
  shanghaiDate,
  USAGE_ALERT_RULE,
} from '@utility/shared';
import { BillSnapshot } from '../billing/bill-snapshot';
import { BillsService } from '../billing/bills.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { NoticeOutbox } from '../notifications/notice-outbox.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { BillAlertKind, billAlertNotice } from './bill-alert-notices';

const DAY_MS = 86_400_000;
/** A new bill is looked at for high use during this many days after it is issued. */
const USAGE_LOOKBACK_DAYS = 35;
/**
 * Arrears are reminded on the days of ARREARS_REMINDER_DAYS; bills are looked at until a week after the last
 * step (a pass missed then still sends it), older ones were told already (each pass would otherwise re-check
 * every old debt against the outbox).
 */
const ARREARS_SLACK_DAYS = 7;

export type BillAlertCounts = Record<BillAlertKind, number>;

/**
 * Resident alerts about bills, planned every BILL_ALERT_SECONDS (0 = off): due in the next
 * BILL_DUE_ALERT_DAYS days, overdue and unpaid (again on each day of ARREARS_REMINDER_DAYS), abnormally
 * high use. Each goes once per bill, kind (and arrears step) and resident (the outbox's dedupe key), and
 * only against an account-wide consent —
 * without one the outbox records it as skipped. Safe in several processes.
 */
@Injectable()
export class BillAlerts {
  constructor(
    private readonly bills: BillsService,
    private readonly bindings: AccountBindingsService,
    private readonly outbox: NoticeOutbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass (job `bill-alerts`); returns how many notices were newly queued (sent or skipped) per kind. */
  @BackgroundJob('bill-alerts')
  async run(): Promise<BillAlertCounts> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const day = (offset: number) => new Date(parseCalendarDate(today) + offset * DAY_MS).toISOString().slice(0, 10);
    const horizon = day(this.config.BILL_DUE_ALERT_DAYS);
    const counts: BillAlertCounts = { 'bill-due': 0, arrears: 0, 'usage-alert': 0 };
    for (const bill of await this.bills.unpaidDueBetween(today, horizon))
      counts['bill-due'] += await this.tell('bill-due', bill);
    const schedule = this.config.ARREARS_REMINDER_DAYS;
    for (const bill of await this.bills.unpaidOverdue(day(-(schedule.at(-1)! + ARREARS_SLACK_DAYS)), today)) {
      const step = arrearsReminderStep(schedule, bill.dueOn, today);
      if (step !== null) counts.arrears += await this.tell('arrears', bill, undefined, step);
    }
    for (const bill of await this.bills.gasBillsIssuedSince(new Date(now.getTime() - USAGE_LOOKBACK_DAYS * DAY_MS))) {
      const reason = await this.usageReason(bill);
      if (reason) counts['usage-alert'] += await this.tell('usage-alert', bill, reason);
    }
    return counts;
  }

  private async usageReason(bill: BillSnapshot) {
    const recentPeriods: string[] = [];
    for (let p = bill.period, i = 0; i < USAGE_ALERT_RULE.recentMonths; i++)
      recentPeriods.push((p = previousPeriod(p)));
    const lastYear = sameMonthLastYear(bill.period);
    const history = new Map(
      (await this.bills.gasBillsOf(bill.accountId, [lastYear, ...recentPeriods])).map((b) => [
        b.period,
        b.volumeCentiM3,
      ]),
    );
    return abnormalUsage({
      current: bill.volumeCentiM3,
      sameMonthLastYear: history.get(lastYear) ?? null,
      recent: recentPeriods.filter((p) => history.has(p)).map((p) => history.get(p)!),
    });
  }

  private async tell(
    kind: BillAlertKind,
    bill: BillSnapshot,
    reason?: ReturnType<typeof abnormalUsage>,
    /** The arrears reminder's step (days after the due date): each step goes once. */
    step?: number,
  ): Promise<number> {
    let queued = 0;
    const templates = this.outbox.templates();
    for (const residentId of await this.bindings.residentIdsOf(bill.accountNo)) {
      if (await this.outbox.enqueue(billAlertNotice(kind, bill, residentId, templates, reason ?? undefined, step)))
        queued++;
    }
    return queued;
  }
}
