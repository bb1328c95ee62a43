import { ErrorCode } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { auditOf } from '../testing/rota-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** GET /api/admin/calendar?year= and /status: the working calendar and the next-year warning. */
describe('the working calendar (admin)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
  });
  afterAll(() => {
    t.setNow(new Date());
    return t.close();
  });

  const get = (path: string, auth = admin) => t.http().get(path).set('Authorization', auth);

  it("shows a year's holidays and make-up days, and an override with its note once saved (logged)", async () => {
    const before = (await get('/api/admin/calendar?year=2026').expect(200)).body;
    expect(before).toMatchObject({ year: 2026, libraryCovers: true });
    expect(before.days).toContainEqual({ date: '2026-10-10', working: true, name: '国庆节', source: 'library' });
    expect(before.days.find((d: { date: string }) => d.date === '2026-10-12')).toBeUndefined();
    await t
      .http()
      .put('/api/admin/calendar/2026-10-12')
      .set('Authorization', admin)
      .send({ working: false, note: '临时停工' })
      .expect(200);
    const after = (await get('/api/admin/calendar?year=2026').expect(200)).body;
    expect(after.days).toContainEqual({ date: '2026-10-12', working: false, name: '临时停工', source: 'override' });
    expect((await auditOf(t, 'calendar_day', '2026-10-12'))[0]).toMatchObject({
      action: 'calendar_day.update',
      before: null,
      after: { date: '2026-10-12', working: false, note: '临时停工' },
    });
  });

  it('warns in December 2026 that 2027 has no holiday data, until the operator enters a day off in 2027', async () => {
    t.setNow(new Date('2026-12-07T02:00:00Z'));
    const missing = (await get('/api/admin/calendar/status').expect(200)).body;
    expect(missing).toEqual({
      year: 2026,
      nextYear: 2027,
      nextYearCovered: false,
      warning: expect.stringContaining('2027年'),
    });
    expect((await get('/api/admin/calendar?year=2027').expect(200)).body).toEqual({
      year: 2027,
      libraryCovers: false,
      days: [],
    });
    await t
      .http()
      .put('/api/admin/calendar/2027-01-01')
      .set('Authorization', admin)
      .send({ working: false, note: '元旦' })
      .expect(200);
    expect((await get('/api/admin/calendar/status').expect(200)).body).toMatchObject({
      nextYearCovered: true,
      warning: null,
    });
  });

  it('has no warning in 2025, when 2026 was known', async () => {
    t.setNow(new Date('2025-06-01T02:00:00Z'));
    expect((await get('/api/admin/calendar/status').expect(200)).body).toMatchObject({
      nextYear: 2026,
      nextYearCovered: true,
      warning: null,
    });
  });

  it('refuses a year that is not one (400) and anyone but an admin (403)', async () => {
    expectRefused(await get('/api/admin/calendar?year=next'), 400, ErrorCode.ValidationFailed);
    expectRefused(await get('/api/admin/calendar'), 400, ErrorCode.ValidationFailed);
    expectRefused(await get('/api/admin/calendar/status', await login(t, 'supervisor1')), 403, ErrorCode.Forbidden);
  });
});
