import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PaymentMonthFacts, shanghaiDate } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BillsService } from '../billing/bills.service';
import { PaymentOrder } from './payment-order.entity';
import { Refund } from './refund.entity';

/**
 * Read-only money facts of a month for the report: payments received and refunds completed in
 * [start, end), and the bills that can be in arrears at its end. `districtId` null = company.
 */
@Injectable()
export class PaymentFactsService {
  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    @InjectRepository(Refund) private readonly refunds: Repository<Refund>,
    private readonly bills: BillsService,
    private readonly accounts: AccountsService,
  ) {}

  /** The earliest billed month: money facts begin there. */
  firstBillPeriod(): Promise<string | null> {
    return this.bills.firstPeriod();
  }

  async monthFacts(start: Date, end: Date, districtId: number | null): Promise<PaymentMonthFacts> {
    // A refunded order was still money received in its month.
    const paid = await this.orders
      .createQueryBuilder('o')
      .where("o.status IN ('paid', 'refunded') AND o.paidAt >= :start AND o.paidAt < :end", { start, end })
      .getMany();
    const refundRows = await this.refunds
      .createQueryBuilder('r')
      .where("r.status = 'succeeded' AND r.completedAt >= :start AND r.completedAt < :end", { start, end })
      .getMany();
    const refundOrders = new Map(
      (await this.ordersByIds(refundRows.map((r) => r.orderId))).map((o) => [o.id, o.accountId]),
    );
    const refunded = refundRows.map((r) => ({ ...r, accountId: refundOrders.get(r.orderId)! }));
    const bills = await this.bills.dueBefore(shanghaiDate(end), start);
    const accountIds = [...new Set([...paid, ...refunded, ...bills].map((x) => x.accountId))];
    const district = new Map((await this.accounts.findByIds(accountIds)).map((a) => [a.id, a.districtId]));
    const inScope = (accountId: number) => districtId === null || district.get(accountId) === districtId;
    return {
      payments: paid
        .filter((o) => inScope(o.accountId))
        .map((o) => ({
          id: o.id,
          districtId: district.get(o.accountId)!,
          method: o.method,
          amountFen: o.amountFen,
          paidAt: o.paidAt!,
        })),
      refunds: refunded
        .filter((r) => inScope(r.accountId))
        .map((r) => ({
          id: r.id,
          districtId: district.get(r.accountId)!,
          amountFen: r.amountFen,
          completedAt: r.completedAt!,
        })),
      bills: bills
        .filter((b) => inScope(b.accountId))
        .map((b) => ({
          id: b.id,
          accountId: b.accountId,
          districtId: district.get(b.accountId)!,
          amountFen: b.amountFen,
          dueOn: b.dueOn,
          paidAt: b.paidAt,
        })),
    };
  }

  private ordersByIds(ids: number[]): Promise<PaymentOrder[]> {
    return ids.length ? this.orders.findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
