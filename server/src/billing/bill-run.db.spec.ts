import {
  DEFAULT_GAS_TIERS,
  DEFAULT_HEATING,
  ErrorCode,
  GasTariff,
  computeGasBill,
  computeHeatingBill,
} from '@utility/shared';
import { DataSource, In } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { Db } from '../common/db';
import { expectRefused, login } from '../testing/api-fixtures';
import { lastReading, m3 } from '../testing/payment-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { AccountYearVolume } from './account-year-volume.entity';
import { Bill } from './bill.entity';
import { BillRun } from './bill-run.service';
import { MeterReading } from './meter-reading.entity';
import { MeterReadingsService } from './meter-readings.service';
import { Tariff } from './tariff.entity';

/**
 * The monthly bill run. The demo seed billed October 2026 (opening index 09-30, reading 10-31) for every gas
 * account; these tests record November readings and bill November. Amounts are checked against the shared
 * bill arithmetic (already unit-tested), fed what the run should have fed it.
 */
describe('bill run', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const ds = () => t.app.get(DataSource);
  const run = (period: string) => t.app.get(BillRun).run(period);
  const accountOf = (accountNo: string) => ds().getRepository(Account).findOneByOrFail({ accountNo });
  const billOf = (accountId: number, period: string) => ds().getRepository(Bill).findOneBy({ accountId, period });
  const yearVolume = async (accountId: number, year: number) =>
    (await ds().getRepository(AccountYearVolume).findOneBy({ accountId, year }))?.volumeCentiM3;
  /** The seed's gas prices (DEFAULT_GAS_TIERS from 2026-01-01) for a district, as the shared arithmetic takes them. */
  const gasTariffs = (districtId: number): GasTariff[] => [
    { districtId, effectiveFrom: '2026-01-01', tiers: DEFAULT_GAS_TIERS },
  ];

  const record = async (accountNo: string, readOn: string, valueCentiM3: number) => {
    const res = await t
      .http()
      .post('/api/staff/meter-readings')
      .set('Authorization', await login(t, 'agent1'))
      .send({ accountNo, readOn, value: m3(valueCentiM3) });
    expect(res.status).toBe(201);
    return res.body as { id: number; status: string };
  };

  /** Everything a bill run writes, read straight from the database. */
  const billingState = async () => ({
    bills: await ds()
      .getRepository(Bill)
      .find({ order: { id: 'ASC' } }),
    volumes: await ds()
      .getRepository(AccountYearVolume)
      .find({ order: { accountId: 'ASC', year: 'ASC' } }),
    readings: (
      await ds()
        .getRepository(MeterReading)
        .find({ order: { id: 'ASC' } })
    ).map((r) => [r.id, r.status]),
  });

  it('bills every account with an accepted reading at the shared arithmetic’s amounts, and not a held one', async () => {
    const accounts = ['9100000001', '9100000002', '9100000003'];
    const recorded = new Map<string, { previous: MeterReading; valueCentiM3: number; octoberVolume: number }>();
    for (const [i, accountNo] of accounts.entries()) {
      const previous = await lastReading(t, accountNo);
      const october = (await billOf(previous.accountId, '2026-10'))!;
      const valueCentiM3 = previous.valueCentiM3 + 1_000 + 333 * i;
      expect((await record(accountNo, '2026-11-20', valueCentiM3)).status).toBe('accepted');
      recorded.set(accountNo, { previous, valueCentiM3, octoberVolume: october.volumeCentiM3 });
    }
    const heldAccount = await accountOf('9100000004');
    const held = await record('9100000004', '2026-11-20', (await lastReading(t, '9100000004')).valueCentiM3 - 100);
    expect(held.status).toBe('held');

    const result = await run('2026-11');

    expect(
      result.failed.filter((f) => [...recorded.values()].some((r) => r.previous.accountId === f.accountId)),
    ).toEqual([]);
    for (const [accountNo, { previous, valueCentiM3, octoberVolume }] of recorded) {
      const account = await accountOf(accountNo);
      const expected = computeGasBill({
        from: '2026-10-31',
        to: '2026-11-20',
        volumeCentiM3: valueCentiM3 - previous.valueCentiM3,
        yearToDateCentiM3: { 2026: octoberVolume },
        tariffs: gasTariffs(account.districtId),
      });
      expect(await billOf(account.id, '2026-11')).toMatchObject({
        accountNo,
        utility: 'gas',
        status: 'unpaid',
        paidFen: 0,
        fromOn: '2026-11-01',
        toOn: '2026-11-20',
        dueOn: '2026-12-20',
        fromValueCentiM3: previous.valueCentiM3,
        toValueCentiM3: valueCentiM3,
        volumeCentiM3: expected.volumeCentiM3,
        lines: expected.lines,
        amountFen: expected.amountFen,
      });
      expect(expected.lines).toEqual([
        expect.objectContaining({ kind: 'gas_tier', tier: 1, unitPriceFen: 261, year: 2026 }),
      ]);
      expect(await yearVolume(account.id, 2026)).toBe(octoberVolume + valueCentiM3 - previous.valueCentiM3);
      expect((await lastReading(t, accountNo)).status).toBe('billed');
    }
    // The held reading waits for its ticket: no bill, the tier counter untouched, the reading still held.
    expect(await billOf(heldAccount.id, '2026-11')).toBeNull();
    expect(await yearVolume(heldAccount.id, 2026)).toBe((await billOf(heldAccount.id, '2026-10'))!.volumeCentiM3);
    expect(await ds().getRepository(MeterReading).findOneByOrFail({ id: held.id })).toMatchObject({ status: 'held' });
  });

  it('a bill that crosses tier 1 has one line per tier, each at its price (a new meter: no usual use to hold it against)', async () => {
    // A new account connected on 2026-10-31 (opening index, no bill yet, so no usual use to hold a big reading against).
    const neighbour = await accountOf('9100000006');
    await t.app.get(AccountsService).ensureAccounts([
      {
        accountNo: '9100000106',
        holderName: '新用户',
        address: '城东区幸福路106号',
        utility: 'gas',
        districtId: neighbour.districtId,
        stationId: neighbour.stationId,
        areaCentiM2: null,
      },
    ]);
    const account = await accountOf('9100000106');
    await t.app.get(Db).transaction(() => t.app.get(MeterReadingsService).recordOpening(account, '2026-10-31', 10_000));
    expect((await record('9100000106', '2026-11-20', 10_000 + 42_050)).status).toBe('accepted');

    await run('2026-11');

    const expected = computeGasBill({
      from: '2026-10-31',
      to: '2026-11-20',
      volumeCentiM3: 42_050,
      yearToDateCentiM3: {},
      tariffs: gasTariffs(account.districtId),
    });
    expect(expected.lines.map((l) => [l.tier, l.quantity, l.unitPriceFen])).toEqual([
      [1, 35_000, 261],
      [2, 7_050, 313],
    ]);
    expect(await billOf(account.id, '2026-11')).toMatchObject({
      lines: expected.lines,
      amountFen: expected.amountFen,
      volumeCentiM3: 42_050,
    });
    expect(expected.amountFen).toBe(91_350 + 22_067);
    expect(await yearVolume(account.id, 2026)).toBe(42_050);
  });

  it('does not bill a prepaid account, even one between two billed accounts', async () => {
    const prepaid = await accountOf('9100000012');
    await ds().getRepository(Account).update(prepaid.id, { paymentMode: 'prepaid', meterKind: 'iot' });
    for (const accountNo of ['9100000011', '9100000012', '9100000013']) {
      const previous = await lastReading(t, accountNo);
      expect((await record(accountNo, '2026-11-21', previous.valueCentiM3 + 700)).status).toBe('accepted');
    }

    const result = await run('2026-11');

    expect(result.failed.filter((f) => f.accountId === prepaid.id)).toEqual([]);
    expect(await billOf(prepaid.id, '2026-11')).toBeNull();
    for (const accountNo of ['9100000011', '9100000013'])
      expect(await billOf((await accountOf(accountNo)).id, '2026-11')).not.toBeNull();
  });

  it('a second run of the same period changes nothing: the same bills, the same year volumes', async () => {
    const previous = await lastReading(t, '9100000007');
    await record('9100000007', '2026-11-20', previous.valueCentiM3 + 1_200);
    const first = await run('2026-11');
    expect(await billOf(previous.accountId, '2026-11')).not.toBeNull();
    const before = await billingState();

    const second = await run('2026-11');

    expect(second).toEqual({ period: '2026-11', billed: 0, failed: [] });
    expect(await billingState()).toEqual(before);
    expect(first.billed).toBeGreaterThanOrEqual(1);
  });

  it('a reading that arrives for a month already billed is refused (422), bills nothing twice and leaves the tier counter alone', async () => {
    const previous = await lastReading(t, '9100000008');
    await record('9100000008', '2026-11-20', previous.valueCentiM3 + 1_200);
    await run('2026-11');
    const bill = await billOf(previous.accountId, '2026-11');
    // A reading from earlier in the month turns up late (a paper sheet, a smart meter's backlog): what is billed is settled.
    const late = await t
      .http()
      .post('/api/staff/meter-readings')
      .set('Authorization', await login(t, 'agent1'))
      .send({ accountNo: '9100000008', readOn: '2026-11-10', value: m3(previous.valueCentiM3 + 600) });
    expectRefused(late, 422, ErrorCode.ReadingBeforeBilled);
    const before = await billingState();

    await run('2026-11');

    const after = await billingState();
    expect(after.bills).toEqual(before.bills);
    expect(after.volumes).toEqual(before.volumes);
    expect(await billOf(previous.accountId, '2026-11')).toEqual(bill);
    expect(await yearVolume(previous.accountId, 2026)).toBe(
      (await billOf(previous.accountId, '2026-10'))!.volumeCentiM3 + 1_200,
    );
  });

  it('bills heating accounts for the whole season in the month it starts, once', async () => {
    const heating = await ds().getRepository(Account).findBy({ utility: 'heating' });
    expect(heating.length).toBeGreaterThan(0);
    const heatingBills = () =>
      ds()
        .getRepository(Bill)
        .findBy({ accountId: In(heating.map((a) => a.id)) });
    // October: the season has not started (the seed ran October already).
    await run('2026-10');
    expect((await heatingBills()).filter((b) => b.period === '2026-10')).toEqual([]);

    await run('2026-11');
    await run('2026-11');
    await run('2026-12');

    // One bill per heating account, in November, whichever run made it.
    const bills = await heatingBills();
    expect(bills.map((b) => [b.accountId, b.period]).sort()).toEqual(heating.map((a) => [a.id, '2026-11']).sort());
    for (const account of heating) {
      const expected = computeHeatingBill({
        areaCentiM2: account.areaCentiM2!,
        seasonYear: 2026,
        tariffs: [{ districtId: account.districtId, effectiveFrom: '2026-01-01', ...DEFAULT_HEATING }],
      });
      expect(bills.find((b) => b.accountId === account.id)).toMatchObject({
        utility: 'heating',
        period: '2026-11',
        fromOn: '2026-11-15',
        toOn: '2027-03-15',
        dueOn: '2026-12-20',
        readingId: null,
        lines: expected.lines,
        amountFen: expected.amountFen,
        status: 'unpaid',
      });
      expect(expected.amountFen).toBe(account.areaCentiM2! * 24);
    }
  });
  it('bills from the last billed reading however long ago it was (a meter unread for over a year)', async () => {
    const neighbour = await accountOf('9100000006');
    await t.app.get(AccountsService).ensureAccounts([
      {
        accountNo: '9100000107',
        holderName: '久未抄表',
        address: '城东区幸福路107号',
        utility: 'gas',
        districtId: neighbour.districtId,
        stationId: neighbour.stationId,
        areaCentiM2: null,
      },
    ]);
    const account = await accountOf('9100000107');
    // Last read (and billed) in June 2025, beyond the run's batch read: the district's 2025 prices bill that part.
    const older: GasTariff = { districtId: account.districtId, effectiveFrom: '2025-01-01', tiers: DEFAULT_GAS_TIERS };
    await ds()
      .getRepository(Tariff)
      .insert({
        kind: 'gas',
        districtId: older.districtId,
        effectiveFrom: older.effectiveFrom,
        spec: { tiers: older.tiers },
      });
    await t.app.get(Db).transaction(() => t.app.get(MeterReadingsService).recordOpening(account, '2025-06-30', 5_000));
    expect((await record('9100000107', '2026-11-20', 5_000 + 60_000)).status).toBe('accepted');

    const result = await run('2026-11');

    expect(result.failed.filter((f) => f.accountId === account.id)).toEqual([]);
    const expected = computeGasBill({
      from: '2025-06-30',
      to: '2026-11-20',
      volumeCentiM3: 60_000,
      yearToDateCentiM3: {},
      tariffs: [older, ...gasTariffs(account.districtId)],
    });
    expect([...new Set(expected.lines.map((l) => l.year))]).toEqual([2025, 2026]);
    expect(await billOf(account.id, '2026-11')).toMatchObject({
      fromValueCentiM3: 5_000,
      lines: expected.lines,
      amountFen: expected.amountFen,
      volumeCentiM3: 60_000,
    });
  });
});
