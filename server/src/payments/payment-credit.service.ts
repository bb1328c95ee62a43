import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, PaymentMethod, TicketType } from '@utility/shared';
import { BillsService } from '../billing/bills.service';
import { conflict } from '../common/app-error';
import { Db, isDuplicateKey } from '../common/db';
import { storedValue } from '../common/plain-insert';
import { TicketsService } from '../tickets/tickets.service';
import { PaymentOrder } from './payment-order.entity';
import { preparedAnywhere, preparedChange } from '../common/prepared-statements';
import { TopUpSettlement } from './top-up-settlement';
import { WechatPayNotices } from './wechat-pay/wechat-pay.notices';
import { PaidTransaction } from './wechat-pay/wechat-pay.types';

/** What crediting reads of the order a notice names. */
type OrderToCredit = Pick<
  PaymentOrder,
  'id' | 'orderNo' | 'billId' | 'topUpId' | 'accountId' | 'amountFen' | 'status' | 'transactionId'
>;
const ORDER_TO_CREDIT =
  'SELECT id, orderNo, billId, topUpId, accountId, amountFen, status, transactionId FROM payment_order WHERE orderNo = ?';
/** The guard: only an open or closed order becomes paid, once. */
const MARK_PAID =
  "UPDATE payment_order SET status = 'paid', openBillId = NULL, openTopUpAccountId = NULL, transactionId = ?, paidAt = ? " +
  "WHERE id = ? AND status IN ('open', 'closed')";

export type CreditOutcome = 'credited' | 'duplicate' | 'paid_twice' | 'unknown_order' | 'mismatch';
/**
 * Writes down what a report of a payment came to (the notice log): in the crediting transaction when
 * there is one, so a credited notice is one commit and its line never outlives a rolled-back credit.
 */
/** Told the outcome; inside the crediting transaction when there is one (it joins by context). */
export type CreditRecorder = (outcome: CreditOutcome) => Promise<unknown>;

/** A payment billing staff took outside WeChat Pay: at the counter, or a bank's auto-debit line. */
export interface OfflinePayment {
  /** R + receipt number, B + bank serial number: unique, so the same receipt or line is recorded once. */
  orderNo: string;
  method: Exclude<PaymentMethod, 'wechat'>;
  receiptNo: string;
  billId: number;
  accountId: number;
  amountFen: number;
  recordedById: number;
  paidAt: Date;
}

/**
 * Credits a payment exactly once. The order's conditional update from open/closed to paid is
 * the guard: a late, repeated or concurrent report of the same payment finds it paid and
 * changes nothing. The bill is settled in the same transaction.
 */
@Injectable()
export class PaymentCredit {
  private readonly logger = new Logger(PaymentCredit.name);

  constructor(
    private readonly db: Db,
    private readonly bills: BillsService,
    private readonly tickets: TicketsService,
    private readonly notices: WechatPayNotices,
    private readonly topUps: TopUpSettlement,
  ) {}

  /** `paid` comes from a verified notice or from our own query of WeChat Pay; `record` is told the outcome. */
  async credit(paid: PaidTransaction, record?: CreditRecorder): Promise<CreditOutcome> {
    // Every notice (a fifth of them WeChat Pay's retries) starts here: a prepared statement, only what is used.
    const [order] = await preparedAnywhere<OrderToCredit[]>(this.db.dataSource.manager, ORDER_TO_CREDIT, [
      paid.outTradeNo,
    ]);
    const answer = async (outcome: CreditOutcome) => (await record?.(outcome), outcome);
    if (!order) return answer('unknown_order');
    const mismatches = this.notices.mismatches(paid, { outTradeNo: order.orderNo, amountFen: order.amountFen });
    if (mismatches.length) {
      this.logger.warn(`payment ${paid.outTradeNo} does not match its order: ${mismatches.join(', ')}`);
      return answer('mismatch');
    }
    if (order.status === 'paid' || order.status === 'refunded')
      return answer(order.transactionId === paid.transactionId ? 'duplicate' : 'mismatch');
    return this.db.transaction(async () => {
      const outcome = await this.creditIn(order, paid);
      await record?.(outcome);
      return outcome;
    });
  }

  private async creditIn(order: OrderToCredit, paid: PaidTransaction): Promise<CreditOutcome> {
    const em = this.db.manager;
    const paidAt = storedValue(em, PaymentOrder, 'paidAt', paid.successTime);
    if (!(await preparedChange(em, MARK_PAID, [paid.transactionId, paidAt, order.id]))) return 'duplicate';
    if (order.topUpId !== null) {
      // A top-up is money on the balance however late it comes, even after its order was closed.
      await this.topUps.ledger.credit({
        topUpId: order.topUpId,
        accountId: order.accountId,
        orderNo: order.orderNo,
        amountFen: order.amountFen,
        paidAt: paid.successTime,
      });
      return 'credited';
    }
    const billId = order.billId!;
    const bill = { id: billId, accountId: order.accountId };
    if (await this.bills.settle(bill, order.id, order.amountFen, paid.successTime)) return 'credited';
    // The bill was already settled by another order (a closed order paid late): money to give back.
    await em.update(PaymentOrder, { id: order.id }, { settledBill: false });
    await this.tickets.openSystemTicket({
      type: TicketType.Billing,
      accountNo: (await this.bills.find(billId)).accountNo,
      description: `重复缴费：订单 ${order.orderNo}（微信支付单号 ${paid.transactionId}）支付 ${(order.amountFen / 100).toFixed(2)} 元，但账单已由其他订单缴清，请核实后退款。`,
    });
    return 'paid_twice';
  }

  /**
   * Records a counter or bank payment and settles its bill, in one transaction. The receipt's unique orderNo
   * makes a repeat ('duplicate', nothing credited, the first record returned); the bill's conditional settle
   * makes a payment racing another one (a WeChat notice) lose with 409 BILL_ALREADY_PAID, nothing recorded.
   */
  async creditOffline(p: OfflinePayment): Promise<{ outcome: 'credited' | 'duplicate'; order: PaymentOrder }> {
    try {
      const id = await this.db.transaction(async (em) => {
        const { identifiers } = await em.insert(PaymentOrder, {
          ...p,
          openBillId: null,
          topUpId: null,
          openTopUpAccountId: null,
          residentId: null,
          payerOpenid: null,
          status: 'paid',
          prepayId: null,
          transactionId: null,
          createdAt: p.paidAt,
          expiresAt: p.paidAt,
          settledBill: true,
          lastQueriedAt: null,
        });
        const orderId = identifiers[0].id as number;
        if (!(await this.bills.settle({ id: p.billId, accountId: p.accountId }, orderId, p.amountFen, p.paidAt)))
          throw conflict(ErrorCode.BillAlreadyPaid);
        return orderId;
      });
      return { outcome: 'credited', order: await this.db.dataSource.manager.findOneByOrFail(PaymentOrder, { id }) };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const order = await this.db.dataSource.manager.findOneByOrFail(PaymentOrder, { orderNo: p.orderNo });
      return { outcome: 'duplicate', order };
    }
  }
}
