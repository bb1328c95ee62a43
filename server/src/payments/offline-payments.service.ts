import { HttpStatus, Injectable } from '@nestjs/common';
import {
  BankDebitImportReport,
  CounterPaymentRequest,
  CounterPaymentView,
  ErrorCode,
  PaymentView,
  ReceiptNo,
  ShanghaiDate,
  TicketType,
  formatYuan,
  shanghaiDate,
} from '@utility/shared';
import { AccountsService } from '../accounts/accounts.service';
import { BillSnapshot } from '../billing/bill-snapshot';
import { BillsService } from '../billing/bills.service';
import { AppError, conflict, forbidden } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { coversDistrict } from '../common/staff-permissions';
import { TicketsService } from '../tickets/tickets.service';
import { OfflinePayment, PaymentCredit } from './payment-credit.service';
import { PaymentOrder } from './payment-order.entity';
import { PaymentsService } from './payments.service';
import { csvRows } from '../common/csv-rows';

const MAX_LINES = 20_000;
export const BANK_DEBIT_HEADER = ['serialNo', 'accountNo', 'period', 'amount', 'result', 'debitedOn', 'message'];
/** Yuan with at most two decimals, as banks write amounts ("123.45"), read exactly into fen. */
const YUAN = /^\d{1,8}(\.\d{1,2})?$/;
const toFen = (yuan: string) => {
  const [whole, frac = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};

/**
 * Payments billing staff record outside WeChat Pay (docs/domain.md#payments): at the counter (现金, POS,
 * 银行转账) with a receipt number, and the bank's auto-debit (代扣) result file. Each is credited exactly once
 * through PaymentCredit.creditOffline: the receipt or bank serial number is the payment's unique key.
 */
@Injectable()
export class OfflinePaymentsService {
  constructor(
    private readonly credit: PaymentCredit,
    private readonly bills: BillsService,
    private readonly accounts: AccountsService,
    private readonly payments: PaymentsService,
    private readonly tickets: TicketsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * A counter payment of the whole amount due today (bill and late fee). The same receipt again for the same
   * bill and amount answers the first record (replayed); for anything else it is 409 RECEIPT_NO_USED.
   */
  async recordCounter(staff: StaffPrincipal, body: CounterPaymentRequest): Promise<CounterPaymentView> {
    const bill = await this.bills.find(body.billId);
    await this.assertCovers(staff, bill);
    const orderNo = `R${body.receiptNo.toUpperCase()}`;
    const earlier = await this.db.dataSource.manager.findOneBy(PaymentOrder, { orderNo });
    if (earlier) return this.replay(earlier, body);
    if (bill.status !== 'unpaid') throw conflict(ErrorCode.BillAlreadyPaid);
    if (body.amountFen !== this.bills.payableFen(bill))
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.PaymentAmountMismatch,
        `收款金额应为 ${formatYuan(this.bills.payableFen(bill))}（含滞纳金 ${formatYuan(this.bills.lateFee(bill))}）`,
      );
    const { outcome, order } = await this.credit.creditOffline({
      orderNo,
      method: body.method,
      receiptNo: body.receiptNo.toUpperCase(),
      billId: bill.id,
      accountId: bill.accountId,
      amountFen: body.amountFen,
      recordedById: staff.id,
      paidAt: this.clock.now(),
    });
    if (outcome === 'duplicate') return this.replay(order, body);
    await this.payments.closeOpenOrderOf(bill.id);
    return { payment: this.view(order, bill), bill: this.bills.view(await this.bills.find(bill.id)), replayed: false };
  }

  /**
   * The bank's auto-debit result file (CSV: serialNo,accountNo,period,amount,result,debitedOn,message). Each
   * successful line settles its bill once (its serial number is the key: a file imported twice credits once);
   * every other line is listed with why. Lines are independent: a bad line never holds back a good one.
   */
  async importBankDebit(staff: StaffPrincipal, csv: string): Promise<BankDebitImportReport> {
    let records: string[][];
    try {
      records = csvRows(csv);
    } catch (error) {
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        `无法解析CSV：${(error as Error).message}`,
      );
    }
    const header = records.shift() ?? [];
    if (BANK_DEBIT_HEADER.slice(0, 6).some((h, i) => header[i] !== h))
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, `表头应为 ${BANK_DEBIT_HEADER.join(',')}`);
    if (records.length > MAX_LINES)
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, `单次最多导入${MAX_LINES}行`);
    const report: BankDebitImportReport = { lines: records.length, credited: 0, alreadyCredited: 0, failures: [] };
    const seen = new Set<string>();
    for (const [i, record] of records.entries()) {
      const [serialNo = '', accountNo = '', period = '', amount = '', result = '', debitedOn = '', message = ''] =
        record;
      const line = { serialNo, accountNo, period, amount, result, debitedOn, message };
      const outcome = await this.bankLine(staff, line, seen);
      if (outcome === 'credited') report.credited++;
      else if (outcome === 'duplicate') report.alreadyCredited++;
      else report.failures.push({ line: i + 2, serialNo, accountNo, message: outcome.failure });
    }
    return report;
  }

  private async bankLine(
    staff: StaffPrincipal,
    line: Record<'serialNo' | 'accountNo' | 'period' | 'amount' | 'result' | 'debitedOn' | 'message', string>,
    seen: Set<string>,
  ): Promise<'credited' | 'duplicate' | { failure: string }> {
    const fail = (failure: string) => ({ failure });
    if (!ReceiptNo.safeParse(line.serialNo).success) return fail('银行流水号应为4-30位字母、数字或短横线');
    if (seen.has(line.serialNo)) return fail('文件中重复的银行流水号');
    seen.add(line.serialNo);
    if (line.result !== 'success') return fail(`银行扣款失败：${line.message || line.result || '未说明原因'}`);
    if (!YUAN.test(line.amount)) return fail('金额应为元，最多两位小数');
    if (!/^\d{4}-\d{2}$/.test(line.period)) return fail('账期应为YYYY-MM');
    const debited = ShanghaiDate.safeParse(line.debitedOn);
    if (!debited.success || line.debitedOn > shanghaiDate(this.clock.now())) return fail('扣款日期无效');
    const account = /^\d{10}$/.test(line.accountNo) ? await this.accounts.findByNo(line.accountNo) : null;
    if (!account) return fail('户号不存在');
    if (!coversDistrict(staff, account.districtId)) return fail('户号不属于您负责的片区');
    const orderNo = `B${line.serialNo.toUpperCase()}`;
    const amountFen = toFen(line.amount);
    const earlier = await this.db.dataSource.manager.findOneBy(PaymentOrder, { orderNo });
    if (earlier)
      return earlier.accountId === account.id && earlier.amountFen === amountFen
        ? 'duplicate'
        : fail('银行流水号已用于其他缴费');
    const bill = (await this.bills.unpaidOf(account.id)).find((b) => b.period === line.period);
    if (!bill) return this.paidElsewhere(account.accountNo, line, amountFen);
    // What the bank took must be what was owed on the day it took it (bill and late fee).
    const owed = this.bills.payableFen(bill, line.debitedOn);
    if (amountFen !== owed) return fail(`扣款金额 ${formatYuan(amountFen)} 与应缴 ${formatYuan(owed)} 不一致`);
    const payment: OfflinePayment = {
      orderNo,
      method: 'bank_debit',
      receiptNo: line.serialNo.toUpperCase(),
      billId: bill.id,
      accountId: account.id,
      amountFen,
      recordedById: staff.id,
      paidAt: this.clock.now(),
    };
    try {
      const { outcome } = await this.credit.creditOffline(payment);
      if (outcome === 'credited') await this.payments.closeOpenOrderOf(bill.id);
      return outcome;
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.BillAlreadyPaid)
        return this.paidElsewhere(account.accountNo, line, amountFen);
      throw error;
    }
  }

  /** The bank took money for a bill that is paid (or was never billed): a billing ticket to give it back. */
  private async paidElsewhere(
    accountNo: string,
    line: { serialNo: string; period: string; debitedOn: string },
    amountFen: number,
  ): Promise<{ failure: string }> {
    await this.db.transaction(() =>
      this.tickets.openSystemTicket({
        type: TicketType.Billing,
        accountNo,
        description: `银行代扣无对应待缴账单：流水号 ${line.serialNo}，账期 ${line.period}，${line.debitedOn} 扣款 ${formatYuan(amountFen)}。请核实后退回银行。`,
      }),
    );
    return { failure: '该账期没有待缴账单（可能已缴清），已开立账务工单核实退款' };
  }

  private replay(order: PaymentOrder, body: CounterPaymentRequest): Promise<CounterPaymentView> {
    if (order.billId !== body.billId || order.amountFen !== body.amountFen || order.method !== body.method)
      throw conflict(ErrorCode.ReceiptNoUsed);
    return this.bills
      .find(body.billId)
      .then((bill) => ({ payment: this.view(order, bill), bill: this.bills.view(bill), replayed: true }));
  }

  private view(o: PaymentOrder, bill: BillSnapshot): PaymentView {
    return {
      id: o.id,
      orderNo: o.orderNo,
      method: o.method,
      receiptNo: o.receiptNo,
      billId: bill.id,
      period: bill.period,
      accountNo: bill.accountNo,
      amountFen: o.amountFen,
      status: o.status,
      transactionId: o.transactionId,
      paidAt: o.paidAt?.toISOString() ?? null,
    };
  }

  private async assertCovers(staff: StaffPrincipal, bill: BillSnapshot): Promise<void> {
    const account = await this.accounts.findById(bill.accountId);
    if (!account || !coversDistrict(staff, account.districtId)) throw forbidden();
  }
}
