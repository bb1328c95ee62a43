import { Inject, Injectable } from '@nestjs/common';
import { PrepaidWarning, formatYuan, prepaidWarning, shanghaiDate } from '@utility/shared';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { NoticeOutbox } from '../notifications/notice-outbox.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { PrepaidLedger } from './prepaid-ledger.service';

const PAGE = 200;

/**
 * Low-balance and valve-close warnings to the residents bound to a prepaid account
 * (docs/domain.md#prepaid-accounts), through the outbox against an account-wide consent (without one the outbox
 * records the notice as skipped). Each warning goes once a Shanghai day per account and resident (the dedupe key).
 */
@Injectable()
export class PrepaidWarnings {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ledger: PrepaidLedger,
    private readonly bindings: AccountBindingsService,
    private readonly outbox: NoticeOutbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @BackgroundJob('prepaid-warnings')
  async run(): Promise<Record<PrepaidWarning, number>> {
    const counts: Record<PrepaidWarning, number> = { low_balance: 0, valve_close: 0 };
    const today = shanghaiDate(this.clock.now());
    const template = this.outbox.templates().prepaidBalance;
    for (let after = 0; ;) {
      const page = await this.accounts.prepaidAccountsAfter(after, PAGE);
      if (!page.length) break;
      after = page[page.length - 1].id;
      for (const account of page) {
        const b = await this.ledger.balance(account);
        const warning = prepaidWarning(account.meterKind, b.balanceFen, b.daysLeft, this.config.PREPAID_LOW_DAYS);
        if (!warning) continue;
        for (const residentId of await this.bindings.residentIdsOf(account.accountNo)) {
          const queued = await this.outbox.enqueue({
            dedupeKey: `prepaid-${warning}:${account.id}:${residentId}:${today}`,
            residentId,
            ticketId: null,
            templateId: template,
            page: `packages/pay/top-up?accountId=${account.id}`,
            data: {
              character_string1: { value: account.accountNo },
              amount2: { value: formatYuan(b.balanceFen) },
              thing3: {
                value:
                  warning === 'valve_close'
                    ? '余额已用尽，表具将关阀，请尽快充值'
                    : `余额约可用${b.daysLeft}天，请及时充值`,
              },
            },
          });
          if (queued) counts[warning]++;
        }
      }
    }
    return counts;
  }
}
