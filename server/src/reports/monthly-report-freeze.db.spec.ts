import { ErrorCode, MonthlyReportView, reportDueAt } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { startPaymentsTestApp } from '../testing/payment-fixtures';
import { TestApp } from '../testing/test-app';
import { FixtureMonth, afterMonth, buildFixtureMonth, fixturePeriod } from '../testing/report-fixtures';
import { ReportJob } from './report-job.service';

/** A report is regenerable until the due time (7th 16:00 Shanghai), then frozen whatever changes. */
describe('monthly report: draft, regenerate, freeze', () => {
  let t: TestApp;
  let m: FixtureMonth;
  beforeEach(async () => {
    t = await startPaymentsTestApp();
    m = await buildFixtureMonth(t);
  });
  afterEach(() => t.close());

  const read = async () => {
    const res = await t
      .http()
      .get(`/api/reports/monthly?period=${fixturePeriod()}`)
      .set('Authorization', await login(t, 'admin'));
    expect(res.status).toBe(200);
    return res.body as MonthlyReportView;
  };
  const regenerate = async () =>
    t
      .http()
      .post('/api/reports/monthly/regenerate')
      .set('Authorization', await login(t, 'admin'))
      .send({ period: fixturePeriod() });
  /** Withdraws the unresolved west complaint (T4): the month's complaints become 1 received, 1 resolved. */
  const editT4 = async () => {
    const res = await t
      .http()
      .post(`/api/tickets/${m.tickets.t4}/transition`)
      .set('Authorization', await login(t, 'agent1'))
      .send({ to: 'cancelled' });
    expect(res.status).toBe(200);
  };
  const due = () => reportDueAt(fixturePeriod());

  it('the job stores the draft on the 1st; an edit shows only once regenerated before the due time', async () => {
    t.setNow(afterMonth());
    expect(await t.app.get(ReportJob).run()).toEqual({ generated: 3, frozen: 0 });
    expect((await read()).figures.complaints).toEqual({ received: 2, resolved: 1, rate: 0.5 });

    t.setNow(new Date(due().getTime() - 60_000));
    await editT4();
    // The stored draft is what is read until someone regenerates it.
    expect((await read()).figures.complaints).toEqual({ received: 2, resolved: 1, rate: 0.5 });
    const res = await regenerate();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', generatedAt: new Date(due().getTime() - 60_000).toISOString() });
    expect(res.body.figures.complaints).toEqual({ received: 1, resolved: 1, rate: 1 });
    // T4's resolve clock ran out in the month: withdrawing it later does not make it on time.
    expect(res.body.figures.onTime[2]).toEqual({ clock: 'resolve', counted: 4, onTime: 3, late: 1, rate: 0.75 });
    expect(await read()).toEqual(res.body);
  });

  it('frozen at the due time: an edit of the month afterwards changes nothing, and regenerating is 409 REPORT_FROZEN', async () => {
    t.setNow(afterMonth());
    const draft = await read();
    expect(draft).toMatchObject({ status: 'draft', dueAt: due().toISOString() });

    t.setNow(due());
    expect(await t.app.get(ReportJob).run()).toEqual({ generated: 2, frozen: 3 });
    const frozen = await read();
    expect(frozen).toEqual({ ...draft, status: 'frozen', frozenAt: due().toISOString() });

    t.setNow(new Date(due().getTime() + 3_600_000));
    await editT4();
    expectRefused(await regenerate(), 409, ErrorCode.ReportFrozen);
    expect(await read()).toEqual(frozen);
    expect(frozen.figures.complaints).toEqual({ received: 2, resolved: 1, rate: 0.5 });
  });
});
