import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, PayResponse, PaymentView, shanghaiDate } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { BillsService } from '../billing/bills.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { isDuplicateKey } from '../common/db';
import { pseudonym } from '../common/field-cipher';
import { ResidentsService } from '../residents/residents.service';
import { PaymentCredit } from './payment-credit.service';
import { PaymentOrder } from './payment-order.entity';
import { WechatPayClient, WechatPayError } from './wechat-pay/wechat-pay.client';
import { isPaidTransaction } from './wechat-pay/wechat-pay.types';

const BILL_NAMES = { gas: '燃气费', heating: '供热费', power: '电费' } as const;

/** How long a resident has to pay an order before it is closed (WeChat's time_expire). */
const ORDER_MINUTES = 30;
/** Re-use an open order only with this much time left, so the cashier does not expire mid-payment. */
const REUSE_MARGIN_MS = 2 * 60_000;

/** WeChat Pay's refusal to order or close what is already paid (v3: ORDERPAID; ORDER_PAID seen in some answers). */
const ALREADY_PAID_CODES = new Set(['ORDERPAID', 'ORDER_PAID']);

/** Adds what another module knows to the resident's payment records (the invoice, docs/domain.md#invoices). */
export type ReceiptDecorator = (views: PaymentView[], residentId: number) => Promise<void>;

const paidMeanwhile = () => new AppError(HttpStatus.CONFLICT, ErrorCode.BillAlreadyPaid, '该账单已支付');

const newOrderNo = (now: Date) =>
  `W${shanghaiDate(now).replaceAll('-', '')}${randomBytes(8).toString('hex').toUpperCase()}`;

