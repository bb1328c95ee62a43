import { ClockKind, ErrorCode, RatingLevel, ResidentStep, TicketStatus, TicketType } from '@utility/shared';
import { EAST_HEAT_ACCOUNT, expectRefused, getTicket, login, signIn, ticketState } from '../testing/api-fixtures';
import { attempt, openVisits, planVisits, rate, rated, reResolve, resolvedRepair, visitOf } from '../testing/feedback-fixtures';
import { Resident, bindAccount, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';
import { ReturnVisitWorker } from './return-visit-worker.service';

const HOUR = 3_600_000;

/** The closed loop at API level: resolved → visit due in 24 h → 不满意 → reopened → resolved again → visited and rated again. */
describe('feedback loop: ratings, return visits, reopening', () => {
  let t: TestApp;
  let alice: Resident;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await residentLogin(t, 'loop-alice');
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  it('visits a resolved repair within 24 h, reopens it on 不满意, and visits and rates the second resolution', async () => {
    const resolvedAt = new Date('2026-11-20T02:00:00Z');
    t.setNow(resolvedAt);
    const id = await resolvedRepair(t);
    await planVisits(t);
    const first = await visitOf(t, id);
    expect(first).toMatchObject({ reason: 'policy', dueAt: new Date(resolvedAt.getTime() + 24 * HOUR).toISOString(), disaster: false, attemptsLeft: 3 });
    expect(first!.clocks.find((c) => c.kind === ClockKind.Resolve)?.dueAt).toBe(first!.dueAt);
    expect(first!.visited.handledBy).toBe('张师傅');

    const view = await myTicket(t, alice, id);
    expect(view.rating).toMatchObject({ canRate: true, rated: null, closesAt: '2026-11-27T02:00:00.000Z' });

    t.setNow(new Date(resolvedAt.getTime() + 2 * HOUR));
    const bad = await rated(t, alice, id, RatingLevel.Dissatisfied);
    expect(bad).toMatchObject({ resolution: 1, level: RatingLevel.Dissatisfied, levelLabel: '不满意' });
    const reopened = await myTicket(t, alice, id);
    expect(reopened).toMatchObject({ no: view.no, step: ResidentStep.Accepted, rating: { canRate: false } });
    expect(reopened.timeline.map((s) => s.step)).toContain(ResidentStep.Reopened);
    const staffView = await getTicket(t, await login(t, 'dispatcher1'), id);
    expect(staffView.status).toBe(TicketStatus.Accepted);
    expect(staffView.clocks.find((c) => c.kind === ClockKind.Resolve)?.stoppedAt).toBeNull();

    // The first visit still stands; its "fixed" no longer closes anything: the work is back out.
    const stale = await attempt(t, first!.id, { reached: true, level: RatingLevel.Dissatisfied, fixed: false, note: '居民说还没修好' });
    expect(stale.status).toBe(201);
    expect(stale.body).toMatchObject({ outcome: 'not_fixed', status: TicketStatus.Closed, followUp: null });
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Accepted);

    const secondResolvedAt = new Date(resolvedAt.getTime() + 5 * HOUR);
    t.setNow(secondResolvedAt);
    await reResolve(t, id);
    await planVisits(t);
    const second = await visitOf(t, id, 2);
    expect(second).toMatchObject({ reason: 'policy', dueAt: new Date(secondResolvedAt.getTime() + 24 * HOUR).toISOString() });
    expect((await myTicket(t, alice, id)).rating).toMatchObject({ canRate: true, rated: null });

    const good = await rated(t, alice, id, RatingLevel.VerySatisfied);
    expect(good.resolution).toBe(2);
    // A visit is due: the rating alone does not close the ticket.
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Resolved);

    expectRefused(await attempt(t, second!.id, { reached: true, note: '' }), 400, ErrorCode.ValidationFailed);
    expect((await attempt(t, second!.id, { reached: false, note: '无人接听' })).body).toMatchObject({ attemptsLeft: 2, outcome: null });
    const done = await attempt(t, second!.id, { reached: true, level: RatingLevel.VerySatisfied, fixed: true, note: '已修好' });
    expect(done.body).toMatchObject({ outcome: 'fixed', attemptsLeft: 0, status: TicketStatus.Closed });
    expect(done.body.attempts.map((a: { reached: boolean }) => a.reached)).toEqual([false, true]);
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Closed);
    expect((await openVisits(t)).some((v) => v.visited.id === id)).toBe(false);
    expectRefused(await attempt(t, second!.id, { reached: false, note: '' }), 409, ErrorCode.VisitAttemptsUsed);

    const mine = await t.http().get('/api/staff/me/ratings').set('Authorization', await login(t, 'tech1')).expect(200);
    const ours = mine.body.items.filter((r: { ticketId: number }) => r.ticketId === id);
    expect(ours.map((r: { level: string }) => r.level)).toEqual([RatingLevel.VerySatisfied, RatingLevel.Dissatisfied]);
    expect(mine.body.counts[RatingLevel.Dissatisfied]).toBeGreaterThanOrEqual(1);
    const onTicket = await t.http().get(`/api/tickets/${id}/feedback`).set('Authorization', await login(t, 'dispatcher1')).expect(200);
    expect(onTicket.body.ratings.map((r: { resolution: number }) => r.resolution)).toEqual([1, 2]);
  });

  it('reopens the work when the visit finds it not fixed, and visits the next resolution', async () => {
    t.setNow(new Date('2026-11-21T02:00:00Z'));
    const id = await resolvedRepair(t);
    await planVisits(t);
    const visit = await visitOf(t, id);
    const res = await attempt(t, visit!.id, { reached: true, level: RatingLevel.FairlySatisfied, fixed: false, note: '暖气还是不热' });
    expect(res.body).toMatchObject({ outcome: 'not_fixed', followUp: { kind: 'reopened', ticketId: id } });
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Accepted);
    await reResolve(t, id);
    await planVisits(t);
    expect(await visitOf(t, id, 2)).toBeDefined();
  });

  it('closes after three unanswered calls, and refuses a fourth', async () => {
    t.setNow(new Date('2026-11-21T03:00:00Z'));
    const id = await resolvedRepair(t);
    await planVisits(t);
    const visit = (await visitOf(t, id))!;
    for (const left of [2, 1]) expect((await attempt(t, visit.id, { reached: false, note: '无人接听' })).body.attemptsLeft).toBe(left);
    expect((await attempt(t, visit.id, { reached: false, note: '关机' })).body).toMatchObject({ outcome: 'unreachable', attemptsLeft: 0 });
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Closed);
    expectRefused(await attempt(t, visit.id, { reached: false, note: '' }), 409, ErrorCode.VisitAttemptsUsed);
    // Closed by its visit, it may still be rated within the window.
    expect((await rate(t, alice, id, RatingLevel.Satisfied)).status).toBe(201);
  });

  it('gives field work finished in a declared disaster 48 h', async () => {
    const supervisor = await signIn(t, 'supervisor1');
    const at = new Date('2026-11-22T02:00:00Z');
    const declared = await t.http().post('/api/disasters').set('Authorization', supervisor.auth)
      .send({ startsAt: '2026-11-22T00:00:00Z', endsAt: '2026-11-23T00:00:00Z', districtId: supervisor.staff.districtId, note: '寒潮' });
    expect(declared.status).toBe(201);
    expectRefused(await t.http().post('/api/disasters').set('Authorization', await login(t, 'agent1'))
      .send({ startsAt: '2026-11-22T00:00:00Z', endsAt: '2026-11-23T00:00:00Z', note: '寒潮' }), 403, ErrorCode.Forbidden);
    t.setNow(at);
    const id = await resolvedRepair(t, EAST_HEAT_ACCOUNT, TicketType.RoomTemperature);
    await planVisits(t);
    expect(await visitOf(t, id)).toMatchObject({ disaster: true, dueAt: new Date(at.getTime() + 48 * HOUR).toISOString() });
  });

  it('creates one task per resolution however often and by how many planners it runs', async () => {
    t.setNow(new Date('2026-11-21T04:00:00Z'));
    const id = await resolvedRepair(t);
    const second = await startSecondInstance(t);
    try {
      await Promise.all([planVisits(t), second.get(ReturnVisitWorker).runOnce(), planVisits(t)]);
      await planVisits(t);
    } finally {
      await second.close();
    }
    expect((await openVisits(t)).filter((v) => v.visited.id === id)).toHaveLength(1);
  });
});
