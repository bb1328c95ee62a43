import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BillView, ErrorCode, LateFeePolicy, UsagePoint, shanghaiDate } from '@utility/shared';
import { And, In, IsNull, LessThan, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { changedRows, storedValue } from '../common/plain-insert';
import { Bill } from './bill.entity';
import { BillSnapshot } from './bill-snapshot';
import { lateFeeOn, toBillView } from './bill-view';
import { Db } from '../common/db';

/**
 * A bill to settle, or just settled (in the transaction that settled it): what the payment already knows
 * of it, its id and account, so that settling reads nothing back.
 */
export type SettledBill = Pick<Bill, 'id' | 'accountId'>;
/**
 * Paid in full or not at all, by one payment: the late fee is what was paid beyond the amount. The
 * account is part of the guard, so a payment naming the wrong account settles nothing.
 */
const SETTLE =
  "UPDATE bill SET status = 'paid', paidFen = ?, lateFeeFen = ? - amountFen, paidAt = ?, paymentId = ? " +
  "WHERE id = ? AND accountId = ? AND status = 'unpaid' AND amountFen <= ? AND paymentId IS NULL";
export type SettledListener = (bill: SettledBill) => Promise<void>;

/** Bills as residents and the payments module see them. Settling is the main write. */
@Injectable()
export class BillsService {
  private readonly settledListeners: SettledListener[] = [];

  constructor(
    private readonly db: Db,
    @InjectRepository(Bill) private readonly bills: Repository<Bill>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 滞纳金 settings (docs/domain.md#arrears). */
  get lateFeePolicy(): LateFeePolicy {
    return { perDayPermille: this.config.LATE_FEE_PER_DAY_PERMILLE, capPermille: this.config.LATE_FEE_CAP_PERMILLE };
  }

  /** The late fee of an unpaid bill on a Shanghai date (today by default). */
  lateFee(bill: BillSnapshot, day = shanghaiDate(this.clock.now())): number {
    return lateFeeOn(bill, day, this.lateFeePolicy);
  }

  /** What paying an unpaid bill costs on that day: its amount and the late fee. */
  payableFen(bill: BillSnapshot, day = shanghaiDate(this.clock.now())): number {
    return bill.amountFen + this.lateFee(bill, day);
  }

  /**
   * Called in the transaction that settles a bill, whoever paid it (WeChat Pay, counter, bank): the arrears
   * follow-up (stop-supply applications) reacts there. Must be safe to run again (the transaction may retry).
   */
  onSettled(listener: SettledListener): void {
    this.settledListeners.push(listener);
  }

  /** The amount of the account's latest bill (a fact its household knows: the binding's second fact). */
  async latestAmountFen(accountId: number): Promise<number | null> {
    const bill = await this.bills.findOne({ where: { accountId }, order: { period: 'DESC' } });
    return bill?.amountFen ?? null;
  }

  /** The earliest billed month ('YYYY-MM'), or null before the first bill run. */
  async firstPeriod(): Promise<string | null> {
    const first = await this.bills.findOne({ where: {}, order: { period: 'ASC' }, select: { id: true, period: true } });
    return first?.period ?? null;
  }

  /** Unpaid first (oldest due first), then the paid history, newest first. */
  async listForAccount(accountId: number): Promise<BillView[]> {
    const rows = await this.bills.find({ where: { accountId }, order: { period: 'DESC' }, take: 60 });
    const today = shanghaiDate(this.clock.now());
    const unpaid = rows.filter((b) => b.status === 'unpaid').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    return [...unpaid, ...rows.filter((b) => b.status !== 'unpaid')].map((b) =>
      toBillView(b, today, this.lateFeePolicy),
    );
  }

  async find(id: number): Promise<Bill> {
    const bill = await this.bills.findOneBy({ id });
    if (!bill) throw notFound();
    return bill;
  }

  /** These bills in one read (those that exist). */
  findMany(ids: number[]): Promise<Bill[]> {
    return ids.length ? this.bills.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  view(bill: Bill): BillView {
    return toBillView(bill, shanghaiDate(this.clock.now()), this.lateFeePolicy);
  }

  /** The last 12 months of use, oldest first, for the usage chart. */
  async usage(accountId: number, months = 12): Promise<UsagePoint[]> {
    const rows = await this.bills.find({
      where: { accountId, utility: 'gas' },
      order: { period: 'DESC' },
      take: months,
    });
    return rows.reverse().map((b) => ({ period: b.period, volumeCentiM3: b.volumeCentiM3, amountFen: b.amountFen }));
  }

  /** A bill that can still be paid, or 409. */
  async payable(id: number): Promise<Bill> {
    const bill = await this.find(id);
    if (bill.status !== 'unpaid') throw new AppError(HttpStatus.CONFLICT, ErrorCode.BillAlreadyPaid);
    return bill;
  }

  /**
   * Marks the bill paid by this payment, in the caller's transaction. False when it was already
   * settled (by this or another payment), or is not the account's: the caller must then not credit
   * again. The settled listeners are told the bill as given, not read back. `paidFen` is the
   * bill's amount and the late fee charged with it (never less than the amount: paid in full or not at all).
   */
  async settle(bill: SettledBill, paymentId: number, paidFen: number, at: Date): Promise<boolean> {
    const em = this.db.manager;
    if (!Number.isSafeInteger(paidFen)) throw new RangeError(`paidFen must be an integer, got ${paidFen}`);
    // Plain statements: every payment notice settles a bill (common/plain-insert.ts).
    const paidAt = storedValue(em, Bill, 'paidAt', at);
    const guard = [bill.id, bill.accountId, paidFen];
    if (!(await changedRows(em, SETTLE, [paidFen, paidFen, paidAt, paymentId, ...guard]))) return false;
    const settled: SettledBill = { id: bill.id, accountId: bill.accountId };
    for (const listener of this.settledListeners) await listener(settled);
    return true;
  }

  /** A supervisor waives an unpaid bill's late fee, with a reason; 422 when it carries none today. */
  async waiveLateFee(billId: number, staffId: number, reason: string): Promise<Bill> {
    const bill = await this.find(billId);
    if (bill.status !== 'unpaid') throw new AppError(HttpStatus.CONFLICT, ErrorCode.BillAlreadyPaid);
    if (!this.lateFee(bill)) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.LateFeeNotDue);
    await this.bills.update(
      { id: billId, status: 'unpaid', lateFeeWaivedAt: IsNull() },
      { lateFeeWaivedAt: this.clock.now(), lateFeeWaivedById: staffId, lateFeeWaiverReason: reason },
    );
    return this.find(billId);
  }

  /** Staff (counter, 代缴): the bills of an account, unpaid first, as `listForAccount`. */
  unpaidOf(accountId: number): Promise<Bill[]> {
    return this.bills.find({ where: { accountId, status: 'unpaid' }, order: { dueOn: 'ASC' } });
  }

  /** Arrears follow-up, in the caller's transaction: the account's unpaid bills due before a day. */
  unpaidDueBeforeIn(accountId: number, beforeDay: string): Promise<Bill[]> {
    const em = this.db.manager;
    return em.find(Bill, {
      where: { accountId, status: 'unpaid', dueOn: LessThan(beforeDay) },
      order: { dueOn: 'ASC' },
    });
  }

  /** Stop-supply sweep: unpaid bills due on or before that day, oldest first. */
  unpaidDueOnOrBefore(day: string): Promise<Bill[]> {
    return this.bills.find({
      where: { status: 'unpaid', dueOn: LessThanOrEqual(day) },
      order: { dueOn: 'ASC', id: 'ASC' },
    });
  }

  /** A refunded payment un-settles the bill it paid. */
  async unsettle(billId: number, paymentId: number): Promise<boolean> {
    const em = this.db.manager;
    const done = await em.update(
      Bill,
      { id: billId, status: 'paid', paymentId },
      { status: 'unpaid', paidFen: 0, lateFeeFen: 0, paidAt: null, paymentId: null },
    );
    return !!done.affected;
  }

  /** Arrears of an account: unpaid bills' total and how much of it is overdue. */
  async arrears(accountId: number): Promise<{ unpaidFen: number; overdueFen: number }> {
    const today = shanghaiDate(this.clock.now());
    const unpaid = await this.bills.findBy({ accountId, status: 'unpaid' });
    return {
      unpaidFen: unpaid.reduce((n, b) => n + b.amountFen, 0),
      overdueFen: unpaid.filter((b) => b.dueOn < today).reduce((n, b) => n + b.amountFen, 0),
    };
  }

  /**
   * Reports: bills due before `beforeDay` (a Shanghai date) that were unpaid at `paidSince` or
   * later — the candidates for a month's arrears. Alerts: the same with their amounts and status.
   */
  dueBefore(beforeDay: string, paidSince: Date): Promise<Bill[]> {
    return this.bills
      .createQueryBuilder('b')
      .where('b.dueOn < :beforeDay AND (b.paidAt IS NULL OR b.paidAt >= :paidSince)', { beforeDay, paidSince })
      .getMany();
  }

  /** Alerts: unpaid bills whose due date is within [fromDay, toDay] (Shanghai dates). */
  unpaidDueBetween(fromDay: string, toDay: string): Promise<Bill[]> {
    return this.bills
      .createQueryBuilder('b')
      .where("b.status = 'unpaid' AND b.dueOn >= :fromDay AND b.dueOn <= :toDay", { fromDay, toDay })
      .orderBy('b.id', 'ASC')
      .getMany();
  }

  /** Alerts: the gas bills of an account for these periods. */
  gasBillsOf(accountId: number, periods: string[]): Promise<Bill[]> {
    return periods.length ? this.bills.findBy({ accountId, utility: 'gas', period: In(periods) }) : Promise.resolve([]);
  }

  /** Alerts: gas bills issued since then. */
  gasBillsIssuedSince(since: Date): Promise<Bill[]> {
    return this.bills.find({ where: { utility: 'gas', createdAt: MoreThanOrEqual(since) }, order: { id: 'ASC' } });
  }

  /** Alerts: unpaid bills whose due date is in [fromDay, beforeDay) (Shanghai dates). */
  unpaidOverdue(fromDay: string, beforeDay: string): Promise<Bill[]> {
    return this.bills.find({
      where: { status: 'unpaid', dueOn: And(MoreThanOrEqual(fromDay), LessThan(beforeDay)) },
      order: { id: 'ASC' },
    });
  }
}
