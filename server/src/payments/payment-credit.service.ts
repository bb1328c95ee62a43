import { Injectable, Logger } from '@nestjs/common';
import { TicketType } from '@utility/shared';
import { In } from 'typeorm';
import { BillsService } from '../billing/bills.service';
import { Db } from '../common/db';
import { TicketsService } from '../tickets/tickets.service';
import { PaymentOrder } from './payment-order.entity';
import { WechatPayNotices } from './wechat-pay/wechat-pay.notices';
import { PaidTransaction } from './wechat-pay/wechat-pay.types';

export type CreditOutcome = 'credited' | 'duplicate' | 'paid_twice' | 'unknown_order' | 'mismatch';

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
  ) {}

  /** `paid` comes from a verified notice or from our own query of WeChat Pay. */
  async credit(paid: PaidTransaction): Promise<CreditOutcome> {
    const order = await this.db.dataSource.manager.findOneBy(PaymentOrder, { orderNo: paid.outTradeNo });
    if (!order) return 'unknown_order';
    const mismatches = this.notices.mismatches(paid, { outTradeNo: order.orderNo, amountFen: order.amountFen });
    if (mismatches.length) {
      this.logger.warn(`payment ${paid.outTradeNo} does not match its order: ${mismatches.join(', ')}`);
      return 'mismatch';
    }
    if (order.status === 'paid' || order.status === 'refunded')
      return order.transactionId === paid.transactionId ? 'duplicate' : 'mismatch';
    return this.db.transaction(async (em) => {
      const won = await em.update(
        PaymentOrder,
        { id: order.id, status: In(['open', 'closed']) },
        { status: 'paid', openBillId: null, transactionId: paid.transactionId, paidAt: paid.successTime },
      );
      if (!won.affected) return 'duplicate';
      if (await this.bills.settle(em, order.billId, order.id, order.amountFen, paid.successTime)) return 'credited';
      // The bill was already settled by another order (a closed order paid late): money to give back.
      await em.update(PaymentOrder, { id: order.id }, { settledBill: false });
      await this.tickets.openSystemTicket(em, {
        type: TicketType.Billing,
        accountNo: (await this.bills.find(order.billId)).accountNo,
        description: `重复缴费：订单 ${order.orderNo}（微信支付单号 ${paid.transactionId}）支付 ${(order.amountFen / 100).toFixed(2)} 元，但账单已由其他订单缴清，请核实后退款。`,
      });
      return 'paid_twice';
    });
  }
}
