import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PaymentMethod } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BillsService } from '../billing/bills.service';
import { PaymentOrder, PaymentOrderStatus } from './payment-order.entity';

/** What an invoice line is for: a bill or a prepaid top-up of a utility (docs/domain.md#invoices). */
export type InvoiceItemKind = 'gas' | 'heating' | 'power';

const ITEM_NAMES: Record<InvoiceItemKind, string> = { gas: '燃气费', heating: '供热费', power: '电费' };

/**
 * A payment as the invoices module needs it: who paid, whether it is paid, WeChat Pay's transaction id
 * (the fapiao application of the WeChat Pay scene) and what it paid for. A payment record is the subject of
 * an invoice, so a top-up recorded as a payment is invoiced the same way.
 */
export interface InvoiceSubject {
  paymentId: number;
  orderNo: string;
  method: PaymentMethod;
  status: PaymentOrderStatus;
  /** The resident who paid by WeChat Pay; null for counter and bank payments (any resident bound to the account). */
  payerResidentId: number | null;
  transactionId: string | null;
  amountFen: number;
  accountId: number;
  accountNo: string;
  districtId: number;
  itemKind: InvoiceItemKind;
  /** 燃气费 2026-10 */
  description: string;
}

/** Read-only: the invoices module reads payments through this, never through the payment tables. */
@Injectable()
export class InvoiceSubjects {
  constructor(
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    private readonly bills: BillsService,
    private readonly accounts: AccountsService,
  ) {}

  async find(paymentId: number): Promise<InvoiceSubject | null> {
    return (await this.findMany([paymentId]))[0] ?? null;
  }

  async findMany(paymentIds: number[]): Promise<InvoiceSubject[]> {
    if (!paymentIds.length) return [];
    const orders = await this.orders.findBy({ id: In(paymentIds) });
    // One read of the accounts and one of the bills, whatever the number of payments.
    const [accounts, bills] = await Promise.all([
      this.accounts.findByIds([...new Set(orders.map((o) => o.accountId))]),
      this.bills.findMany([...new Set(orders.flatMap((o) => (o.billId === null ? [] : [o.billId])))]),
    ]);
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const billById = new Map(bills.map((b) => [b.id, b]));
    return orders.map((o) => {
      const account = accountById.get(o.accountId)!;
      // A top-up's order has no bill: it pays for the account's utility in advance.
      const bill = o.billId === null ? null : (billById.get(o.billId) ?? null);
      const itemKind = bill?.utility ?? account.utility;
      return {
        paymentId: o.id,
        orderNo: o.orderNo,
        method: o.method,
        status: o.status,
        payerResidentId: o.residentId,
        transactionId: o.transactionId,
        amountFen: o.amountFen,
        accountId: o.accountId,
        accountNo: account.accountNo,
        districtId: account.districtId,
        itemKind,
        description: bill ? `${ITEM_NAMES[itemKind]} ${bill.period}` : `${ITEM_NAMES[itemKind]}预付充值`,
      };
    });
  }
}
