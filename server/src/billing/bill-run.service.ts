import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BillComputation, computeGasBill, computeHeatingBill, computePowerBill } from '@utility/shared';
import { Between, In, Repository } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { AccountYearVolume } from './account-year-volume.entity';
import { Bill } from './bill.entity';
import { insertBillsOnce, saveYearVolumes } from './bill-run-rows';
import { addDays, periodBounds } from './billing-period';
import { MeterReading } from './meter-reading.entity';
import { Tariff } from './tariff.entity';
import { TariffBook } from './tariff-book';

const BATCH = 2000;
/** Batches billed at once on MariaDB: one's queries run while another's bills are computed. */
const CONCURRENT_BATCHES = 3;
export const BILL_DUE_DAYS = 20;

/** The period's peak and valley energy when both readings have the 峰谷 registers; else flat. */
function timeOfUse(prev: MeterReading, reading: MeterReading) {
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
    const { first, last } = periodBounds(period);
    const book = new TariffBook(await this.tariffs.find());
    const result: BillRunResult = { period, billed: 0, failed: [] };
    const total = await this.readings
      .createQueryBuilder('r')
      .where('r.status = :s AND r.readOn BETWEEN :first AND :last', { s: 'accepted', first, last })
      .getCount();
    let done = 0;
    // Page by account, not by reading, so that all of an account's readings of the month are in one batch;
    // by the account table's primary key, which pages in constant time (the readings' own order would not).
    let after = 0;
    let pager = Promise.resolve<number[]>([]);
    const nextPage = () =>
      (pager = pager.then(async () => {
        const ids = await this.accounts.idsAfter(after, BATCH);
        if (ids.length) after = ids[ids.length - 1];
        return ids;
      }));
    const worker = async () => {
      for (let accountIds = await nextPage(); accountIds.length; accountIds = await nextPage()) {
        const batch = await this.readings.find({
          where: { accountId: In(accountIds), status: 'accepted', readOn: Between(first, last) },
          order: { accountId: 'ASC', readOn: 'ASC' },
        });
        if (!batch.length) continue;
        await this.billGasBatch(period, last, batch, book, result);
        onProgress((done += batch.length), total);
      }
    };
    // Batches touch disjoint accounts. SQLite runs one transaction at a time anyway.
    await Promise.all(Array.from({ length: this.db.isSqlite ? 1 : CONCURRENT_BATCHES }, worker));
    await this.billHeating(period, book, result);
    return result;
  }

  private async billGasBatch(
    period: string,
    last: string,
    batch: MeterReading[],
    book: TariffBook,
    result: BillRunResult,
  ) {
    // The latest reading of the month per account bills it; earlier ones in the month are superseded.
    const latest = new Map(batch.map((r) => [r.accountId, r]));
    // An account already billed for the period (a reading that came after its run) is not billed again, nor
    // counted into its tiers; its late readings stay accepted so the next month still bills from the billed one.
    const billed = new Set(
      (
        await this.db.dataSource.manager.find(Bill, {
          select: { accountId: true },
          where: { period, accountId: In([...latest.keys()]) },
        })
      ).map((b) => b.accountId),
    );
    for (const accountId of billed) latest.delete(accountId);
    const ids = [...latest.keys()];
    if (!ids.length) return;
    const accounts = new Map((await this.accounts.findByIds(ids)).map((a) => [a.id, a]));
    const previous = await this.previousReadings(ids, periodBounds(period).first);
    const years = [...new Set(batch.map((r) => Number(r.readOn.slice(0, 4))).flatMap((y) => [y - 1, y]))];
    const ytd = await this.db.dataSource.manager.findBy(AccountYearVolume, { accountId: In(ids), year: In(years) });
    const bills: Omit<Bill, 'id'>[] = [];
    const volumes = new Map<string, AccountYearVolume>(ytd.map((v) => [`${v.accountId}:${v.year}`, v]));
    for (const reading of latest.values()) {
      const account = accounts.get(reading.accountId)!;
      const prev = previous.get(reading.accountId);
      if (!prev) {
        result.failed.push({ accountId: account.id, reason: 'no earlier reading to bill from' });
        continue;
      }
      try {
        const yearToDate = Object.fromEntries(
          years.map((y) => [y, volumes.get(`${account.id}:${y}`)?.volumeCentiM3 ?? 0]),
        );
        // A power meter's index is in centiKwh in the same column; its year counter is the account's own.
        const computed =
          account.utility === 'power'
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
        bills.push(this.billRow(period, last, account, computed, { reading, prev }));
        for (const line of computed.lines) this.addVolume(volumes, account.id, line.year!, line.quantity);
      } catch (error) {
        result.failed.push({ accountId: account.id, reason: (error as Error).message });
      }
    }
    await this.db.transaction(async (em) => {
      await insertBillsOnce(em, bills);
      await em.update(
        MeterReading,
        { id: In(batch.filter((r) => !billed.has(r.accountId)).map((r) => r.id)), status: 'accepted' },
        { status: 'billed' },
      );
      const billedIds = new Set(ids);
      const touched = [...volumes.values()].filter((v) => billedIds.has(v.accountId));
      await saveYearVolumes(em, touched);
    });
    result.billed += bills.length;
  }

  /** Each account's last billed reading before the period: where this bill's volume starts. */
  private async previousReadings(accountIds: number[], before: string): Promise<Map<number, MeterReading>> {
    const rows = await this.readings
      .createQueryBuilder('r')
      .where('r.accountId IN (:...accountIds) AND r.status = :billed AND r.readOn < :before', {
        accountIds,
        billed: 'billed',
        before,
      })
      .andWhere(
        'r.readOn = (SELECT MAX(p.readOn) FROM meter_reading p WHERE p.accountId = r.accountId AND p.status = :billed AND p.readOn < :before)',
      )
      .getMany();
    return new Map(rows.map((r) => [r.accountId, r]));
  }

  private addVolume(volumes: Map<string, AccountYearVolume>, accountId: number, year: number, quantity: number) {
    const key = `${accountId}:${year}`;
    const current = volumes.get(key) ?? { accountId, year, volumeCentiM3: 0 };
    volumes.set(key, { ...current, volumeCentiM3: current.volumeCentiM3 + quantity });
  }

  private billRow(
    period: string,
    last: string,
    account: Account,
    computed: BillComputation,
    read?: { reading: MeterReading; prev: MeterReading },
  ): Omit<Bill, 'id'> {
    return {
      accountId: account.id,
      accountNo: account.accountNo,
      period,
      utility: read ? (account.utility === 'power' ? 'power' : 'gas') : 'heating',
      fromOn: computed.lines[0]?.from ?? last,
      toOn: computed.lines.at(-1)?.to ?? last,
      readingId: read?.reading.id ?? null,
      fromValueCentiM3: read?.prev.valueCentiM3 ?? null,
      toValueCentiM3: read?.reading.valueCentiM3 ?? null,
      volumeCentiM3: computed.volumeCentiM3 ?? 0,
      lines: computed.lines,
      amountFen: computed.amountFen,
      paidFen: 0,
      status: 'unpaid',
      dueOn: addDays(last, BILL_DUE_DAYS),
      createdAt: this.clock.now(),
      paidAt: null,
      paymentId: null,
      lateFeeFen: 0,
      lateFeeWaivedAt: null,
      lateFeeWaivedById: null,
      lateFeeWaiverReason: null,
    };
  }

  /** Heating is billed for the whole season in the month it starts. */
  private async billHeating(period: string, book: TariffBook, result: BillRunResult) {
    const { last } = periodBounds(period);
    const year = Number(period.slice(0, 4));
    for (let after = 0; ;) {
      const batch = await this.accounts.heatingAccountsAfter(after, BATCH);
      if (!batch.length) return;
      after = batch[batch.length - 1].id;
      const bills = batch.flatMap((account) => {
        const tariffs = book.heating(account.districtId);
        const starts = tariffs.some((t) => `${year}-${t.seasonStart}`.slice(0, 7) === period);
        if (!starts) return [];
        try {
          return [
            this.billRow(
              period,
              last,
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
