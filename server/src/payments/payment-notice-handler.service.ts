import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { PaymentNotice } from './payment-notice.entity';
import { CreditOutcome, PaymentCredit } from './payment-credit.service';
import { RefundsService } from './refunds.service';
import { VerifiedNotice } from './wechat-pay/wechat-pay.notices';

export type NoticeOutcome = CreditOutcome | 'refund_recorded';

/** Turns a verified notice into its effect, and keeps a line of every notice received. */
@Injectable()
export class PaymentNoticeHandler {
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
    await this.log.insert({
      noticeId: notice.id.slice(0, 64),
      eventType: notice.eventType,
      outTradeNo: notice.resource.outTradeNo,
      outcome,
      receivedAt: this.clock.now(),
    });
    return outcome;
  }

  async logRejected(reason: string): Promise<void> {
    await this.log.insert({
      noticeId: '-',
      eventType: 'unverified',
      outTradeNo: null,
      outcome: `rejected:${reason}`,
      receivedAt: this.clock.now(),
    });
  }
}
