import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, PayParams, shanghaiDate } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { isDuplicateKey } from '../common/db';
import { ResidentsService } from '../residents/residents.service';
import { PaymentOrder } from './payment-order.entity';
import { TopUpSettlement } from './top-up-settlement';
import { WechatPayClient, WechatPayError } from './wechat-pay/wechat-pay.client';

/** As bills (payments.service.ts): the resident has this long to pay, and an order is reused only with time left. */
const ORDER_MINUTES = 30;
const REUSE_MARGIN_MS = 2 * 60_000;

export interface TopUpOrderInput {
  topUpId: number;
  accountId: number;
  accountNo: string;
  residentId: number;
  amountFen: number;
}

export interface TopUpOrder {
  orderNo: string;
  payParams: PayParams;
}

/** T + Shanghai date + random: out_trade_no of a top-up (bills' are W…). */
const newOrderNo = (now: Date) =>
  `T${shanghaiDate(now).replaceAll('-', '')}${randomBytes(8).toString('hex').toUpperCase()}`;

/**
 * WeChat Pay orders for prepaid top-ups (docs/domain.md#prepaid-accounts), with the bills' machinery: the
 * same client, notices and crediting (payment-credit.service.ts), sweeper and reconciliation. An account has
 * at most one open top-up order: a newer top-up closes the older one's order at WeChat Pay first.
 */
@Injectable()
export class TopUpOrders {
  private readonly logger = new Logger(TopUpOrders.name);

  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    private readonly residents: ResidentsService,
    private readonly wechatPay: WechatPayClient,
    private readonly settlement: TopUpSettlement,
    private readonly clock: Clock,
  ) {}

  /** The top-up's open order (reused, or created now) and the parameters to pay it. */
  async order(input: TopUpOrderInput): Promise<TopUpOrder> {
    const resident = await this.residents.findActive(input.residentId);
    if (!resident?.openid) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    const now = this.clock.now();
    let order = await this.orders.findOneBy({ openTopUpAccountId: input.accountId });
    if (order && (order.topUpId !== input.topUpId || order.expiresAt.getTime() - now.getTime() < REUSE_MARGIN_MS)) {
      // Another top-up's order closes that top-up; this one's, about to expire, is replaced by a fresh order.
      await this.closeOpen(order, order.topUpId !== input.topUpId);
      order = null;
    }
    order ??= await this.openOrder(input, resident.openid, now);
    if (order.topUpId !== input.topUpId) throw new AppError(HttpStatus.CONFLICT, ErrorCode.PaymentInProgress);
    const open = order;
    const payerOpenid = resident.openid;
    const { prepayId } = await this.unavailableOnFailure(() =>
      this.wechatPay.createJsapiOrder({
        outTradeNo: open.orderNo,
        description: `预付费充值 户号${input.accountNo}`,
        amountFen: open.amountFen,
        payerOpenid,
        timeExpire: open.expiresAt,
      }),
    );
    if (order.prepayId !== prepayId) await this.orders.update({ id: order.id }, { prepayId });
    return { orderNo: order.orderNo, payParams: this.wechatPay.paymentParams(prepayId, now) };
  }

  /** Insert under the account's unique open slot: of two racing requests one inserts, the other takes its order. */
  private async openOrder(input: TopUpOrderInput, payerOpenid: string, now: Date): Promise<PaymentOrder> {
    try {
      const { identifiers } = await this.orders.insert({
        orderNo: newOrderNo(now),
        billId: null,
        openBillId: null,
        topUpId: input.topUpId,
        openTopUpAccountId: input.accountId,
        accountId: input.accountId,
        residentId: input.residentId,
        payerOpenid,
        amountFen: input.amountFen,
        method: 'wechat',
        receiptNo: null,
        recordedById: null,
        status: 'open',
        prepayId: null,
        transactionId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ORDER_MINUTES * 60_000),
        paidAt: null,
        settledBill: true,
        lastQueriedAt: null,
      });
      return this.orders.findOneByOrFail({ id: identifiers[0].id });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return this.orders.findOneByOrFail({ openTopUpAccountId: input.accountId });
    }
  }

  /**
   * Closed at WeChat Pay first, so it can no longer be paid. One WeChat Pay says is paid already is left to
   * its notice or the sweeper (credited then, as any late payment): the resident is told to wait.
   */
  private async closeOpen(order: PaymentOrder, closesTopUp: boolean): Promise<void> {
    await this.unavailableOnFailure(() => this.wechatPay.close(order.orderNo));
    const closed = await this.orders.update(
      { id: order.id, status: 'open' },
      { status: 'closed', openTopUpAccountId: null },
    );
    if (closed.affected && closesTopUp && order.topUpId !== null) await this.settlement.ledger.closed(order.topUpId);
  }

  private async unavailableOnFailure<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      this.logger.warn(`WeChat Pay refused a top-up call: ${error.code} ${error.message}`);
      const paid = error.code === 'ORDERPAID' || error.code === 'ORDER_PAID';
      throw new AppError(
        paid ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE,
        paid ? ErrorCode.PaymentInProgress : ErrorCode.PaymentUnavailable,
      );
    }
  }
}
