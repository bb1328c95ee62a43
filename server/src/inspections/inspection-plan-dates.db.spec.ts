import { ErrorCode, InspectionPlanView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { NoticeSender } from '../notifications/notice-sender.service';
import { expectRefused, login } from '../testing/api-fixtures';
import { MONDAY, createPlan, districtOf, slotRow, slotsOf } from '../testing/inspection-fixtures';
import {
  Resident,
  bindAccount,
  fakeWechat,
  noticeTemplates,
  openidOf,
  residentLogin,
} from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** PATCH /api/staff/inspection-plans/:id with new dates: dropped days close and their residents are told, new days open. */
describe('inspection plan date changes', () => {
  let t: TestApp;
  let supervisor: string;
  let alice: Resident;
  let bob: Resident;
  let ids: { alice: number; bob: number };

  beforeAll(async () => {
    t = await startTestApp();
    t.setNow(MONDAY);
    [supervisor, alice, bob] = await Promise.all([
      login(t, 'supervisor1'),
      residentLogin(t, 'dates-alice'),
      residentLogin(t, 'dates-bob'),
    ]);
    ids = {
      alice: (await bindAccount(t, alice, '9100000006'))[0].id,
      bob: (await bindAccount(t, bob, '9100000007'))[0].id,
    };
  });
  afterAll(() => t.close());

  const patch = (id: number, body: Record<string, unknown>) =>
    t
      .http()
      .patch(`/api/staff/inspection-plans/${id}`)
      .set('Authorization', supervisor)
      .send({ reason: '人手调整', ...body });
  const dates = async (planId: number) =>
    (await slotsOf(t, alice, ids.alice, planId)).map((s) => `${s.date} ${s.left}`);
  const book = async (r: Resident, accountId: number, slotId: number) => {
    const res = await t.http().post('/api/inspections').set('Authorization', r.auth).send({ accountId, slotId });
    expect(res.status).toBe(201);
    const templates = await noticeTemplates(t);
    await t
      .http()
      .post(`/api/my/tickets/${res.body.ticket.id}/subscriptions`)
      .set('Authorization', r.auth)
      .send({ templateIds: [templates.inspection] })
      .expect(201);
    return res.body as { id: number; ticket: { id: number } };
  };
  const told = async (r: Resident) => {
    await t.app.get(NoticeSender).sendDue();
    const openid = await openidOf(t, r.resident.id);
    return fakeWechat(t)
      .messages()
      .filter((m) => m.touser === openid)
      .map((m) => m.data.thing1.value);
  };

  it('extends a plan with working days, shortens it cancelling the dropped bookings, and reopens days brought back', async () => {
    const plan = await createPlan(t, supervisor, { districtId: await districtOf(t, '9100000006') });
    const longer = await patch(plan.id, { endDate: '2026-12-15' });
    expect(longer.status).toBe(200);
    expect((longer.body as InspectionPlanView).endDate).toBe('2026-12-15');
    expect(await dates(plan.id)).toEqual([
      '2026-12-09 3',
      '2026-12-10 3',
      '2026-12-11 3',
      '2026-12-14 3',
      '2026-12-15 3',
    ]);

    const [, thu, fri] = await slotsOf(t, alice, ids.alice, plan.id);
    const friday = await book(alice, ids.alice, fri.id);
    await book(bob, ids.bob, thu.id);
    expect((await patch(plan.id, { endDate: '2026-12-10', reason: '管网检修' })).status).toBe(200);
    expect(await dates(plan.id)).toEqual(['2026-12-09 3', '2026-12-10 2']);
    const [mine] = (await t.http().get(`/api/inspections?accountId=${ids.alice}`).set('Authorization', alice.auth))
      .body;
    expect(mine).toMatchObject({ id: friday.id, state: 'cancelled', ticket: { status: 'cancelled' } });
    expect(await slotRow(t, fri.id)).toEqual({ booked: 0, capacity: 3 });
    expect(await told(alice)).toEqual(['安检日期调整：管网检修']);
    expect(await told(bob)).toEqual([]);

    expect((await patch(plan.id, { endDate: '2026-12-11' })).status).toBe(200);
    expect(await dates(plan.id)).toEqual(['2026-12-09 3', '2026-12-10 2', '2026-12-11 3']);
    const rows = await t.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM inspection_slot WHERE planId = ?', [plan.id]);
    expect(Number(rows[0].n)).toBe(5); // Friday reopened, not duplicated; next week's days stay closed
  });

  it('refuses to move days that are today or past, or an end before the start, and changes nothing', async () => {
    const plan = await createPlan(t, supervisor, { districtId: await districtOf(t, '9100000006') });
    t.setNow(new Date('2026-12-09T02:00:00Z')); // Wednesday, the plan's first day
    try {
      expectRefused(await patch(plan.id, { startDate: '2026-12-10' }), 422, ErrorCode.ValidationFailed);
      expectRefused(await patch(plan.id, { endDate: '2026-12-08' }), 422, ErrorCode.ValidationFailed);
      expectRefused(await patch(plan.id, { endDate: '2026-12-11', reason: '' }), 400, ErrorCode.ValidationFailed);
      const view = (await t.http().get('/api/staff/inspection-plans').set('Authorization', supervisor)).body.find(
        (p: InspectionPlanView) => p.id === plan.id,
      );
      expect(view).toMatchObject({ startDate: '2026-12-09', endDate: '2026-12-11', slotCount: 3 });
      expect((await patch(plan.id, { endDate: '2026-12-14', capacity: 4 })).body).toMatchObject({
        endDate: '2026-12-14',
        capacity: 4,
        slotCount: 4,
      });
    } finally {
      t.setNow(MONDAY);
    }
  });
});
