import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  MeterKind,
  PrepaidBalanceView,
  dailyUseCentiM3,
  daysLeft,
  prepaidPriceFenPerM3,
  shanghaiDate,
  usageCharges,
} from '@utility/shared';
import { In, Repository } from 'typeorm';
import { MeterReadingsService } from '../billing/meter-readings.service';
import { TariffsService } from '../billing/tariffs.service';
import { Clock } from '../common/clock';
import { isDuplicateKey } from '../common/db';
import { insertRows, storedValue } from '../common/plain-insert';
import { preparedChange } from '../common/prepared-statements';
import { PaidTopUp, TopUpLedgerPort, TopUpSettlement } from '../payments/top-up-settlement';
import { PrepaidEntry } from './prepaid-entry.entity';
import { TopUp } from './top-up.entity';
import { Db } from '../common/db';

/**
 * A paid order credits its top-up once (only from awaiting payment or closed). An IoT top-up goes to the
 * vendor at once (meter-delivery job); an IC card waits for its load at a counter.
 */
const CREDIT_TOP_UP =
  "UPDATE top_up SET status = 'credited', orderNo = ?, creditedAt = ?, " +
  "nextDeliveryAt = CASE WHEN meterKind = 'iot' THEN ? ELSE NULL END " +
  "WHERE id = ? AND status IN ('awaiting_payment', 'closed')";

/** What the ledger needs of an account (the accounts module's record has it). */
export interface LedgerAccount {
  id: number;
  districtId: number;
  meterKind: MeterKind;
}

/**
 * The prepaid balance (docs/domain.md#prepaid-accounts): money in by top-ups, out by the readings since the
 * ledger opened at the prepaid unit price. Binds the payments module's top-up port: a paid order credits its
 * top-up and the ledger in the crediting transaction, exactly once (the top-up's conditional update and the
 * entry's unique refKey).
 */
@Injectable()
export class PrepaidLedger implements TopUpLedgerPort, OnModuleInit {
  constructor(
    private readonly db: Db,
    @InjectRepository(PrepaidEntry) private readonly entries: Repository<PrepaidEntry>,
    @InjectRepository(TopUp) private readonly topUps: Repository<TopUp>,
    private readonly settlement: TopUpSettlement,
    private readonly readings: MeterReadingsService,
    private readonly tariffs: TariffsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.settlement.bind(this);
  }

  async credit(paid: PaidTopUp): Promise<void> {
    const em = this.db.manager;
    // Plain statements: a top-up notice runs at the payment-notice rate (common/plain-insert.ts).
    const creditedAt = storedValue(em, TopUp, 'creditedAt', paid.paidAt);
    if (!(await preparedChange(em, CREDIT_TOP_UP, [paid.orderNo, creditedAt, creditedAt, paid.topUpId]))) {
      // Credited already (another order of this top-up was paid first); a missing top-up must not pass as paid.
      const [found]: unknown[] = await em.query('SELECT id FROM top_up WHERE id = ?', [paid.topUpId]);
      if (!found) throw new Error(`Top-up ${paid.topUpId} of order ${paid.orderNo} does not exist`);
      return;
    }
    await insertRows(em, PrepaidEntry, [
      {
        accountId: paid.accountId,
        kind: 'top_up',
        amountFen: paid.amountFen,
        volumeCentiM3: null,
        refKey: `top-up:${paid.topUpId}`,
        createdAt: paid.paidAt,
      },
    ]);
  }

  async closed(topUpId: number): Promise<void> {
    await this.topUps.update({ id: topUpId, status: 'awaiting_payment' }, { status: 'closed' });
  }

  async refunded(topUpId: number, amountFen: number): Promise<void> {
    const em = this.db.manager;
    const topUp = await em.findOneByOrFail(TopUp, { id: topUpId });
    const moved = await em.update(
      TopUp,
      { id: topUpId, status: In(['credited', 'delivered']) },
      { status: 'refunded', nextDeliveryAt: null },
    );
    if (!moved.affected) return;
    await em.insert(PrepaidEntry, {
      accountId: topUp.accountId,
      kind: 'refund',
      amountFen: -amountFen,
      volumeCentiM3: null,
      refKey: `refund:${topUpId}`,
      createdAt: this.clock.now(),
    });
  }

  /** The balance after charging readings not charged yet, the recent daily use and the days it lasts. */
  async balance(account: LedgerAccount): Promise<PrepaidBalanceView> {
    const today = shanghaiDate(this.clock.now());
    const price = prepaidPriceFenPerM3(await this.tariffs.gasTariffs(account.districtId), today);
    await this.chargeUsage(account, price);
    const { sum } = (await this.entries
      .createQueryBuilder('e')
      .select('COALESCE(SUM(e.amountFen), 0)', 'sum')
      .where('e.accountId = :id', { id: account.id })
      .getRawOne<{ sum: string | number }>()) ?? { sum: 0 };
    const balanceFen = Number(sum);
    const since = new Date(Date.parse(`${today}T00:00:00+08:00`) - 40 * 86_400_000);
    const recent = await this.readings.readingsSince(account.id, shanghaiDate(since));
    const daily = dailyUseCentiM3(recent, today);
    return {
      balanceFen,
      dailyUseAvg: daily === null ? null : daily / 100,
      daysLeft: daysLeft(balanceFen, daily, price ?? 0),
      meterKind: account.meterKind,
    };
  }

  /** Opens the ledger of an account with its carried-over balance (the demo seed; a migration from the vendor). */
  async open(accountId: number, amountFen: number, at: Date): Promise<void> {
    try {
      await this.entries.insert({
        accountId,
        kind: 'opening',
        amountFen,
        volumeCentiM3: null,
        refKey: `opening:${accountId}`,
        createdAt: at,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Each span of readings since the ledger's first entry is charged once (`usage:<readingId>`). */
  private async chargeUsage(account: LedgerAccount, price: number | null): Promise<void> {
    if (price === null) return;
    const first = await this.entries.findOne({ where: { accountId: account.id }, order: { createdAt: 'ASC' } });
    if (!first) return;
    const readings = await this.readings.readingsSince(account.id, shanghaiDate(first.createdAt));
    const charges = usageCharges(readings, shanghaiDate(first.createdAt), price);
    if (!charges.length) return;
    const booked = new Set(
      (await this.entries.findBy({ refKey: In(charges.map((c) => `usage:${c.readingId}`)) })).map((e) => e.refKey),
    );
    for (const c of charges.filter((c) => !booked.has(`usage:${c.readingId}`))) {
      try {
        await this.entries.insert({
          accountId: account.id,
          kind: 'usage',
          amountFen: -c.amountFen,
          volumeCentiM3: c.volumeCentiM3,
          refKey: `usage:${c.readingId}`,
          createdAt: this.clock.now(),
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // charged by a concurrent read
      }
    }
  }
}
