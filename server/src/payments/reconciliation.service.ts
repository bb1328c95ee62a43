import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, PAYMENT_METHODS, PaymentMethod, TicketType, shanghaiDate } from '@utility/shared';
import { Between, In, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { TicketsService } from '../tickets/tickets.service';
import { PaymentOrder } from './payment-order.entity';
import { MismatchKind, ReconciliationMismatch } from './reconciliation-mismatch.entity';
import { TradeBillRow } from './wechat-pay/trade-bill';
import { WechatPayClient, WechatPayError } from './wechat-pay/wechat-pay.client';

export interface DayTotals {
  date: string;
  byMethod: Record<PaymentMethod, { count: number; totalFen: number }>;
  totalFen: number;
}

export interface Mismatch {
  outTradeNo: string;
  kind: MismatchKind;
  oursFen: number | null;
  wechatFen: number | null;
}

const KIND_TEXT: Record<MismatchKind, string> = {
  missing_locally: '微信支付已收款，但系统无对应入账',
  amount_differs: '系统入账金额与微信支付账单不一致',
  missing_at_wechat: '系统已入账，但微信支付账单无此交易',
};

/** Shanghai day [00:00, 24:00) as UTC instants. */
const shanghaiDay = (date: string) => {
  const start = new Date(`${date}T00:00:00+08:00`);
  return [start, new Date(start.getTime() + 86_400_000 - 1)] as const;
};

/** Compares a day's payments with WeChat Pay's trade bill; every mismatch becomes a billing ticket, once. */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    @InjectRepository(ReconciliationMismatch) private readonly mismatches: Repository<ReconciliationMismatch>,
    private readonly wechatPay: WechatPayClient,
    private readonly accounts: AccountsService,
    private readonly tickets: TicketsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async reconcile(billDate: string): Promise<Mismatch[]> {
    // No bill can exist for a day still to come; today's and yesterday's may not yet (WeChat Pay says NO_STATEMENT_EXIST).
    if (billDate > shanghaiDate(this.clock.now()))
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.TradeBillNotReady);
    const rows = (await this.tradeBill(billDate)).filter((r) => r.tradeState === 'SUCCESS');
    const ours = await this.orders.find({
      // Counter and bank payments are not in WeChat Pay's bill (they are in the day's totals by method).
      where: { paidAt: Between(...shanghaiDay(billDate)), status: In(['paid', 'refunded']), method: 'wechat' },
    });
    const theirsByNo = new Map(rows.map((r) => [r.outTradeNo, r]));
    const oursByNo = new Map(ours.map((o) => [o.orderNo, o]));
    // Payments WeChat has that we did not book that day may have been booked another day (a late notice).
    const booked = new Map(
      (
        await this.orders.findBy({
          orderNo: In(rows.map((r) => r.outTradeNo).filter((n) => !oursByNo.has(n))),
          status: In(['paid', 'refunded']),
        })
      ).map((o) => [o.orderNo, o]),
    );
    const found: Mismatch[] = [];
    for (const row of rows) {
      const order = oursByNo.get(row.outTradeNo) ?? booked.get(row.outTradeNo);
      if (!order)
        found.push({ outTradeNo: row.outTradeNo, kind: 'missing_locally', oursFen: null, wechatFen: row.amountFen });
      else if (order.amountFen !== row.amountFen)
        found.push({
          outTradeNo: row.outTradeNo,
          kind: 'amount_differs',
          oursFen: order.amountFen,
          wechatFen: row.amountFen,
        });
    }
    for (const order of ours) {
      if (!theirsByNo.has(order.orderNo))
        found.push({ outTradeNo: order.orderNo, kind: 'missing_at_wechat', oursFen: order.amountFen, wechatFen: null });
    }
    for (const m of found) await this.record(billDate, m);
    return found;
  }

  /** The day's money by method (日结): WeChat Pay, the counter's cash, POS and transfers, the bank's debits. */
  async dayTotals(day: string): Promise<DayTotals> {
    const orders = await this.orders.find({
      where: { paidAt: Between(...shanghaiDay(day)), status: In(['paid', 'refunded']) },
    });
    const byMethod = Object.fromEntries(
      PAYMENT_METHODS.map((m) => {
        const of = orders.filter((o) => o.method === m);
        return [m, { count: of.length, totalFen: of.reduce((n, o) => n + o.amountFen, 0) }];
      }),
    ) as DayTotals['byMethod'];
    return { date: day, byMethod, totalFen: orders.reduce((n, o) => n + o.amountFen, 0) };
  }

  private async tradeBill(billDate: string): Promise<TradeBillRow[]> {
    try {
      return await this.wechatPay.downloadTradeBill(billDate);
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      if (error.code === 'NO_STATEMENT_EXIST')
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.TradeBillNotReady);
      throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.PaymentUnavailable);
    }
  }

  private async record(billDate: string, m: Mismatch): Promise<void> {
    const order = await this.orders.findOneBy({ orderNo: m.outTradeNo });
    // A bill's or a top-up's: the order names the account either way.
    const accountNo = order ? ((await this.accounts.findById(order.accountId))?.accountNo ?? null) : null;
    const fen = (v: number | null) => (v === null ? '—' : `${(v / 100).toFixed(2)} 元`);
    try {
      await this.db.transaction(async (em) => {
        const { identifiers } = await em.insert(ReconciliationMismatch, {
          billDate,
          ...m,
          ticketId: null,
          foundAt: this.clock.now(),
        });
        const ticket = await this.tickets.openSystemTicket({
          type: TicketType.Billing,
          accountNo,
          description: `对账差异（${billDate}）：${KIND_TEXT[m.kind]}。商户订单号 ${m.outTradeNo}，系统 ${fen(m.oursFen)}，微信 ${fen(m.wechatFen)}。`,
        });
        await em.update(ReconciliationMismatch, { id: identifiers[0].id }, { ticketId: ticket.id });
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // Found on an earlier run: its ticket exists.
    }
  }
}
