import { DashboardView, ErrorCode, RatingLevel, shanghaiDate } from '@utility/shared';
import { EAST_HEAT_ACCOUNT, call, createTicket, expectRefused, login, minutes } from '../testing/api-fixtures';
import { rated, resolvedRepair } from '../testing/feedback-fixtures';
import { bindAccount, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** The dashboard endpoint: queue health as the board counts it, 30 Shanghai days of series. */
describe('supervisor dashboard', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const dashboard = async (username: string) => {
    const res = await t
      .http()
      .get('/api/reports/dashboard')
      .set('Authorization', await login(t, username));
    expect(res.status).toBe(200);
    return res.body as DashboardView;
  };

  it('counts intake per Shanghai day, the on-time rate of clocks settled that day, and queue health now', async () => {
    const agent = await login(t, 'agent1');
    // 23:50 Shanghai on the 9th and 00:10 on the 10th: two different days though the same UTC date.
    t.setNow(new Date('2026-11-09T23:50:00+08:00'));
    await createTicket(t, agent, call());
    t.setNow(new Date('2026-11-10T00:10:00+08:00'));
    await createTicket(t, agent, call());
    // A miniapp repair nobody answers: its respond clock is missed 30 minutes later, on the 10th.
    const unanswered = await createTicket(t, agent, call({ channel: 'miniapp' }));
    t.setNow(minutes(new Date('2026-11-10T00:10:00+08:00'), 60));
    await t.sweep();

    const view = await dashboard('supervisor1');
    expect(view.days).toHaveLength(30);
    expect(view.days.at(-1)!.date).toBe('2026-11-10');
    expect(view.days[0].date).toBe('2026-10-12');
    expect(view.days.slice(-2)).toEqual([
      { date: '2026-11-09', intake: 1, onTimeRate: 1, satisfactionRate: null },
      // Respond met at phone intake (1), missed by the miniapp ticket (1); nobody called any of the three
      // residents back, so three 30-minute contact clocks ran out that day too: 1 of 5.
      { date: '2026-11-10', intake: 2, onTimeRate: 0.2, satisfactionRate: null },
    ]);
    const queue = view.queues.find((q) => q.id === unanswered.queueId)!;
    expect(queue.counts).toEqual({ open: 3, atRisk: 0, breached: 3 });
    expect(shanghaiDate(new Date(view.asOf))).toBe('2026-11-10');

    // The west supervisor's series are of the west district: none of these tickets.
    expect((await dashboard('supervisor2')).days.slice(-2).map((d) => d.intake)).toEqual([0, 0]);
  });

  it("satisfaction from the residents' ratings (feedback module), placed by the rated ticket's district", async () => {
    t.setNow(new Date('2026-11-20T10:00:00+08:00'));
    const alice = await residentLogin(t, 'dashboard-alice');
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    const [first, second] = [await resolvedRepair(t), await resolvedRepair(t)];
    await rated(t, alice, first, RatingLevel.VerySatisfied);
    await rated(t, alice, second, RatingLevel.Dissatisfied);
    expect((await dashboard('supervisor1')).days.at(-1)).toMatchObject({ date: '2026-11-20', satisfactionRate: 0.5 });
    expect((await dashboard('admin')).days.at(-1)).toMatchObject({ date: '2026-11-20', satisfactionRate: 0.5 });
    expect((await dashboard('supervisor2')).days.at(-1)).toMatchObject({ date: '2026-11-20', satisfactionRate: null });
  });

  it('is for supervisors and admins only', async () => {
    expectRefused(
      await t
        .http()
        .get('/api/reports/dashboard')
        .set('Authorization', await login(t, 'tech1')),
      403,
      ErrorCode.Forbidden,
    );
    expectRefused(await t.http().get('/api/reports/dashboard'), 401, ErrorCode.Unauthenticated);
  });
});
