import {
  ClockKind,
  ErrorCode,
  RatingLevel,
  ResidentStep,
  TicketEventKind,
  TicketStatus,
  TicketType,
} from '@utility/shared';
import { DataSource } from 'typeorm';
import {
  EAST_HEAT_ACCOUNT,
  expectRefused,
  getTicket,
  login,
  queueIdsByCode,
  signIn,
  ticketState,
} from '../testing/api-fixtures';
import {
  attempt,
  openVisits,
  planVisits,
  rate,
  rated,
  reResolve,
  resolveAs,
  resolvedRepair,
  visitOf,
} from '../testing/feedback-fixtures';
import { Resident, bindAccount, countRows, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startSecondInstance, startTestApp } from '../testing/test-app';
import { ReturnVisitWorker } from './return-visit-worker.service';

const HOUR = 3_600_000;

/** The closed loop at API level: resolved → visit due in 24 h → 不满意 → a complaint (dissatisfied) or the work reopened (not fixed) → visited and rated again. */
describe('feedback loop: ratings, return visits, complaints, reopening', () => {
  let t: TestApp;
  let alice: Resident;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await residentLogin(t, 'loop-alice');
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  /** The one complaint the loop opened about a ticket, as staff see it. */
  async function linkedComplaint(ticketId: number) {
    const rows: { ticketId: number }[] = await t.app
      .get(DataSource)
      .query('SELECT ticketId FROM complaint_case WHERE relatedTicketId = ?', [ticketId]);
    expect(rows).toHaveLength(1);
    return getTicket(t, await login(t, 'agent1'), rows[0].ticketId);
  }

  it('visits a resolved repair within 24 h; 不满意 opens a linked complaint with its clocks, resolved, visited within 5 working days and rated', async () => {
    const resolvedAt = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 in Shanghai
    t.setNow(resolvedAt);
    const id = await resolvedRepair(t);
    await planVisits(t);
    const first = await visitOf(t, id);
    expect(first).toMatchObject({
      reason: 'policy',
      dueAt: new Date(resolvedAt.getTime() + 24 * HOUR).toISOString(),
      disaster: false,
      attemptsLeft: 3,
    });
    expect(first!.clocks.find((c) => c.kind === ClockKind.Resolve)?.dueAt).toBe(first!.dueAt);
    expect(first!.visited.handledBy).toBe('张师傅');
    const view = await myTicket(t, alice, id);
    expect(view.rating).toMatchObject({ canRate: true, rated: null, closesAt: '2026-11-27T02:00:00.000Z' });

    // 不满意 with the service: a complaint about the repair, new in the district's complaint queue, its clocks running.
    t.setNow(new Date(resolvedAt.getTime() + 2 * HOUR));
    const bad = await rated(t, alice, id, RatingLevel.Dissatisfied);
    expect(bad).toMatchObject({ resolution: 1, level: RatingLevel.Dissatisfied, levelLabel: '不满意' });
    const agent = await login(t, 'agent1');
    const complaint = await linkedComplaint(id);
    const queues = await queueIdsByCode(t);
    const queued = await t
      .http()
      .get(`/api/queues/${queues['complaint-east']}/tickets`)
      .set('Authorization', agent)
      .expect(200);
    expect(queued.body.find((r: { id: number }) => r.id === complaint.id)).toMatchObject({
      type: TicketType.Complaint,
      status: TicketStatus.Submitted,
      description: `关于工单${view.no}：居民评价不满意`,
    });
    expect(complaint.clocks.map((c) => [c.kind, c.stoppedAt])).toEqual([
      [ClockKind.Respond, null],
      [ClockKind.FirstReply, null],
      [ClockKind.Resolve, null],
    ]);
    // The repair itself is closed, pointing at the complaint; the resident sees their rating on it.
    const repair = await getTicket(t, agent, id);
    expect(repair.status).toBe(TicketStatus.Closed);
    expect(repair.events.at(-1)).toMatchObject({ toStatus: TicketStatus.Closed, note: `已转投诉 ${complaint.no}` });
    expect((await myTicket(t, alice, id)).rating).toMatchObject({
      canRate: false,
      rated: { level: RatingLevel.Dissatisfied },
    });

    // The repair's visit still stands: 不满意 again, but fixed → noted on the same complaint, not a second one.
    const visited = await attempt(t, first!.id, {
      reached: true,
      level: RatingLevel.Dissatisfied,
      fixed: true,
      note: '暖气好了，但师傅态度差',
    });
    expect(visited.body).toMatchObject({
      outcome: 'fixed',
      status: TicketStatus.Closed,
      followUp: { kind: 'complaint', ticketId: complaint.id },
    });
    expect(await countRows(t, 'complaint_case', { relatedTicketId: id })).toBe(1);
    expect((await getTicket(t, agent, complaint.id)).events.at(-1)).toMatchObject({
      kind: TicketEventKind.Note,
      note: `关于工单${view.no}：回访居民不满意`,
    });
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Closed);

    // The agent grades, answers and resolves the complaint; its visit is due within 5 working days.
    const complaintResolvedAt = new Date(resolvedAt.getTime() + 4 * HOUR); // Friday 14:00
    t.setNow(complaintResolvedAt);
    await t.http().post(`/api/tickets/${complaint.id}/claim`).set('Authorization', agent).expect(200);
    await t
      .http()
      .post(`/api/tickets/${complaint.id}/grade`)
      .set('Authorization', agent)
      .send({ grade: 3 })
      .expect(200);
    await t
      .http()
      .post(`/api/tickets/${complaint.id}/first-reply`)
      .set('Authorization', agent)
      .send({ text: '已致电致歉，明早重新上门' })
      .expect(200);
    await resolveAs(t, 'agent1', complaint.id, false);
    await planVisits(t);
    const complaintVisit = await visitOf(t, complaint.id);
    // Mon 23 … Fri 27 November: due at the end of Friday, Shanghai time.
    expect(complaintVisit).toMatchObject({ reason: 'policy', dueAt: '2026-11-27T16:00:00.000Z' });
    const done = await attempt(t, complaintVisit!.id, {
      reached: true,
      level: RatingLevel.VerySatisfied,
      fixed: true,
      note: '居民表示满意',
    });
    expect(done.body).toMatchObject({ outcome: 'fixed', followUp: null });
    expect((await ticketState(t, complaint.id)).ticket.status).toBe(TicketStatus.Closed);
    expect((await rated(t, alice, complaint.id, RatingLevel.VerySatisfied)).resolution).toBe(1);

    const tech = await t
      .http()
      .get('/api/staff/me/ratings')
      .set('Authorization', await login(t, 'tech1'))
      .expect(200);
    expect(
      tech.body.items.filter((r: { ticketId: number }) => r.ticketId === id).map((r: { level: string }) => r.level),
    ).toEqual([RatingLevel.Dissatisfied]);
    const mine = await t.http().get('/api/staff/me/ratings').set('Authorization', agent).expect(200);
    expect(
      mine.body.items
        .filter((r: { ticketId: number }) => r.ticketId === complaint.id)
        .map((r: { level: string }) => r.level),
    ).toEqual([RatingLevel.VerySatisfied]);
    expect((await openVisits(t)).some((v) => v.visited.id === id || v.visited.id === complaint.id)).toBe(false);
  });

  it('reopens a repair handed to a complaint by its rating when its visit then finds it not fixed', async () => {
    t.setNow(new Date('2026-11-23T02:00:00Z'));
    const id = await resolvedRepair(t);
    await planVisits(t);
    const visit = await visitOf(t, id);
    await rated(t, alice, id, RatingLevel.Dissatisfied);
    const complaint = await linkedComplaint(id);
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Closed);
    const res = await attempt(t, visit!.id, {
      reached: true,
      level: RatingLevel.Dissatisfied,
      fixed: false,
      note: '暖气还是不热',
    });
    expect(res.body).toMatchObject({ outcome: 'not_fixed', followUp: { kind: 'reopened', ticketId: id } });
    const reopened = await getTicket(t, await login(t, 'dispatcher1'), id);
    expect(reopened.status).toBe(TicketStatus.Accepted);
    expect(reopened.clocks.find((c) => c.kind === ClockKind.Resolve && c.stoppedAt === null)).toBeDefined();
    expect((await myTicket(t, alice, id)).timeline.map((s) => s.step)).toContain(ResidentStep.Reopened);
    // The complaint goes on by itself, still waiting for an agent.
    expect((await ticketState(t, complaint.id)).ticket.status).toBe(TicketStatus.Submitted);
    await reResolve(t, id);
    await planVisits(t);
    const second = await visitOf(t, id, 2);
    expect(second).toMatchObject({ reason: 'policy' });
    expect((await rated(t, alice, id, RatingLevel.Satisfied)).resolution).toBe(2);
    // A visit is due: the rating alone does not close the ticket.
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Resolved);

    expectRefused(await attempt(t, second!.id, { reached: true, note: '' }), 400, ErrorCode.ValidationFailed);
    expect((await attempt(t, second!.id, { reached: false, note: '无人接听' })).body).toMatchObject({
      attemptsLeft: 2,
      outcome: null,
    });
    const done = await attempt(t, second!.id, {
      reached: true,
      level: RatingLevel.VerySatisfied,
      fixed: true,
      note: '已修好',
    });
    expect(done.body).toMatchObject({ outcome: 'fixed', attemptsLeft: 0, status: TicketStatus.Closed });
    expect(done.body.attempts.map((a: { reached: boolean }) => a.reached)).toEqual([false, true]);
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Closed);
    expectRefused(await attempt(t, second!.id, { reached: false, note: '' }), 409, ErrorCode.VisitAttemptsUsed);
    const onTicket = await t
      .http()
      .get(`/api/tickets/${id}/feedback`)
      .set('Authorization', await login(t, 'dispatcher1'))
      .expect(200);
    expect(onTicket.body.ratings.map((r: { resolution: number }) => r.resolution)).toEqual([1, 2]);
  });

  it('reopens the work when the visit finds it not fixed, and visits the next resolution', async () => {
    t.setNow(new Date('2026-11-21T02:00:00Z'));
    const id = await resolvedRepair(t);
    await planVisits(t);
    const visit = await visitOf(t, id);
    const res = await attempt(t, visit!.id, {
      reached: true,
      level: RatingLevel.FairlySatisfied,
      fixed: false,
      note: '暖气还是不热',
    });
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
    for (const left of [2, 1])
      expect((await attempt(t, visit.id, { reached: false, note: '无人接听' })).body.attemptsLeft).toBe(left);
    expect((await attempt(t, visit.id, { reached: false, note: '关机' })).body).toMatchObject({
      outcome: 'unreachable',
      attemptsLeft: 0,
    });
    expect((await ticketState(t, id)).ticket.status).toBe(TicketStatus.Closed);
    expectRefused(await attempt(t, visit.id, { reached: false, note: '' }), 409, ErrorCode.VisitAttemptsUsed);
    // Closed by its visit, it may still be rated within the window.
    expect((await rate(t, alice, id, RatingLevel.Satisfied)).status).toBe(201);
  });

  it('gives field work finished in a declared disaster 48 h', async () => {
    const supervisor = await signIn(t, 'supervisor1');
    const at = new Date('2026-11-22T02:00:00Z');
    const declared = await t.http().post('/api/disasters').set('Authorization', supervisor.auth).send({
      startsAt: '2026-11-22T00:00:00Z',
      endsAt: '2026-11-23T00:00:00Z',
      districtId: supervisor.staff.districtId,
      note: '寒潮',
    });
    expect(declared.status).toBe(201);
    expectRefused(
      await t
        .http()
        .post('/api/disasters')
        .set('Authorization', await login(t, 'agent1'))
        .send({ startsAt: '2026-11-22T00:00:00Z', endsAt: '2026-11-23T00:00:00Z', note: '寒潮' }),
      403,
      ErrorCode.Forbidden,
    );
    t.setNow(at);
    const id = await resolvedRepair(t, EAST_HEAT_ACCOUNT, TicketType.RoomTemperature);
    await planVisits(t);
    expect(await visitOf(t, id)).toMatchObject({
      disaster: true,
      dueAt: new Date(at.getTime() + 48 * HOUR).toISOString(),
    });
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
