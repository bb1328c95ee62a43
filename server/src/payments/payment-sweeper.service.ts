import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Or, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { PaymentCredit } from './payment-credit.service';
import { PaymentOrder } from './payment-order.entity';
import { Refund } from './refund.entity';
import { RefundsService } from './refunds.service';
import { TopUpSettlement } from './top-up-settlement';
import { WechatPayClient, WechatPayError } from './wechat-pay/wechat-pay.client';
import { PaidTransaction } from './wechat-pay/wechat-pay.types';

/** An order with no notice this long after creation is asked about. */
const QUIET_MS = 3 * 60_000;
const REQUERY_MS = 60_000;
const BATCH = 50;

export interface PaymentSweepResult {
  credited: number;
  closed: number;
  refundsSettled: number;
}

/** Finds payments whose notice never came (by querying WeChat Pay) and closes orders that expired unpaid. */
@Injectable()
export class PaymentSweeper {
  private readonly logger = new Logger(PaymentSweeper.name);

  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    @InjectRepository(Refund) private readonly refunds: Repository<Refund>,
    private readonly wechatPay: WechatPayClient,
    private readonly credit: PaymentCredit,
    private readonly refundsService: RefundsService,
    private readonly clock: Clock,
    private readonly topUps: TopUpSettlement,
  ) {}

  @BackgroundJob('payment-sweep')
  async sweep(): Promise<PaymentSweepResult> {
    const now = this.clock.now();
    const result: PaymentSweepResult = { credited: 0, closed: 0, refundsSettled: 0 };
    const quiet = await this.orders.find({
      where: {
        status: 'open',
        createdAt: LessThan(new Date(now.getTime() - QUIET_MS)),
        lastQueriedAt: Or(IsNull(), LessThan(new Date(now.getTime() - REQUERY_MS))),
      },
      order: { id: 'ASC' },
      take: BATCH,
    });
    for (const order of quiet) {
      try {
        const outcome = await this.settleOrder(order, now);
        if (outcome === 'credited') result.credited++;
        if (outcome === 'closed') result.closed++;
      } catch (error) {
        if (!(error instanceof WechatPayError)) throw error;
        this.logger.warn(`query of ${order.orderNo} failed: ${error.message}`);
      }
    }
    for (const refund of await this.refunds.find({ where: { status: 'processing' }, take: BATCH })) {
      const answer = await this.wechatPay.queryRefund(refund.refundNo).catch(() => null);
      if (answer && answer.status !== 'PROCESSING' && (await this.refundsService.onWechatResult(answer)))
        result.refundsSettled++;
    }
    return result;
  }

  private async settleOrder(order: PaymentOrder, now: Date): Promise<'credited' | 'closed' | 'waiting'> {
    await this.orders.update({ id: order.id }, { lastQueriedAt: now });
    const found = await this.wechatPay.queryByOutTradeNo(order.orderNo);
    if (found?.tradeState === 'SUCCESS') {
      return (await this.credit.credit(found as PaidTransaction)) === 'credited' ? 'credited' : 'waiting';
    }
    if (order.expiresAt > now && found?.tradeState !== 'CLOSED') return 'waiting';
    if (found && found.tradeState !== 'CLOSED') await this.wechatPay.close(order.orderNo);
    const closed = await this.orders.update(
      { id: order.id, status: 'open' },
      { status: 'closed', openBillId: null, openTopUpAccountId: null },
    );
    if (closed.affected && order.topUpId !== null) await this.topUps.ledger.closed(order.topUpId);
    return closed.affected ? 'closed' : 'waiting';
  }
}
