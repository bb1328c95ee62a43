import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { Db } from '../common/db';
import { TestApp, startTestApp } from '../testing/test-app';
import { AccountYearVolume } from './account-year-volume.entity';
import { Bill } from './bill.entity';
import { BillRun } from './bill-run.service';
import { MeterReading } from './meter-reading.entity';
import { MeterReadingsService } from './meter-readings.service';

/**
 * Power accounts in the monthly bill run, at the seed's 阶梯电价 (0.4883 元/kWh to 2,760 kWh a
 * year, 0.5383 元 to 4,800 kWh, from 2026-01-01).
 */
describe('bill run: power accounts', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const ds = () => t.app.get(DataSource);
  const run = (period: string) => t.app.get(BillRun).run(period);

  it('bills a power account across steps 1 and 2 once, and a second run changes nothing', async () => {
    const neighbour = await ds().getRepository(Account).findOneByOrFail({ accountNo: '9100000001' });
    await t.app.get(AccountsService).ensureAccounts([
      {
        accountNo: '9200000001',
        holderName: '电力用户',
        address: '城东区幸福路201号',
        utility: 'power',
        districtId: neighbour.districtId,
        stationId: neighbour.stationId,
        areaCentiM2: null,
      },
    ]);
    const account = await ds().getRepository(Account).findOneByOrFail({ accountNo: '9200000001' });
    const readings = t.app.get(MeterReadingsService);
    await t.app.get(Db).transaction(async (em) => {
      await readings.recordOpening(account, '2026-10-31', 500_000);
      // 2,700 kWh already billed this year: 60 of November's 100 kWh fill step 1, 40 go to step 2.
      await em.insert(AccountYearVolume, { accountId: account.id, year: 2026, volumeCentiM3: 270_000 });
      await readings.record({ account, readOn: '2026-11-30', valueCentiM3: 510_000, source: 'import' });
    });

    const first = await run('2026-11');

    expect(first.failed.filter((f) => f.accountId === account.id)).toEqual([]);
    const bill = await ds().getRepository(Bill).findOneByOrFail({ accountId: account.id, period: '2026-11' });
    expect(bill).toMatchObject({
      utility: 'power',
      fromOn: '2026-11-01',
      toOn: '2026-11-30',
      fromValueCentiM3: 500_000,
      toValueCentiM3: 510_000,
      volumeCentiM3: 10_000,
      // 60 kWh × 0.4883 = 29.298 → 29.30; 40 kWh × 0.5383 = 21.532 → 21.53.
      amountFen: 2930 + 2153,
      status: 'unpaid',
    });
    expect(bill.lines.map((l) => [l.kind, l.tier, l.quantity, l.unitPriceCentiFen, l.amountFen])).toEqual([
      ['power_tier', 1, 6_000, 4883, 2930],
      ['power_tier', 2, 4_000, 5383, 2153],
    ]);
    const counter = () => ds().getRepository(AccountYearVolume).findOneByOrFail({ accountId: account.id, year: 2026 });
    expect((await counter()).volumeCentiM3).toBe(280_000);
    expect(
      await ds().getRepository(MeterReading).findOneByOrFail({ accountId: account.id, readOn: '2026-11-30' }),
    ).toMatchObject({
      status: 'billed',
    });

    const bills = await ds()
      .getRepository(Bill)
      .find({ order: { id: 'ASC' } });
    const second = await run('2026-11');

    expect(second).toEqual({ period: '2026-11', billed: 0, failed: [] });
    expect(
      await ds()
        .getRepository(Bill)
        .find({ order: { id: 'ASC' } }),
    ).toEqual(bills);
    expect((await counter()).volumeCentiM3).toBe(280_000);
  });

  it('bills a 峰谷 meter’s peak and valley energy at their prices', async () => {
    const neighbour = await ds().getRepository(Account).findOneByOrFail({ accountNo: '9100000002' });
    await t.app.get(AccountsService).ensureAccounts([
      {
        accountNo: '9200000002',
        holderName: '峰谷用户',
        address: '城东区和平街202号',
        utility: 'power',
        districtId: neighbour.districtId,
        stationId: neighbour.stationId,
        areaCentiM2: null,
      },
    ]);
    const account = await ds().getRepository(Account).findOneByOrFail({ accountNo: '9200000002' });
    const reading = (readOn: string, peakCentiKwh: number, valleyCentiKwh: number, status: 'billed' | 'accepted') => ({
      accountId: account.id,
      readOn,
      valueCentiM3: peakCentiKwh + valleyCentiKwh,
      peakCentiKwh,
      valleyCentiKwh,
      source: 'smart_meter' as const,
      status,
      holdReason: null,
      ticketId: null,
      photoId: null,
      recordedById: null,
      createdAt: new Date(),
    });
    await ds()
      .getRepository(MeterReading)
      .insert([reading('2026-10-31', 100_000, 50_000, 'billed'), reading('2026-11-30', 118_000, 62_000, 'accepted')]);

    await run('2026-11');

    const bill = await ds().getRepository(Bill).findOneByOrFail({ accountId: account.id, period: '2026-11' });
    // 180 kWh peak × 0.5683 = 102.294 → 102.29; 120 kWh valley × 0.2883 = 34.596 → 34.60.
    expect(bill.lines.map((l) => [l.tier, l.timeOfUse, l.quantity, l.unitPriceCentiFen, l.amountFen])).toEqual([
      [1, 'peak', 18_000, 5683, 10_229],
      [1, 'valley', 12_000, 2883, 3460],
    ]);
    expect(bill).toMatchObject({ utility: 'power', volumeCentiM3: 30_000, amountFen: 13_689 });
  });
});
