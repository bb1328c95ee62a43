import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, PayByAccountView, maskAddress, maskName, shanghaiDate } from '@utility/shared';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BillsService } from '../billing/bills.service';
import { RateLimitError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { AccountLookup } from './account-lookup.entity';

const HOUR_MS = 3_600_000;
/** After a look-up, its bills may be paid for this long without binding the account. */
const PAY_WINDOW_MS = 24 * HOUR_MS;

/**
 * 代缴: a logged-in resident pays an account's bills by its 户号 without binding it. They see only the
 * masked holder and address and the amounts (docs/domain.md#payments); look-ups are counted per resident
 * and hour (PAY_BY_ACCOUNT_LOOKUPS_PER_HOUR), found or not, so 户号 cannot be enumerated.
 */
@Injectable()
export class PayByAccountService {
  constructor(
    @InjectRepository(AccountLookup) private readonly lookups: Repository<AccountLookup>,
    private readonly accounts: AccountsService,
    private readonly bills: BillsService,
    private readonly bindings: AccountBindingsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async lookUp(residentId: number, accountNo: string): Promise<PayByAccountView> {
    const now = this.clock.now();
    const recent = await this.lookups.find({
      where: { residentId, at: MoreThanOrEqual(new Date(now.getTime() - HOUR_MS)) },
      order: { at: 'ASC' },
    });
    if (recent.length >= this.config.PAY_BY_ACCOUNT_LOOKUPS_PER_HOUR) {
      const retryAfter = Math.max(1, Math.ceil((recent[0].at.getTime() + HOUR_MS - now.getTime()) / 1000));
      throw new RateLimitError(ErrorCode.RateLimited, retryAfter, '查询次数过多，请1小时后再试');
    }
    const account = /^\d{10}$/.test(accountNo) ? await this.accounts.findByNo(accountNo) : null;
    await this.lookups.insert({ residentId, accountId: account?.active ? account.id : null, at: now });
    if (!account?.active) throw notFound();
    const today = shanghaiDate(now);
    return {
      accountNo: account.accountNo,
      holderMasked: maskName(account.holderName),
      addressMasked: maskAddress(account.address),
      bills: (await this.bills.unpaidOf(account.id)).map((b) => {
        const lateFeeFen = this.bills.lateFee(b, today);
        return {
          id: b.id,
          period: b.period,
          utility: b.utility,
          amountFen: b.amountFen,
          lateFeeFen,
          payableFen: b.amountFen + lateFeeFen,
          dueOn: b.dueOn,
          overdue: b.dueOn < today,
        };
      }),
    };
  }

  /** 404 unless the resident has bound the account or looked it up by 户号 within the last day. */
  async assertMayPay(residentId: number, accountId: number): Promise<void> {
    const since = new Date(this.clock.now().getTime() - PAY_WINDOW_MS);
    if (await this.lookups.existsBy({ residentId, accountId, at: MoreThanOrEqual(since) })) return;
    await this.bindings.assertBound(residentId, accountId).catch(() => {
      throw notFound();
    });
  }
}
