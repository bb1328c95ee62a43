import { ErrorCode } from '@utility/shared';
import {
  EAST_HEAT_ACCOUNT,
  Staff,
  breachesOf,
  expectRefused,
  getTicket,
  login,
  minutes,
  signIn,
} from '../testing/api-fixtures';
import { Resident, bindAccount, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const MONDAY_10 = new Date('2026-12-07T02:00:00.000Z'); // Monday 10:00 Shanghai
/** Wednesday 09:00–12:00 Shanghai. */
const WEDNESDAY_MORNING = { start: '2026-12-09T09:00:00+08:00', end: '2026-12-09T12:00:00+08:00' };

/** docs/domain.md#clocks: an appointment is the deadline, and calling the resident is a step of its own. */
describe('appointments and the contact clock', () => {
  let t: TestApp;
  let dispatcher: string;
  let tech1: Staff;
  let tech2: Staff;
  let alice: Resident;
  let accountId: number;

  beforeAll(async () => {
    t = await startTestApp();
    t.setNow(MONDAY_10);
    [dispatcher, tech1, tech2, alice] = await Promise.all([
      login(t, 'dispatcher1'),
      signIn(t, 'tech1'),
      signIn(t, 'tech2'),
      residentLogin(t, 'appointment-alice'),
    ]);
    [{ id: accountId }] = await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(MONDAY_10));

  async function bookedRepair(window: { start: string; end: string } | undefined, tech?: Staff): Promise<number> {
    const res = await t.http().post('/api/repairs').set('Authorization', alice.auth).send({
      accountId,
      category: 'no_gas',
      description: '灶具打不着火',
      photoIds: [],
      contactPhone: '13712345678',
      window,
    });
    expect(res.status).toBe(201);
    if (tech) {
      await t
        .http()
        .post(`/api/tickets/${res.body.id}/assign`)
        .set('Authorization', dispatcher)
        .send({ staffId: tech.staff.id })
        .expect(200);
    }
    return res.body.id;
  }
  const field = (who: Staff, id: number, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/field/jobs/${id}/${action}`).set('Authorization', who.auth).send(body);
  const contacted = (who: string, id: number, body: Record<string, unknown>) =>
    t.http().post(`/api/tickets/${id}/contacted`).set('Authorization', who).send(body);
  const clockOf = async (id: number, kind: string) =>
    (await getTicket(t, dispatcher, id)).clocks.find((c) => c.kind === kind)!;

  it('puts on-site at the window end and resolve 24 h after it; contact stays 30 min from the report', async () => {
    const id = await bookedRepair(WEDNESDAY_MORNING);
    const ticket = await getTicket(t, dispatcher, id);
    expect(ticket).toMatchObject({
      windowStart: '2026-12-09T01:00:00.000Z',
      windowEnd: '2026-12-09T04:00:00.000Z',
      deadlines: {
        contactBy: '2026-12-07T02:30:00.000Z',
        onSiteBy: '2026-12-09T04:00:00.000Z',
        resolveBy: '2026-12-10T04:00:00.000Z',
      },
    });
    const mine = await t.http().get(`/api/my/tickets/${id}`).set('Authorization', alice.auth);
    expect(mine.body).toMatchObject({ windowStart: '2026-12-09T01:00:00.000Z', windowEnd: '2026-12-09T04:00:00.000Z' });
  });

  it('counts a booked repair met in its window as on time, and wants a reason to set off before it', async () => {
    const id = await bookedRepair(WEDNESDAY_MORNING, tech1);
    t.setNow(new Date('2026-12-08T06:00:00Z')); // Tuesday afternoon: a day early
    expectRefused(await field(tech1, id, 'depart', { etaMinutes: 30 }), 422, ErrorCode.DepartureReasonRequired);
    t.setNow(new Date('2026-12-09T01:30:00Z')); // Wednesday 09:30, in the window
    await t.sweep();
    expect((await field(tech1, id, 'depart', { etaMinutes: 30 })).status).toBe(200);
    t.setNow(new Date('2026-12-09T02:10:00Z'));
    expect((await field(tech1, id, 'arrive')).status).toBe(200);
    await t.sweep();
    const onSite = await clockOf(id, 'on_site');
    expect(onSite).toMatchObject({ stoppedAt: '2026-12-09T02:10:00.000Z', breached: false });
    expect((await breachesOf(t, id)).map((b) => b.clock)).not.toContain('on_site');
  });

  it('records a late contact when nobody called the resident for 40 minutes; only the assignee records the call', async () => {
    const id = await bookedRepair(undefined, tech1);
    expectRefused(await contacted(tech2.auth, id, { note: '已电话联系' }), 403, ErrorCode.NotAssignee);
    t.setNow(minutes(MONDAY_10, 40));
    await t.sweep();
    const res = await contacted(tech1.auth, id, { note: '已电话联系，约今天下午' });
    expect(res.status).toBe(200);
    expect(res.body.clocks.find((c: { kind: string }) => c.kind === 'contact')).toMatchObject({
      stoppedAt: minutes(MONDAY_10, 40).toISOString(),
      breached: true,
    });
    expect((await breachesOf(t, id)).map((b) => b.clock)).toContain('contact');
    const detail = await getTicket(t, dispatcher, id);
    expect(detail.events.map((e) => e.kind)).toContain('contacted');
  });

  it('stops the contact clock on time when the call is made within 30 minutes, agreeing a window the clocks follow', async () => {
    const id = await bookedRepair(undefined, tech1);
    t.setNow(minutes(MONDAY_10, 20));
    const res = await contacted(tech1.auth, id, {
      note: '已联系，约周三上午',
      agreedWindow: WEDNESDAY_MORNING,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      windowEnd: '2026-12-09T04:00:00.000Z',
      deadlines: { onSiteBy: '2026-12-09T04:00:00.000Z', resolveBy: '2026-12-10T04:00:00.000Z' },
    });
    expect(res.body.clocks.find((c: { kind: string }) => c.kind === 'contact')).toMatchObject({ breached: false });
  });

  it('moves a window on request (dispatcher or resident) with an event, and never erases a breach already recorded', async () => {
    const id = await bookedRepair({ start: '2026-12-07T14:00:00+08:00', end: '2026-12-07T18:00:00+08:00' }, tech1);
    t.setNow(new Date('2026-12-07T10:30:00Z')); // 18:30: the window has passed, nobody came
    await t.sweep();
    expect((await breachesOf(t, id)).map((b) => b.clock)).toContain('on_site');

    // The resident can no longer move a window that has begun; the dispatcher still can, before anyone sets off.
    expectRefused(
      await t
        .http()
        .post(`/api/my/tickets/${id}/window`)
        .set('Authorization', alice.auth)
        .send({ windowStart: WEDNESDAY_MORNING.start, windowEnd: WEDNESDAY_MORNING.end }),
      409,
      ErrorCode.WindowNotMovable,
    );
    const moved = await t.http().post(`/api/tickets/${id}/window`).set('Authorization', dispatcher).send({
      windowStart: WEDNESDAY_MORNING.start,
      windowEnd: WEDNESDAY_MORNING.end,
      reason: '师傅临时有抢修，与用户改约',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.deadlines.onSiteBy).toBe('2026-12-09T04:00:00.000Z');
    expect((await breachesOf(t, id)).map((b) => b.clock)).toContain('on_site');
    const events = (await getTicket(t, dispatcher, id)).events;
    expect(events.find((e) => e.kind === 'window_moved')).toMatchObject({ note: '师傅临时有抢修，与用户改约' });

    // The resident moves it again to Thursday morning, before it begins.
    const again = await t
      .http()
      .post(`/api/my/tickets/${id}/window`)
      .set('Authorization', alice.auth)
      .send({ windowStart: '2026-12-10T09:00:00+08:00', windowEnd: '2026-12-10T12:00:00+08:00' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ windowStart: '2026-12-10T01:00:00.000Z' });
    expect((await getTicket(t, dispatcher, id)).deadlines.onSiteBy).toBe('2026-12-10T04:00:00.000Z');
  });

  it('refuses a bad window and a move once the technician set off', async () => {
    const id = await bookedRepair(undefined, tech1);
    const move = (body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/tickets/${id}/window`)
        .set('Authorization', dispatcher)
        .send({ reason: '用户改约', ...body });
    expectRefused(
      await move({ windowStart: '2026-12-06T09:00:00+08:00', windowEnd: '2026-12-06T12:00:00+08:00' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(
      await move({ windowStart: '2026-12-09T09:00:00+08:00', windowEnd: '2026-12-09T18:00:00+08:00' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(await move({ windowStart: 'tomorrow' }), 400, ErrorCode.ValidationFailed);
    expect((await field(tech1, id, 'depart', { etaMinutes: 20 })).status).toBe(200);
    expectRefused(
      await move({ windowStart: WEDNESDAY_MORNING.start, windowEnd: WEDNESDAY_MORNING.end }),
      409,
      ErrorCode.WindowNotMovable,
    );
    expect((await getTicket(t, dispatcher, id)).windowStart).toBeNull();
  });
});
