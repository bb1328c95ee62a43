import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { storedValue } from '../common/plain-insert';
import { PaymentNotice } from './payment-notice.entity';
import { CreditOutcome, PaymentCredit } from './payment-credit.service';
import { preparedAnywhere } from '../common/prepared-statements';
import { RefundsService } from './refunds.service';
import { FapiaoEventType, FapiaoNotice } from './wechat-pay/fapiao.types';
import { VerifiedNotice } from './wechat-pay/wechat-pay.notices';

const RECORD_NOTICE =
  'INSERT INTO payment_notice (noticeId, eventType, outTradeNo, outcome, receivedAt) VALUES (?, ?, ?, ?, ?)';

/** What an e-invoice notice did (`invoices/`); unknown_fapiao and mismatch are answered 400 so WeChat Pay retries. */
export type FapiaoOutcome = 'fapiao_recorded' | 'duplicate' | 'unknown_fapiao' | 'mismatch';
export type NoticeOutcome = CreditOutcome | 'refund_recorded' | FapiaoOutcome;
/** The invoices module's handler of FAPIAO.* notices (it imports payments, so it registers itself here). */
export type FapiaoNoticeConsumer = (eventType: FapiaoEventType, notice: FapiaoNotice) => Promise<FapiaoOutcome>;

/**
 * Turns a verified notice into its effect, and keeps a line of every verified notice received. Refused
 * notices come from anyone on the internet: they are counted (and logged without their body), never stored,
 * so forging them costs the database nothing.
 */
@Injectable()
export class PaymentNoticeHandler {
  private readonly logger = new Logger(PaymentNoticeHandler.name);
  private readonly rejected = new Map<string, number>();
  private fapiaoConsumer: FapiaoNoticeConsumer | null = null;

  constructor(
    @InjectRepository(PaymentNotice) private readonly log: Repository<PaymentNotice>,
    private readonly credit: PaymentCredit,
    private readonly refunds: RefundsService,
    private readonly clock: Clock,
  ) {}

  onFapiaoNotice(consumer: FapiaoNoticeConsumer): void {
    this.fapiaoConsumer = consumer;
  }

  async handle(notice: VerifiedNotice): Promise<NoticeOutcome> {
    // A payment's line is written in its crediting transaction: one commit per credited notice.
    if (notice.eventType === 'TRANSACTION.SUCCESS')
      return this.credit.credit(notice.resource, (outcome) => this.record(notice, outcome));
    let outcome: NoticeOutcome;
    if ('refundId' in notice.resource) outcome = await this.refunds.onWechatResult(notice.resource);
    else if (this.fapiaoConsumer)
      outcome = await this.fapiaoConsumer(notice.eventType as FapiaoEventType, notice.resource as FapiaoNotice);
    else outcome = 'unknown_fapiao';
    await this.record(notice, outcome);
    return outcome;
  }

  /**
   * In the crediting transaction when there is one (the log repository joins it by context), else on its
   * own (a retry's line): one prepared statement either way.
   */
  private record(notice: VerifiedNotice, outcome: NoticeOutcome): Promise<unknown> {
    const em = this.log.manager;
    return preparedAnywhere(em, RECORD_NOTICE, [
      notice.id.slice(0, 64),
      notice.eventType,
      'outTradeNo' in notice.resource ? notice.resource.outTradeNo : null,
      outcome,
      storedValue(em, PaymentNotice, 'receivedAt', this.clock.now()),
    ]);
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