/**
 * Orders for bills: one open order per bill and payer, created or reused, and the receipts of paid ones.
 * A bill has at most one open order: when another member of the household pays it, the first payer's
 * order is closed at WeChat Pay (so the bill can never be paid twice) and the new payer gets their own.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly receiptDecorators: ReceiptDecorator[] = [];

  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    private readonly bills: BillsService,
    private readonly residents: ResidentsService,
    private readonly wechatPay: WechatPayClient,
    private readonly credit: PaymentCredit,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.residents.onForget((forgotten) => this.forgetPayer(forgotten.openid));
  }

  /**
   * A forgotten resident's openid leaves the payment records: orders keep a pseudonym (the same for all
   * their orders), amounts and WeChat's transaction ids, which is what accounting and refunds need.
   */
  async forgetPayer(openid: string): Promise<void> {
    await this.orders.update({ payerOpenid: openid }, { payerOpenid: pseudonym(openid) });
  }

  /** The bill's open order for this payer (reused, or created now) and the parameters to pay it. */
  async payBill(residentId: number, billId: number): Promise<PayResponse> {
    const bill = await this.bills.payable(billId);
    const resident = await this.residents.findActive(residentId);
    if (!resident?.openid) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    const now = this.clock.now();
    // The late fee (docs/domain.md#arrears) is part of what is paid, as of the day the order is made.
    const amountFen = this.bills.payableFen(bill, shanghaiDate(now));
    let order = await this.orders.findOneBy({ openBillId: billId });
    if (order && order.amountFen !== amountFen) {
      // Ordered before the late fee grew (or was waived): the old amount is no longer what is owed.
      await this.closeOpen(order);
      order = null;
    } else if (order && order.payerOpenid !== resident.openid) {
      // Another household member's order: WeChat Pay would only let that member pay it.
      await this.closeOpen(order);
      order = null;
    } else if (order && order.expiresAt.getTime() - now.getTime() < REUSE_MARGIN_MS) {
      await this.closeOpen(order);
      order = null;
    }
    order ??= await this.openOrder(bill.id, bill.accountId, amountFen, residentId, resident.openid, now);
    if (order.payerOpenid !== resident.openid) {
      // Lost a race with another payer's first request: theirs is the bill's open order now.
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.PaymentInProgress);
    }
    const open = order;
    const payerOpenid = resident.openid;
    // Creating the JSAPI order again with the same out_trade_no returns the same prepay_id: safe for racing requests.
    const { prepayId } = await this.call(open, () =>
      this.wechatPay.createJsapiOrder({
        outTradeNo: open.orderNo,
        description: `${BILL_NAMES[bill.utility]} ${bill.period} 户号${bill.accountNo}`,
        amountFen: open.amountFen,
        payerOpenid,
        timeExpire: open.expiresAt,
      }),
    );
    if (order.prepayId !== prepayId) await this.orders.update({ id: order.id }, { prepayId });
    return {
      orderNo: order.orderNo,
      amountFen: order.amountFen,
      payParams: this.wechatPay.paymentParams(prepayId, now),
    };
  }

  addReceiptDecorator(decorator: ReceiptDecorator): void {
    this.receiptDecorators.push(decorator);
  }

  /** The records as this resident sees them, with what other modules add (their invoice). */
  async residentReceipts(accountId: number, residentId: number): Promise<PaymentView[]> {
    const views = await this.receipts(accountId);
    for (const decorate of this.receiptDecorators) await decorate(views, residentId);
    return views;
  }

  async receipts(accountId: number): Promise<PaymentView[]> {
    const orders = await this.orders.find({
      // Top-ups have their own list (GET /api/accounts/:id/top-ups).
      where: { accountId, status: In(['paid', 'refunded']), topUpId: IsNull() },
      order: { paidAt: 'DESC' },
      take: 100,
    });
    const bills = await Promise.all(orders.map((o) => this.bills.find(o.billId!)));
    return orders.map((o, i) => ({
      id: o.id,
      orderNo: o.orderNo,
      method: o.method,
      receiptNo: o.receiptNo,
      billId: o.billId!,
      period: bills[i].period,
      accountNo: bills[i].accountNo,
      amountFen: o.amountFen,
      status: o.status,
      transactionId: o.transactionId,
      paidAt: o.paidAt?.toISOString() ?? null,
    }));
  }

  /**
   * A bill settled another way (counter, bank) may still have a WeChat order open: it is closed at WeChat Pay
   * so the resident cannot pay it too. Best effort, after the credit: an order WeChat Pay will not close
   * expires within ORDER_MINUTES, and one paid meanwhile is credited as paid twice (a refund ticket).
   */
  async closeOpenOrderOf(billId: number): Promise<void> {
    const order = await this.orders.findOneBy({ openBillId: billId });
    if (!order) return;
    try {
      await this.closeOpen(order);
    } catch (error) {
      this.logger.warn(`open order ${order.orderNo} of settled bill ${billId} not closed: ${(error as Error).message}`);
    }
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
        topUpId: null,
        openTopUpAccountId: null,
        accountId,
        residentId,
        payerOpenid,
        amountFen,
        method: 'wechat' as const,
        receiptNo: null,
        recordedById: null,
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

  /** An order about to expire, or another payer's, is closed at WeChat Pay first, so it can no longer be paid. */
  private async closeOpen(order: PaymentOrder): Promise<void> {
    await this.call(order, () => this.wechatPay.close(order.orderNo));
    await this.orders.update({ id: order.id, status: 'open' }, { status: 'closed', openBillId: null });
  }

  /**
   * A call about `order`. WeChat Pay refusing it as already paid means the payment's notice is late or lost:
   * the order is queried at once and credited (exactly once, as a notice would), and the payer told 409.
   * Any other failure is 503: the resident can try again.
   */
  private async call<T>(order: PaymentOrder, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      if (ALREADY_PAID_CODES.has(error.code) && (await this.creditFromQuery(order))) throw paidMeanwhile();
      throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.PaymentUnavailable);
    }
  }

  /** True when WeChat Pay reports the order paid and the payment is now credited (by us or before us). */
  private async creditFromQuery(order: PaymentOrder): Promise<boolean> {
    try {
      const found = await this.wechatPay.queryByOutTradeNo(order.orderNo);
      if (!found || found.tradeState !== 'SUCCESS' || !isPaidTransaction(found)) return false;
      const outcome = await this.credit.credit(found);
      this.logger.log(`order ${order.orderNo} found paid when ordered again: ${outcome}`);
      return outcome === 'credited' || outcome === 'duplicate' || outcome === 'paid_twice';
    } catch (error) {
      if (error instanceof WechatPayError) return false;
      throw error;
    }
  }
}
