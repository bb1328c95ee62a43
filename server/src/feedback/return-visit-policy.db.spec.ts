import { ClockKind, ErrorCode, ReturnVisitPolicy } from '@utility/shared';
import { EAST_HALL_ACCOUNT, expectRefused, getTicket, login } from '../testing/api-fixtures';
import { planVisits, resolvedRepair, visitOf } from '../testing/feedback-fixtures';
import { auditOf } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const HOUR = 3_600_000;
/** A heating account of the demo (every fifth account is heated), at the east heating station. */
const HEATING_ACCOUNT = '9100000005';

/** GET/PUT /api/admin/return-visit-policy, and the planner following it (docs/domain.md#return-visits). */
describe('the return-visit policy', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
  });
  afterAll(() => t.close());

  const policy = async (): Promise<ReturnVisitPolicy> =>
    (await t.http().get('/api/admin/return-visit-policy').set('Authorization', admin).expect(200)).body;
  const put = (body: object, auth = admin) =>
    t.http().put('/api/admin/return-visit-policy').set('Authorization', auth).send(body);

  it('visits a heating repair 48 hours after it was finished, due by the end of the next working day, with its questions', async () => {
    const resolvedAt = new Date('2026-11-18T02:00:00Z'); // Wednesday 10:00 in Shanghai
    t.setNow(resolvedAt);
    const id = await resolvedRepair(t, HEATING_ACCOUNT);
    await planVisits(t);
    const visit = (await visitOf(t, id))!;
    // Opens Friday 10:00; the next working day is Monday 23 November, due at its end in Shanghai.
    expect(visit).toMatchObject({ reason: 'policy', dueAt: '2026-11-23T16:00:00.000Z' });
    expect(visit.clocks.find((c) => c.kind === ClockKind.Resolve)).toMatchObject({
      startedAt: new Date(resolvedAt.getTime() + 48 * HOUR).toISOString(),
      dueAt: '2026-11-23T16:00:00.000Z',
    });
    const task = await getTicket(t, await login(t, 'agent1'), visit.id);
    expect(task.description).toContain('请于2026-11-20 10:00之后回访');
    expect(task.description).toContain('1. 问题是否已经解决？');
  });

  it('visits a gas repair within 24 hours', async () => {
    const resolvedAt = new Date('2026-11-18T03:00:00Z');
    t.setNow(resolvedAt);
    const id = await resolvedRepair(t, EAST_HALL_ACCOUNT);
    await planVisits(t);
    expect(await visitOf(t, id)).toMatchObject({
      reason: 'policy',
      dueAt: new Date(resolvedAt.getTime() + 24 * HOUR).toISOString(),
    });
  });

  it("plans the next resolution by the admin's policy; logged with before and after", async () => {
    const before = await policy();
    const heating = before.rules.find((r) => r.ticketType === 'repair' && r.utility === 'heating')!;
    expect(heating).toMatchObject({ scope: 'all', timing: { afterHours: 48, dueWorkingDays: 1 } });
    const changed = {
      ...before,
      rules: before.rules.map((r) =>
        r === heating ? { ...r, timing: { afterHours: 24, dueHours: 12 }, questions: ['暖气现在热了吗？'] } : r,
      ),
    };
    expect((await put(changed).expect(200)).body).toEqual(changed);
    expect(await policy()).toEqual(changed);
    const resolvedAt = new Date('2026-11-19T02:00:00Z');
    t.setNow(resolvedAt);
    const id = await resolvedRepair(t, HEATING_ACCOUNT);
    await planVisits(t);
    const visit = (await visitOf(t, id))!;
    expect(visit.dueAt).toBe(new Date(resolvedAt.getTime() + 36 * HOUR).toISOString());
    expect((await getTicket(t, admin, visit.id)).description).toContain('1. 暖气现在热了吗？');
    expect((await auditOf(t, 'return_visit_policy', 1))[0]).toMatchObject({
      action: 'return_visit_policy.update',
      before,
      after: changed,
    });
    await put(before).expect(200);
  });

  it.each<[string, (p: ReturnVisitPolicy) => object]>([
    [
      'both hours and working days',
      (p) => ({ ...p, rules: [{ ...p.rules[0], timing: { afterHours: 0, dueHours: 24, dueWorkingDays: 1 } }] }),
    ],
    [
      'a share over 100 %',
      (p) => ({ ...p, rules: [{ ...p.rules[0], sharePercent: { residential: 101, business: 10 } }] }),
    ],
    ['visiting the visits', (p) => ({ ...p, rules: [{ ...p.rules[0], ticketType: 'return_visit', scope: 'all' }] })],
    ['a business twice for the same utility', (p) => ({ ...p, rules: [p.rules[0], p.rules[0]] })],
    ['no disaster hours', (p) => ({ rules: p.rules })],
  ])('refuses %s with 400 VALIDATION_FAILED and keeps the policy', async (_what, change) => {
    const before = await policy();
    expectRefused(await put(change(before)), 400, ErrorCode.ValidationFailed);
    expect(await policy()).toEqual(before);
  });

  it.each(['supervisor1', 'agent1'])('refuses %s (403)', async (username) => {
    const before = await policy();
    expectRefused(await put(before, await login(t, username)), 403, ErrorCode.Forbidden);
    expectRefused(
      await t
        .http()
        .get('/api/admin/return-visit-policy')
        .set('Authorization', await login(t, username)),
      403,
      ErrorCode.Forbidden,
    );
  });
});
