import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BillComputation, computeGasBill, computeHeatingBill, computePowerBill } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { AccountsService, BillableAccount } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { AccountYearVolume } from './account-year-volume.entity';
import { Bill } from './bill.entity';
import { billedAccounts, ReadingFacts, readingsToBill, yearVolumes } from './bill-run-reads';
import { BillStamp, NewBill, insertBillsOnce, markReadingsBilled, saveYearVolumes } from './bill-run-rows';
import { addDays, periodBounds } from './billing-period';
import { MeterReading } from './meter-reading.entity';
import { Tariff } from './tariff.entity';
import { TariffBook } from './tariff-book';

const BATCH = 2000;
/** Batches billed at once on MariaDB: one's queries run while another's bills are computed. */
const CONCURRENT_BATCHES = 3;
export const BILL_DUE_DAYS = 20;

/** The period's peak and valley energy when both readings have the 峰谷 registers; else flat. */
function timeOfUse(prev: ReadingFacts, reading: ReadingFacts) {
  const registers = [prev.peakCentiKwh, prev.valleyCentiKwh, reading.peakCentiKwh, reading.valleyCentiKwh];
  if (registers.some((r) => r === null || r === undefined)) return null;
  return {
    peakCentiKwh: reading.peakCentiKwh! - prev.peakCentiKwh!,
    valleyCentiKwh: reading.valleyCentiKwh! - prev.valleyCentiKwh!,
  };
}

export interface BillRunResult {
  period: string;
  billed: number;
  failed: { accountId: number; reason: string }[];
}

type Progress = (done: number, total: number) => void;

/**
 * Bills a month: every gas or power account with an accepted reading in the period, and every heating
 * account whose season starts in it. Keyset batches of accounts, a handful of set-based queries
 * per batch, one transaction per batch; a bill is unique per account and period, so running
 * the same period again bills nothing twice.
 */
