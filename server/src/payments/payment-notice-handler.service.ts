import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { insertRows } from '../common/plain-insert';
import { PaymentNotice } from './payment-notice.entity';
import { CreditOutcome, PaymentCredit } from './payment-credit.service';
import { RefundsService } from './refunds.service';
import { VerifiedNotice } from './wechat-pay/wechat-pay.notices';

export type NoticeOutcome = CreditOutcome | 'refund_recorded';

/**
 * Turns a verified notice into its effect, and keeps a line of every verified notice received. Refused
 * notices come from anyone on the internet: they are counted (and logged without their body), never stored,
 * so forging them costs the database nothing.
 */
@Injectable()
export class PaymentNoticeHandler {
  private readonly logger = new Logger(PaymentNoticeHandler.name);
  private readonly rejected = new Map<string, number>();

  constructor(
    @InjectRepository(PaymentNotice) private readonly log: Repository<PaymentNotice>,
    private readonly credit: PaymentCredit,
    private readonly refunds: RefundsService,
    private readonly clock: Clock,
  ) {}

  async handle(notice: VerifiedNotice): Promise<NoticeOutcome> {
    const outcome: NoticeOutcome =
      notice.eventType === 'TRANSACTION.SUCCESS'
        ? await this.credit.credit(notice.resource)
        : await this.refunds.onWechatResult(notice.resource);
    await insertRows(this.log.manager, PaymentNotice, [
      {
        noticeId: notice.id.slice(0, 64),
        eventType: notice.eventType,
        outTradeNo: notice.resource.outTradeNo,
        outcome,
        receivedAt: this.clock.now(),
      },
    ]);
    return outcome;
  }

  /** Counts a refused notice by reason; nothing is written. */
  countRejected(reason: string): void {
    const n = (this.rejected.get(reason) ?? 0) + 1;
    this.rejected.set(reason, n);
    this.logger.warn(`payment notice refused (${reason}); ${n} refused for this reason since start`);
  }

  /** Refused notices since the process started, by reason (bad_signature, stale_timestamp…). */
  rejectedCounts(): Record<string, number> {
    return Object.fromEntries(this.rejected);
  }
}
