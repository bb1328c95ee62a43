import { ErrorCode, MonthlyReportView } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { districtOf } from '../testing/inspection-fixtures';
import { countRows } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * Dates at the edge of the calendar (year 0000, 9999) answered 500 and an old month's read stored a frozen
 * report: now they are refused as invalid input, and a month before the product's data is never stored.
 */
describe('edge dates', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
  });
  afterAll(() => t.close());

  const stored = async () => ({
    reports: await countRows(t, 'monthly_report'),
    plans: await countRows(t, 'inspection_plan'),
    slots: await countRows(t, 'inspection_slot'),
  });

  it.each(['0000-01', '1999-12', '9999-12'])(
    'refuses the report, its export and its regeneration for %s with 400 and stores nothing',
    async (period) => {
      const before = await stored();
      expectRefused(
        await t.http().get(`/api/reports/monthly?period=${period}`).set('Authorization', admin),
        400,
        ErrorCode.ValidationFailed,
      );
      expectRefused(
        await t.http().get(`/api/reports/monthly/export?period=${period}&format=csv`).set('Authorization', admin),
        400,
        ErrorCode.ValidationFailed,
      );
      expectRefused(
        await t.http().post('/api/reports/monthly/regenerate').set('Authorization', admin).send({ period }),
        400,
        ErrorCode.ValidationFailed,
      );
      expect(await stored()).toEqual(before);
    },
  );

  it.each([
    ['0000-01-01', '0000-01-31'],
    ['9999-12-01', '9999-12-31'],
  ])('refuses an inspection plan from %s with 400 and opens no slot', async (startDate, endDate) => {
    const before = await stored();
    const res = await t
      .http()
      .post('/api/staff/inspection-plans')
      .set('Authorization', admin)
      .send({
        districtId: await districtOf(t, '9100000001'),
        name: '边界日期',
        period: 'monthly',
        startDate,
        endDate,
        halves: ['am'],
        capacity: 3,
      });
    expectRefused(res, 400, ErrorCode.ValidationFailed);
    expect(await stored()).toEqual(before);
  });

  it('reads a month before the product’s first ticket or bill without storing (or freezing) a report', async () => {
    const before = await stored();
    const res = await t.http().get('/api/reports/monthly?period=2001-01').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body as MonthlyReportView).toMatchObject({ period: '2001-01', status: 'provisional', frozenAt: null });
    expect((res.body as MonthlyReportView).figures.complaints.received).toBe(0);
    expect(await stored()).toEqual(before);
  });

  it('refuses to regenerate a month before the product’s data with 422 REPORT_PERIOD_BEFORE_DATA', async () => {
    const before = await stored();
    expectRefused(
      await t.http().post('/api/reports/monthly/regenerate').set('Authorization', admin).send({ period: '2001-01' }),
      422,
      ErrorCode.ReportPeriodBeforeData,
    );
    expect(await stored()).toEqual(before);
  });
});