@Injectable()
export class BillRun {
  constructor(
    @InjectRepository(MeterReading) private readonly readings: Repository<MeterReading>,
    @InjectRepository(Tariff) private readonly tariffs: Repository<Tariff>,
    private readonly accounts: AccountsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async run(period: string, onProgress: Progress = () => {}): Promise<BillRunResult> {
    const bounds = periodBounds(period);
    const book = new TariffBook(await this.tariffs.find());
    const result: BillRunResult = { period, billed: 0, failed: [] };
    const total = await this.readings
      .createQueryBuilder('r')
      .where('r.status = :s AND r.readOn BETWEEN :first AND :last', { s: 'accepted', ...bounds })
      .getCount();
    let done = 0;
    // Page by account, not by reading, so that all of an account's readings of the month are in one batch;
    // by the account table's primary key, which pages in constant time (the readings' own order would not).
    let after = 0;
    let pager = Promise.resolve<BillableAccount[]>([]);
    const nextPage = () =>
      (pager = pager.then(async () => {
        const page = await this.accounts.billablePageAfter(after, BATCH);
        if (page.length) after = page[page.length - 1].id;
        return page;
      }));
    const worker = async () => {
      for (let page = await nextPage(); page.length; page = await nextPage()) {
        const read = await this.billGasBatch(period, bounds, page, book, result);
        if (read) onProgress((done += read), total);
      }
    };
    // Batches touch disjoint accounts. SQLite runs one transaction at a time anyway.
    await Promise.all(Array.from({ length: this.db.isSqlite ? 1 : CONCURRENT_BATCHES }, worker));
    await this.billHeating(period, book, result);
    return result;
  }

  /** Bills one page of accounts (a contiguous range of ids); answers how many readings it read. */
  private async billGasBatch(
    period: string,
    bounds: { first: string; last: string },
    page: BillableAccount[],
    book: TariffBook,
    result: BillRunResult,
  ): Promise<number> {
    const em = this.db.dataSource.manager;
    const range = { first: page[0].id, last: page[page.length - 1].id };
    const { accepted: batch, previous } = await readingsToBill(em, range, bounds);
    if (!batch.length) return 0;
    // An account already billed for the period (a reading that came after its run) is not billed again, nor
    // counted into its tiers; its late readings stay accepted so the next month still bills from the billed one.
    const billed = await billedAccounts(em, range, period);
    // The latest reading of the month per account bills it; earlier ones in the month are superseded.
    // The range also holds accounts that are not billed monthly (prepaid): only the page's accounts are billed.
    const accounts = new Map(page.map((a) => [a.id, a]));
    const latest = new Map<number, ReadingFacts>();
    for (const r of batch) if (accounts.has(r.accountId) && !billed.has(r.accountId)) latest.set(r.accountId, r);
    if (!latest.size) return batch.length;
    const year = Number(bounds.first.slice(0, 4));
    const counters = await yearVolumes(em, range, { from: year - 1, to: year });
    const bills: NewBill[] = [];
    const stamp = this.stamp(period);
    const touched: AccountYearVolume[] = [];
    for (const reading of latest.values()) {
      const account = accounts.get(reading.accountId)!;
      const prev = previous.get(reading.accountId);
      if (!prev) {
        result.failed.push({ accountId: account.id, reason: 'no earlier reading to bill from' });
        continue;
      }
      try {
        const computed = this.compute(account, reading, prev, book, {
          [year - 1]: counters.get(`${account.id}:${year - 1}`) ?? 0,
          [year]: counters.get(`${account.id}:${year}`) ?? 0,
        });
        bills.push(this.billRow(stamp, account, computed, { reading, prev }));
        touched.push(...this.countedVolumes(account.id, computed, counters));
      } catch (error) {
        result.failed.push({ accountId: account.id, reason: (error as Error).message });
      }
    }
    await this.db.transaction(async (em) => {
      await insertBillsOnce(em, bills);
      await markReadingsBilled(
        em,
        batch.filter((r) => !billed.has(r.accountId)).map((r) => r.id),
      );
      await saveYearVolumes(em, touched);
    });
    result.billed += bills.length;
    return batch.length;
  }

  /** A power meter's index is in centiKwh in the same column; its year counter is the account's own. */
  private compute(
    account: BillableAccount,
    reading: ReadingFacts,
    prev: ReadingFacts,
    book: TariffBook,
    yearToDate: Record<number, number>,
  ): BillComputation {
    return account.utility === 'power'
      ? computePowerBill({
          from: prev.readOn,
          to: reading.readOn,
          usageCentiKwh: reading.valueCentiM3 - prev.valueCentiM3,
          peakValley: timeOfUse(prev, reading),
          yearToDateCentiKwh: yearToDate,
          tariffs: book.power(account.districtId),
        })
      : computeGasBill({
          from: prev.readOn,
          to: reading.readOn,
          volumeCentiM3: reading.valueCentiM3 - prev.valueCentiM3,
          yearToDateCentiM3: yearToDate,
          tariffs: book.gas(account.districtId),
        });
  }

  /** The account's step counters after this bill, one per year its lines fall in. */
  private countedVolumes(
    accountId: number,
    computed: BillComputation,
    counters: Map<string, number>,
  ): AccountYearVolume[] {
    const after = new Map<number, number>();
    for (const line of computed.lines) {
      const year = line.year!;
      after.set(year, (after.get(year) ?? counters.get(`${accountId}:${year}`) ?? 0) + line.quantity);
    }
    return [...after].map(([year, volumeCentiM3]) => ({ accountId, year, volumeCentiM3 }));
  }

  /** What every bill of one batch shares: its month, its due date and when it was written. */
  private stamp(period: string): BillStamp {
    const { last } = periodBounds(period);
    return { period, last, dueOn: addDays(last, BILL_DUE_DAYS), createdAt: this.clock.now() };
  }

  private billRow(
    stamp: BillStamp,
    account: BillableAccount,
    computed: BillComputation,
    read?: { reading: ReadingFacts; prev: ReadingFacts },
  ): NewBill {
    return {
      accountId: account.id,
      accountNo: account.accountNo,
      period: stamp.period,
      utility: read ? (account.utility === 'power' ? 'power' : 'gas') : 'heating',
      fromOn: computed.lines[0]?.from ?? stamp.last,
      toOn: computed.lines.at(-1)?.to ?? stamp.last,
      readingId: read?.reading.id ?? null,
      fromValueCentiM3: read?.prev.valueCentiM3 ?? null,
      toValueCentiM3: read?.reading.valueCentiM3 ?? null,
      volumeCentiM3: computed.volumeCentiM3 ?? 0,
      lines: computed.lines,
      amountFen: computed.amountFen,
      status: 'unpaid',
      dueOn: stamp.dueOn,
      createdAt: stamp.createdAt,
    };
  }

  /** Heating is billed for the whole season in the month it starts. */
  private async billHeating(period: string, book: TariffBook, result: BillRunResult) {
    const year = Number(period.slice(0, 4));
    for (let after = 0; ;) {
      const batch = await this.accounts.heatingAccountsAfter(after, BATCH);
      if (!batch.length) return;
      after = batch[batch.length - 1].id;
      const stamp = this.stamp(period);
      const bills = batch.flatMap((account) => {
        const tariffs = book.heating(account.districtId);
        const starts = tariffs.some((t) => `${year}-${t.seasonStart}`.slice(0, 7) === period);
        if (!starts) return [];
        try {
          return [
            this.billRow(
              stamp,
              account,
              computeHeatingBill({ areaCentiM2: account.areaCentiM2!, seasonYear: year, tariffs }),
            ),
          ];
        } catch (error) {
          result.failed.push({ accountId: account.id, reason: (error as Error).message });
          return [];
        }
      });
      const billed = new Set(
        (
          await this.db.dataSource.manager.find(Bill, {
            select: { accountId: true },
            where: { period, accountId: In(bills.map((b) => b.accountId)) },
          })
        ).map((b) => b.accountId),
      );
      const fresh = bills.filter((b) => !billed.has(b.accountId));
      if (!fresh.length) continue;
      await this.db.transaction((em) => insertBillsOnce(em, fresh));
      result.billed += fresh.length;
    }
  }
}
