import { ClockKind, ErrorCode, Priority, RatingLevel, TicketEventKind, TicketStatus } from '@utility/shared';
import {
  EAST_HEAT_ACCOUNT,
  countTickets,
  expectRefused,
  getTicket,
  login,
  queueIdsByCode,
  transition,
} from '../testing/api-fixtures';
import { planVisits, rated, resolveAs } from '../testing/feedback-fixtures';
import { Resident, bindAccount, countRows, myTickets, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

describe('complaints: filing, grading, first reply, compensation, and the loop', () => {
  let t: TestApp;
  let alice: Resident;
  let eve: Resident;
  let agent: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, eve] = await Promise.all([residentLogin(t, 'complaint-alice'), residentLogin(t, 'complaint-eve')]);
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    [agent, supervisor] = await Promise.all([login(t, 'agent1'), login(t, 'supervisor1')]);
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  const complain = (r: Resident, body: Record<string, unknown>, key?: string) => {
    const req = t.http().post('/api/complaints').set('Authorization', r.auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it("files a complaint once per Idempotency-Key and shows it in the resident's tickets", async () => {
    const before = await countTickets(t);
    const first = await complain(
      alice,
      { accountId: await myAccountId(), text: '上门维修师傅迟到两个小时' },
      'complaint-key-1',
    );
    expect(first.status).toBe(201);
    const again = await complain(
      alice,
      { accountId: await myAccountId(), text: '上门维修师傅迟到两个小时' },
      'complaint-key-1',
    );
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.ticketId).toBe(first.body.ticketId);
    expect(await countTickets(t)).toBe(before + 1);
    expect((await myTickets(t, alice)).map((v) => v.id)).toContain(first.body.ticketId);
    const queues = await queueIdsByCode(t);
    expect((await getTicket(t, agent, first.body.ticketId)).queueId).toBe(queues['complaint-east']);
  });

  it("refuses a bad body, another resident's ticket and an unbound account, creating nothing", async () => {
    const before = await countTickets(t);
    expectRefused(await complain(alice, { text: '短' }), 400, ErrorCode.ValidationFailed);
    const own = (await complain(alice, { text: '营业厅排队太久没人管' })).body.ticketId as number;
    expectRefused(await complain(eve, { ticketId: own, text: '我也要投诉这个工单' }), 404, ErrorCode.NotFound);
    expectRefused(
      await complain(eve, { accountId: await myAccountId(), text: '别人的户号投诉' }),
      404,
      ErrorCode.NotFound,
    );
    expect(await countTickets(t)).toBe(before + 1);
  });

  it('sends a grade-1 complaint to the supervisors, escalated; only a supervisor closes it or approves a compensation', async () => {
    const id = (await complain(alice, { text: '燃气公司工作人员辱骂老人' })).body.ticketId as number;
    expectRefused(
      await t.http().post(`/api/tickets/${id}/grade`).set('Authorization', agent).send({ grade: 4 }),
      400,
      ErrorCode.ValidationFailed,
    );
    const graded = await t.http().post(`/api/tickets/${id}/grade`).set('Authorization', agent).send({ grade: 1 });
    expect(graded.status).toBe(200);
    const queues = await queueIdsByCode(t);
    expect(graded.body).toMatchObject({ queueId: queues['complaint-supervisor-east'], priority: Priority.High });
    // Out of the agent's sight now; the supervisor sees it escalated.
    expectRefused(await t.http().get(`/api/tickets/${id}`).set('Authorization', agent), 404, ErrorCode.NotFound);
    const detail = await getTicket(t, supervisor, id);
    expect(detail.events.map((e) => e.kind)).toContain(TicketEventKind.Escalated);

    const admin = await login(t, 'admin');
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${id}/compensation`)
        .set('Authorization', admin)
        .send({ amountFen: 5000, reason: '赔礼道歉' }),
      403,
      ErrorCode.SupervisorOnly,
    );
    const comp = await t
      .http()
      .post(`/api/tickets/${id}/compensation`)
      .set('Authorization', supervisor)
      .send({ amountFen: 5000, reason: '赔礼道歉' });
    expect(comp.status).toBe(201);
    expect(comp.body).toMatchObject({ amountFen: 5000, approvedBy: '周主管' });

    await t.http().post(`/api/tickets/${id}/claim`).set('Authorization', supervisor).expect(200);
    await resolveAs(t, 'supervisor1', id, false);
    await planVisits(t);
    // The rating does not close a grade-1 complaint either: that is the supervisor's.
    await rated(t, alice, id, RatingLevel.Satisfied);
    expectRefused(await transition(t, admin, id, 'closed'), 403, ErrorCode.SupervisorOnly);
    expect((await transition(t, supervisor, id, 'closed')).status).toBe(200);
    const feedback = await t.http().get(`/api/tickets/${id}/feedback`).set('Authorization', supervisor).expect(200);
    expect(feedback.body).toMatchObject({
      grade: 1,
      gradeLabel: '一级',
      compensation: { amountFen: 5000 },
      anonymous: false,
    });
  });

  it('stops the first-reply clock when the first reply is recorded, once', async () => {
    const id = (await complain(alice, { text: '燃气表读数明显偏高' })).body.ticketId as number;
    const running = (await getTicket(t, agent, id)).clocks.find((c) => c.kind === ClockKind.FirstReply);
    expect(running).toMatchObject({ stoppedAt: null });
    expect(Date.parse(running!.dueAt) - Date.parse(running!.startedAt)).toBe(3 * 86_400_000);
    await t
      .http()
      .post(`/api/tickets/${id}/first-reply`)
      .set('Authorization', agent)
      .send({ text: '已安排核查表具' })
      .expect(200);
    expect(
      (await getTicket(t, agent, id)).clocks.find((c) => c.kind === ClockKind.FirstReply)?.stoppedAt,
    ).not.toBeNull();
    expectRefused(
      await t.http().post(`/api/tickets/${id}/first-reply`).set('Authorization', agent).send({ text: '再答复一次' }),
      409,
      ErrorCode.Conflict,
    );
  });

  it('opens a complaint linked to a complaint rated 不满意, visited and rated in turn', async () => {
    const id = (await complain(alice, { text: '客服电话一直打不通' })).body.ticketId as number;
    await t.http().post(`/api/tickets/${id}/claim`).set('Authorization', agent).expect(200);
    await resolveAs(t, 'agent1', id, false);
    await rated(t, alice, id, RatingLevel.Dissatisfied);
    const { no } = await getTicket(t, agent, id);
    const linked = (await myTickets(t, alice)).find((v) => v.description.includes(`关于工单${no}`));
    expect(linked).toBeDefined();
    const feedback = await t.http().get(`/api/tickets/${linked!.id}/feedback`).set('Authorization', agent).expect(200);
    expect(feedback.body.relatedTicket).toMatchObject({ id });
    expect((await getTicket(t, agent, id)).status).toBe(TicketStatus.Closed);
    await t.http().post(`/api/tickets/${linked!.id}/claim`).set('Authorization', agent).expect(200);
    await resolveAs(t, 'agent1', linked!.id, false);
    await planVisits(t);
    expect(await countRows(t, 'return_visit', { visitedTicketId: linked!.id })).toBe(1);
    expect((await rated(t, alice, linked!.id, RatingLevel.Satisfied)).resolution).toBe(1);
  });

  async function myAccountId(): Promise<number> {
    const res = await t.http().get('/api/accounts').set('Authorization', alice.auth).expect(200);
    return res.body[0].id;
  }
});
