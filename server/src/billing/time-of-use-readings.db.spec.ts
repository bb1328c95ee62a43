import { BillView, ErrorCode } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { lastReading } from '../testing/payment-fixtures';
import { residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { DemoPower } from '../seed/demo-power.service';

/**
 * Power accounts of the demo seed (9100000053 reads 峰谷 registers, 9100000054 is flat and crosses into step 2 in
 * October) and the 峰谷 readings staff enter (docs/domain.md#readings, #billing).
 */
describe('power readings: the demo power accounts and 峰谷 entry', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const record = async (body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/staff/meter-readings')
      .set('Authorization', await login(t, 'agent1'))
      .send(body);

  it('the demo resident finds both power accounts bound, each with an October power bill', async () => {
    // The seed binds them with the demo's past (DEMO_HISTORY_DAYS), which test apps skip: bound here as it does.
    await t.app.get(DemoPower).bindToDemoResident();
    const demo = await residentLogin(t, 'resident-demo');
    const accounts = (await t.http().get('/api/accounts').set('Authorization', demo.auth).expect(200)).body as {
      id: number;
      accountNo: string;
    }[];
    expect(accounts.map((a) => a.accountNo).sort()).toEqual(['9100000053', '9100000054']);
    const billsOf = async (accountNo: string): Promise<BillView[]> => {
      const id = accounts.find((a) => a.accountNo === accountNo)!.id;
      return (await t.http().get(`/api/accounts/${id}/bills`).set('Authorization', demo.auth).expect(200)).body;
    };

    const [timeOfUse] = await billsOf('9100000053');
    // 160 kWh peak × 0.5683 = 90.928 → 90.93; 100 kWh valley × 0.2883 = 28.83 (all in step 1).
    expect(timeOfUse).toMatchObject({ utility: 'power', period: '2026-10', status: 'unpaid', amountFen: 9093 + 2883 });
    expect(timeOfUse.lines.map((l) => [l.tier, l.timeOfUse, l.amountFen])).toEqual([
      [1, 'peak', 9093],
      [1, 'valley', 2883],
    ]);
    const [flat] = await billsOf('9100000054');
    // 2,600 kWh already this year: 160 of October's 310 kWh fill step 1 (× 0.4883), 150 go to step 2 (× 0.5383).
    expect(flat.lines.map((l) => [l.tier, l.amountFen])).toEqual([
      [1, 7813],
      [2, 8075],
    ]);
    expect(flat.amountFen).toBe(7813 + 8075);
  });

  it('staff enter a 峰谷 reading: registers summing to the total are kept; others are refused or held', async () => {
    const previous = await lastReading(t, '9100000053');
    expect(previous).toMatchObject({ valueCentiM3: 1_280_000, peakCentiKwh: 768_400, valleyCentiKwh: 511_600 });

    // Peak and valley must add up to the total, and come together.
    expectRefused(
      await record({ accountNo: '9100000053', readOn: '2026-11-20', value: '12950', peak: '7784', valley: '5165' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(
      await record({ accountNo: '9100000053', readOn: '2026-11-20', value: '12950', peak: '7784' }),
      400,
      ErrorCode.ValidationFailed,
    );
    // A gas meter has no 峰谷 registers.
    const gas = await record({
      accountNo: '9100000001',
      readOn: '2026-11-20',
      value: '1600',
      peak: '1000',
      valley: '600',
    });
    expectRefused(gas, 422, ErrorCode.ValidationFailed);
    expect(gas.body.message).toBe('只有电力户号可填写峰谷读数');

    const kept = await record({
      accountNo: '9100000053',
      readOn: '2026-11-20',
      value: '12950.00',
      peak: '7784',
      valley: '5166',
    });
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({
      valueCentiM3: 1_295_000,
      peakCentiKwh: 778_400,
      valleyCentiKwh: 516_600,
      status: 'accepted',
    });

    // The total goes up but the peak register went down: held for checking like a lower total.
    const held = await record({
      accountNo: '9100000053',
      readOn: '2026-11-25',
      value: '12960',
      peak: '7700',
      valley: '5260',
    });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ status: 'held', holdReason: '峰段或谷段读数低于上次读数' });
  });
});
