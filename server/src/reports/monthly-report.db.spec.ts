import { ErrorCode, MonthlyReportView, nextPeriod } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { startPaymentsTestApp } from '../testing/payment-fixtures';
import { TestApp } from '../testing/test-app';
import { RATING_FACTS, RETURN_VISIT_FACTS, RatingFactsProvider, ReturnVisitFactsProvider } from './report-fact-providers';
import { FixtureMonth, afterMonth, buildFixtureMonth, fixturePeriod, onDay, staffId } from './report-fixture-month';

/** The monthly report over a month built through the API, every figure counted by hand below. */
describe('monthly report', () => {
  let t: TestApp;
  let m: FixtureMonth;
  beforeAll(async () => {
    t = await startPaymentsTestApp();
    m = await buildFixtureMonth(t);
    // Until the feedback module lands, its facts come through the provider tokens: two ratings, one visit.
    const tech1 = await staffId(t, 'tech1');
    const agent1 = await staffId(t, 'agent1');
    jest.spyOn(t.app.get<RatingFactsProvider>(RATING_FACTS), 'ratingFacts').mockResolvedValue([
      { ticketId: m.tickets.t1, staffId: tech1, level: 'very_satisfied', at: onDay(3, '15:00') },
      { ticketId: m.tickets.t3, staffId: agent1, level: 'dissatisfied', at: onDay(6, '15:00') },
    ]);
    jest.spyOn(t.app.get<ReturnVisitFactsProvider>(RETURN_VISIT_FACTS), 'returnVisitFacts').mockResolvedValue([{ ticketId: m.tickets.t1, completedAt: onDay(4, '10:00') }]);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const monthly = async (username: string, query = '') => {
    const res = await t.http().get(`/api/reports/monthly?period=${fixturePeriod()}${query}`).set('Authorization', await login(t, username));
    expect(res.status).toBe(200);
    return res.body as MonthlyReportView;
  };

  it('gives exactly the hand-counted figures, for the company and for a supervisor\'s district', async () => {
    t.setNow(afterMonth());
    const report = await monthly('admin');
    expect(report).toMatchObject({ period: fixturePeriod(), districtId: null, status: 'draft', frozenAt: null });
    const f = report.figures;
    const [east, west] = f.districts.map((d) => d.id);
    expect(f.tickets).toEqual({
      rows: [
        { type: 'repair', districtId: east, count: 2 },
        { type: 'complaint', districtId: east, count: 1 },
        { type: 'complaint', districtId: west, count: 1 },
      ],
      byType: [{ type: 'repair', count: 2 }, { type: 'complaint', count: 2 }],
      total: 4,
    });
    // Respond: all four answered at intake. On site: T1 met, T2 an hour late. Resolve: T4's five working days ran out.
    expect(f.onTime).toEqual([
      { clock: 'respond', counted: 4, onTime: 4, late: 0, rate: 1 },
      { clock: 'on_site', counted: 2, onTime: 1, late: 1, rate: 0.5 },
      { clock: 'resolve', counted: 4, onTime: 3, late: 1, rate: 0.75 },
    ]);
    expect(f.complaints).toEqual({ received: 2, resolved: 1, rate: 0.5 });
    expect(f.satisfaction).toEqual({ ratings: 2, satisfied: 1, rate: 0.5, byLevel: { very_satisfied: 1, satisfied: 0, fairly_satisfied: 0, dissatisfied: 1 } });
    // T1, T2 (repairs) and T3 (complaint) were resolved: all three must be visited; only T1 was.
    expect(f.returnVisits).toEqual({ due: 3, visited: 1, rate: 0.3333 });
    expect(f.hazards).toEqual({ found: 0, closed: 0, openAtEnd: 0 });
    const [refunded, second, third] = m.paidFen;
    expect(f.payments).toEqual({
      payments: { count: 3, totalFen: refunded + second + third },
      refunds: { count: 1, totalFen: refunded },
      netFen: second + third,
      // The seeded October bills fall due on the 20th: the two kept payments leave arrears, the refunded one is owed again.
      arrears: { count: m.arrearsBefore.count - 2, totalFen: m.arrearsBefore.totalFen - second - third, accounts: m.arrearsBefore.accounts - 2 },
    });
    expect(f.staff).toEqual([
      { staffId: await staffId(t, 'agent1'), name: '王晓梅', role: 'agent', handled: 1, onTimeRate: 1, ratings: 1, averageRating: 1 },
      { staffId: await staffId(t, 'tech1'), name: '张师傅', role: 'technician', handled: 2, onTimeRate: 0.5, ratings: 1, averageRating: 4 },
    ].sort((a, b) => a.staffId - b.staffId));

    const mine = await monthly('supervisor1');
    expect(mine.districtId).toBe(east);
    expect(mine.figures.tickets.total).toBe(3);
    expect(mine.figures.complaints).toEqual({ received: 1, resolved: 1, rate: 1 });
    expect(mine.figures.payments.payments).toEqual({ count: 3, totalFen: refunded + second + third });
    expect((await monthly('admin', `&districtId=${west}`)).figures.complaints).toEqual({ received: 1, resolved: 0, rate: 0 });
  });

  it('refuses who may not read it and what is not a report: 403, 400, 409', async () => {
    t.setNow(afterMonth());
    const west = (await monthly('admin')).figures.districts[1].id;
    const get = async (username: string, query: string) => t.http().get(`/api/reports/monthly?${query}`).set('Authorization', await login(t, username));
    expectRefused(await get('tech1', `period=${fixturePeriod()}`), 403, ErrorCode.Forbidden);
    expectRefused(await get('supervisor1', `period=${fixturePeriod()}&districtId=${west}`), 403, ErrorCode.Forbidden);
    expectRefused(await get('admin', 'period=2026-13'), 400, ErrorCode.ValidationFailed);
    const pdf = await t.http().get(`/api/reports/monthly/export?period=${fixturePeriod()}&format=pdf`).set('Authorization', await login(t, 'admin'));
    expectRefused(pdf, 400, ErrorCode.ValidationFailed);
    const regenerate = await t.http().post('/api/reports/monthly/regenerate').set('Authorization', await login(t, 'admin')).send({ period: nextPeriod(fixturePeriod()) });
    expectRefused(regenerate, 409, ErrorCode.ReportPeriodOpen);
  });
});
