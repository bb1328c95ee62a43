import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, PayResponse, PaymentView, shanghaiDate } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { BillsService } from '../billing/bills.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { isDuplicateKey } from '../common/db';
import { ResidentsService } from '../residents/residents.service';
import { PaymentOrder } from './payment-order.entity';
import { WechatPayClient, WechatPayError } from './wechat-pay/wechat-pay.client';

/** How long a resident has to pay an order before it is closed (WeChat's time_expire). */
const ORDER_MINUTES = 30;
/** Re-use an open order only with this much time left, so the cashier does not expire mid-payment. */
const REUSE_MARGIN_MS = 2 * 60_000;

const newOrderNo = (now: Date) =>
  `W${shanghaiDate(now).replaceAll('-', '')}${randomBytes(8).toString('hex').toUpperCase()}`;

/** Orders for bills: one open order per bill, created or reused, and the receipts of paid ones. */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    private readonly bills: BillsService,
    private readonly residents: ResidentsService,
    private readonly wechatPay: WechatPayClient,
    private readonly clock: Clock,
  ) {}

  /** The bill's one open order (reused, or created now) and the parameters to pay it. */
  async payBill(residentId: number, billId: number): Promise<PayResponse> {
    const bill = await this.bills.payable(billId);
    const resident = await this.residents.findActive(residentId);
    if (!resident?.openid) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    const now = this.clock.now();
    let order = await this.orders.findOneBy({ openBillId: billId });
    if (order && order.expiresAt.getTime() - now.getTime() < REUSE_MARGIN_MS) {
      await this.closeStale(order);
      order = null;
    }
    order ??= await this.openOrder(bill.id, bill.accountId, bill.amountFen, residentId, resident.openid, now);
    // Creating the JSAPI order again with the same out_trade_no returns the same prepay_id: safe for racing requests.
    const { prepayId } = await this.call(() =>
      this.wechatPay.createJsapiOrder({
        outTradeNo: order.orderNo,
        description: `${bill.utility === 'heating' ? '供热费' : '燃气费'} ${bill.period} 户号${bill.accountNo}`,
        amountFen: order.amountFen,
        payerOpenid: order.payerOpenid,
        timeExpire: order.expiresAt,
      }),
    );
    if (order.prepayId !== prepayId) await this.orders.update({ id: order.id }, { prepayId });
    return {
      orderNo: order.orderNo,
      amountFen: order.amountFen,
      payParams: this.wechatPay.paymentParams(prepayId, now),
    };
  }

  async receipts(accountId: number): Promise<PaymentView[]> {
    const orders = await this.orders.find({
      where: { accountId, status: In(['paid', 'refunded']) },
      order: { paidAt: 'DESC' },
      take: 100,
    });
    const bills = await Promise.all(orders.map((o) => this.bills.find(o.billId)));
    return orders.map((o, i) => ({
      orderNo: o.orderNo,
      billId: o.billId,
      period: bills[i].period,
      accountNo: bills[i].accountNo,
      amountFen: o.amountFen,
      status: o.status,
      transactionId: o.transactionId,
      paidAt: o.paidAt?.toISOString() ?? null,
    }));
  }

  /** The unique index on openBillId lets one of two racing requests insert; the other takes its order. */
  private async openOrder(
    billId: number,
    accountId: number,
    amountFen: number,
    residentId: number,
    payerOpenid: string,
    now: Date,
  ): Promise<PaymentOrder> {
    try {
      const row = {
        orderNo: newOrderNo(now),
        billId,
        openBillId: billId,
        accountId,
        residentId,
        payerOpenid,
        amountFen,
        status: 'open' as const,
        prepayId: null,
        transactionId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ORDER_MINUTES * 60_000),
        paidAt: null,
        settledBill: true,
        lastQueriedAt: null,
      };
      const { identifiers } = await this.orders.insert(row);
      return this.orders.findOneByOrFail({ id: identifiers[0].id });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return this.orders.findOneByOrFail({ openBillId: billId });
    }
  }

  /** An order about to expire is closed at WeChat Pay first, so it can no longer be paid. */
  private async closeStale(order: PaymentOrder): Promise<void> {
    await this.call(() => this.wechatPay.close(order.orderNo));
    await this.orders.update({ id: order.id, status: 'open' }, { status: 'closed', openBillId: null });
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WechatPayError)
        throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.PaymentUnavailable);
      throw error;
    }
  }
}
