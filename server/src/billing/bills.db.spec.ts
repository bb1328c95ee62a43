import { DEFAULT_GAS_TIERS, ErrorCode, computeGasBill } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused, login } from '../testing/api-fixtures';
import {
  Payer,
  billsOf,
  fakeWechatPay,
  getBill,
  lastReading,
  m3,
  pay,
  payer,
  startPaymentsTestApp,
  unpaidBill,
} from '../testing/payment-fixtures';
import { TestApp } from '../testing/test-app';
import { BillRun } from './bill-run.service';
import { MeterReading } from './meter-reading.entity';

/** A resident's bills: the list, one bill's detail, the usage chart and the arrears banner, for bound accounts only. */
describe('resident bills', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  const get = (p: Payer, path: string) => t.http().get(path).set('Authorization', p.auth);

  /** Gives the account a November bill too: a reading on 2026-11-20, then November's bill run. */
  async function billNovember(accountNo: string, usedCentiM3: number) {
    const previous = await lastReading(t, accountNo);
    const res = await t
      .http()
      .post('/api/staff/meter-readings')
      .set('Authorization', await login(t, 'agent1'))
      .send({ accountNo, readOn: '2026-11-20', value: m3(previous.valueCentiM3 + usedCentiM3) });
    expect(res.body.status).toBe('accepted');
    await t.app.get(BillRun).run('2026-11');
  }

  /** Pays a bill through WeChat Pay (the cashier, then the notice to the notify endpoint), on the real clock. */
  async function payThroughWechat(p: Payer, billId: number) {
    t.setNow(new Date());
    const { orderNo } = await pay(t, p, billId);
    expect((await fakeWechatPay(t).pay({ outTradeNo: orderNo })).delivery?.status).toBe(204);
  }

  it('lists unpaid bills first, oldest due first, then the paid ones', async () => {
    const p = await payer(t, 'bills-list', '9100000001');
    await billNovember('9100000001', 1_500);
    const [october, november] = [await unpaidBill(t, p, '2026-10'), await unpaidBill(t, p, '2026-11')];
    expect((await billsOf(t, p)).map((b) => [b.period, b.status])).toEqual([
      ['2026-10', 'unpaid'],
      ['2026-11', 'unpaid'],
    ]);

    await payThroughWechat(p, november.id);

    expect((await billsOf(t, p)).map((b) => [b.id, b.period, b.status])).toEqual([
      [october.id, '2026-10', 'unpaid'],
      [november.id, '2026-11', 'paid'],
    ]);
    await payThroughWechat(p, october.id);
    // All paid: the history, newest first.
    expect((await billsOf(t, p)).map((b) => [b.period, b.status])).toEqual([
      ['2026-11', 'paid'],
      ['2026-10', 'paid'],
    ]);
  });

  it('shows a bill with its readings, tier lines, amount and due date; overdue once the due date has passed', async () => {
    const p = await payer(t, 'bills-detail', '9100000002');
    const october = await unpaidBill(t, p);
    const [opening, reading] = await t.app
      .get(DataSource)
      .getRepository(MeterReading)
      .find({ where: { accountId: p.accountId }, order: { readOn: 'ASC' }, take: 2 });
    const [{ districtId }] = await t.app
      .get(DataSource)
      .query('SELECT districtId FROM account WHERE id = ?', [p.accountId]);
    const expected = computeGasBill({
      from: opening.readOn,
      to: reading.readOn,
      volumeCentiM3: reading.valueCentiM3 - opening.valueCentiM3,
      yearToDateCentiM3: {},
      tariffs: [{ districtId, effectiveFrom: '2026-01-01', tiers: DEFAULT_GAS_TIERS }],
    });

    t.setNow(new Date('2026-11-20T15:00:00Z')); // 23:00 in Shanghai on the due date
    expect(await getBill(t, p, october.id)).toEqual({
      id: october.id,
      accountNo: '9100000002',
      period: '2026-10',
      utility: 'gas',
      fromOn: '2026-10-01',
      toOn: '2026-10-31',
      fromValueCentiM3: opening.valueCentiM3,
      toValueCentiM3: reading.valueCentiM3,
      volumeCentiM3: expected.volumeCentiM3,
      lines: expected.lines,
      amountFen: expected.amountFen,
      paidFen: 0,
      status: 'unpaid',
      dueOn: '2026-11-20',
      overdue: false,
      lateFeeFen: 0,
      payableFen: expected.amountFen,
      lateFeeWaived: false,
      paidAt: null,
    });
    expect(expected.lines).toEqual([
      expect.objectContaining({ kind: 'gas_tier', tier: 1, unitPriceFen: 261, from: '2026-10-01', to: '2026-10-31' }),
    ]);

    t.setNow(new Date('2026-11-20T16:00:00Z')); // 00:00 on 11-21 in Shanghai
    expect(await getBill(t, p, october.id)).toMatchObject({ overdue: true, status: 'unpaid' });

    await payThroughWechat(p, october.id);
    expect(await getBill(t, p, october.id)).toMatchObject({
      status: 'paid',
      paidFen: expected.amountFen,
      overdue: false,
      paidAt: expect.any(String),
    });
  });

  it('charts the gas use of the billed months, oldest first', async () => {
    const p = await payer(t, 'bills-usage', '9100000003');
    const october = await unpaidBill(t, p);
    await billNovember('9100000003', 1_234);
    const november = await unpaidBill(t, p, '2026-11');

    const res = await get(p, `/api/accounts/${p.accountId}/usage`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { period: '2026-10', volumeCentiM3: october.volumeCentiM3, amountFen: october.amountFen },
      { period: '2026-11', volumeCentiM3: 1_234, amountFen: november.amountFen },
    ]);
  });

  it('totals the arrears: unpaid, and the overdue part of it; paying clears it', async () => {
    const p = await payer(t, 'bills-arrears', '9100000006');
    await billNovember('9100000006', 1_000);
    const [october, november] = [await unpaidBill(t, p, '2026-10'), await unpaidBill(t, p, '2026-11')];
    const arrears = async () => (await get(p, `/api/accounts/${p.accountId}/arrears`).expect(200)).body;

    t.setNow(new Date('2026-11-10T04:00:00Z'));
    expect(await arrears()).toEqual({ unpaidFen: october.amountFen + november.amountFen, overdueFen: 0 });
    t.setNow(new Date('2026-11-25T04:00:00Z'));
    expect(await arrears()).toEqual({
      unpaidFen: october.amountFen + november.amountFen,
      overdueFen: october.amountFen,
    });

    await payThroughWechat(p, october.id);
    t.setNow(new Date('2026-11-25T04:00:00Z'));
    expect(await arrears()).toEqual({ unpaidFen: november.amountFen, overdueFen: 0 });
  });

  it("answers 404 for another resident's account and bill, and 401 without a resident token", async () => {
    const owner = await payer(t, 'bills-owner', '9100000007');
    const bill = await unpaidBill(t, owner);
    const other = await payer(t, 'bills-other', '9100000008');
    const staff = await login(t, 'agent1');

    for (const path of [
      `/api/accounts/${owner.accountId}/bills`,
      `/api/accounts/${owner.accountId}/usage`,
      `/api/accounts/${owner.accountId}/arrears`,
      `/api/bills/${bill.id}`,
    ]) {
      expectRefused(await get(other, path), 404, ErrorCode.NotFound);
      expectRefused(await t.http().get(path), 401, ErrorCode.Unauthenticated);
      expectRefused(await t.http().get(path).set('Authorization', staff), 401, ErrorCode.Unauthenticated);
    }
    expectRefused(await get(other, '/api/bills/999999'), 404, ErrorCode.NotFound);
    expectRefused(await get(other, '/api/accounts/999999/bills'), 404, ErrorCode.NotFound);
    // The owner still sees it, unpaid.
    expect(await getBill(t, owner, bill.id)).toMatchObject({ status: 'unpaid' });
  });
});
