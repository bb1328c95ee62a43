import {
  ClockKind,
  ErrorCode,
  KnowledgeArticleSummary,
  ResidentTicketView,
  TicketEventKind,
  TicketStatus,
  TicketView,
} from '@utility/shared';
import { NoticePlanner } from '../notifications/notice-planner.service';
import { NoticeSender } from '../notifications/notice-sender.service';
import {
  EAST_HEAT_ACCOUNT,
  breachesOf,
  call,
  countTickets,
  createTicket,
  expectRefused,
  getTicket,
  login,
  queueIdsByCode,
} from '../testing/api-fixtures';
import { Resident, bindAccount, myAccounts, myTicket, myTickets, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** A question arriving on Tuesday 2026-12-08 is answered by the end of the next working day (Shanghai). */
const END_OF_WEDNESDAY = '2026-12-09T16:00:00.000Z';

/** docs/domain.md#consultations: questions and suggestions, their answer clock, the answer and its check. */
describe('consultations (咨询) and suggestions (建议)', () => {
  let t: TestApp;
  let alice: Resident;
  let eve: Resident;
  let agent: string;
  let tech: string;
  let queues: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, eve] = await Promise.all([residentLogin(t, 'consult-alice'), residentLogin(t, 'consult-eve')]);
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    [agent, tech] = await Promise.all([login(t, 'agent1'), login(t, 'tech1')]);
    queues = await queueIdsByCode(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  const post = (r: Resident, path: string, body: Record<string, unknown>, key?: string) => {
    const req = t.http().post(path).set('Authorization', r.auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const consult = (r: Resident, body: Record<string, unknown>, key?: string) =>
    post(r, '/api/consultations', body, key);
  const suggest = (r: Resident, body: Record<string, unknown>, key?: string) => post(r, '/api/suggestions', body, key);
  const answer = (auth: string, id: number, body: Record<string, unknown>) =>
    t.http().post(`/api/tickets/${id}/answer`).set('Authorization', auth).send(body);
  const check = (r: Resident, id: number, body: Record<string, unknown>) =>
    t.http().post(`/api/my/tickets/${id}/answer-check`).set('Authorization', r.auth).send(body);
  const clockOf = (view: TicketView, kind: ClockKind) => view.clocks.find((c) => c.kind === kind);
  const aliceAccountId = async () => (await myAccounts(t, alice))[0].id;

  it('a question without an account goes to the company-wide consultation queue with a 1-working-day answer clock', async () => {
    // Tuesday 2026-12-08 10:00 in Shanghai.
    t.setNow(new Date('2026-12-08T02:00:00Z'));
    const res = await consult(alice, { question: '燃气表显示余额不足怎么充值？' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'consultation', typeLabel: '咨询' });
    const staffView = await getTicket(t, agent, res.body.ticketId);
    expect(staffView.queueId).toBe(queues['consult-all']);
    expect(clockOf(staffView, ClockKind.Answer)).toMatchObject({ dueAt: END_OF_WEDNESDAY, stoppedAt: null });
    expect(res.body.resolveBy).toBe(END_OF_WEDNESDAY);
    // The resident follows it in 我的 requests though it names no account; nobody else sees it.
    expect((await myTickets(t, alice)).map((v) => v.id)).toContain(res.body.ticketId);
    await t.http().get(`/api/my/tickets/${res.body.ticketId}`).set('Authorization', eve.auth).expect(404);
  });

  it('files a suggestion with its account once per Idempotency-Key, in the district queue with a 5-day reply clock', async () => {
    const before = await countTickets(t);
    const body = { text: '建议营业厅周末也开放半天', accountId: await aliceAccountId() };
    const first = await suggest(alice, body, 'suggestion-key-1');
    expect(first.status).toBe(201);
    const again = await suggest(alice, body, 'suggestion-key-1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.ticketId).toBe(first.body.ticketId);
    expectRefused(
      await suggest(alice, { ...body, text: '换了内容的建议' }, 'suggestion-key-1'),
      422,
      ErrorCode.IdempotencyKeyReused,
    );
    expect(await countTickets(t)).toBe(before + 1);
    const staffView = await getTicket(t, agent, first.body.ticketId);
    expect(staffView).toMatchObject({ type: 'suggestion', queueId: queues['consult-east'] });
    expect(clockOf(staffView, ClockKind.Answer)?.stoppedAt).toBeNull();
    const mine = (await myTickets(t, alice)).find((v) => v.id === first.body.ticketId);
    expect(mine).toMatchObject({ typeLabel: '建议', answer: null });
  });

  it("refuses a short question, another household's account and someone else's photos, storing nothing", async () => {
    const before = await countTickets(t);
    expectRefused(await consult(alice, { question: '短' }), 400, ErrorCode.ValidationFailed);
    expectRefused(
      await consult(eve, { question: '别人户号的问题咨询', accountId: await aliceAccountId() }),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await suggest(eve, { text: '用别人的照片提建议', photoIds: [999_999] }),
      422,
      ErrorCode.PhotoNotFound,
    );
    expect(await countTickets(t)).toBe(before);
  });

  it('an answer stops the answer clock, resolves the question and tells the resident; 已解决 closes it', async () => {
    const id = (await consult(alice, { question: '暖气费可以分期缴纳吗？' })).body.ticketId as number;
    // Told through the resolved notice, with the resident's consent for this ticket.
    const templates = (await t.http().get('/api/notice-templates').expect(200)).body;
    await t
      .http()
      .post(`/api/my/tickets/${id}/subscriptions`)
      .set('Authorization', alice.auth)
      .send({ templateIds: [templates.resolved] })
      .expect(201);
    expectRefused(await answer(tech, id, { text: '可以分期' }), 403, ErrorCode.Forbidden);
    expectRefused(await answer(agent, id, { text: '' }), 400, ErrorCode.ValidationFailed);
    const res = await answer(agent, id, { text: '可以，请到营业厅签订分期缴费协议。' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(TicketStatus.Resolved);
    expect(clockOf(res.body, ClockKind.Answer)?.stoppedAt).not.toBeNull();
    expect(await breachesOf(t, id)).toEqual([]);
    // Answered once: a second answer is refused.
    expectRefused(await answer(agent, id, { text: '再答一次' }), 409, ErrorCode.TransitionNotAllowed);

    while ((await t.app.get(NoticePlanner).plan()) > 0);
    const notices = await t.app.get(NoticeSender).forTicket(id);
    expect(
      notices.filter((n) => n.residentId === alice.resident.id && n.templateId === templates.resolved),
    ).toHaveLength(1);

    const seen = await myTicket(t, alice, id);
    expect(seen.answer).toMatchObject({ text: '可以，请到营业厅签订分期缴费协议。', articleId: null, canCheck: true });
    expect(seen.canReportNotFixed).toBe(false);
    expectRefused(await check(eve, id, { solved: true }), 404, ErrorCode.NotFound);
    const closed = await check(alice, id, { solved: true });
    expect(closed.status).toBe(200);
    expect((closed.body as ResidentTicketView).answer?.canCheck).toBe(false);
    expect((await getTicket(t, agent, id)).status).toBe(TicketStatus.Closed);
    expectRefused(await check(alice, id, { solved: false }), 409, ErrorCode.TransitionNotAllowed);
  });

  it('未解决 reopens the question with a fresh answer clock; a late answer is a breach', async () => {
    t.setNow(new Date('2026-12-08T02:00:00Z'));
    const id = (await consult(alice, { question: '过户需要带哪些材料？' })).body.ticketId as number;
    await answer(agent, id, { text: '请带身份证。' }).expect(200);
    t.setNow(new Date('2026-12-08T03:00:00Z'));
    const reopened = await check(alice, id, { solved: false, note: '还需要别的材料吗' });
    expect(reopened.status).toBe(200);
    const staffView = await getTicket(t, agent, id);
    expect(staffView.status).toBe(TicketStatus.Accepted);
    expect(clockOf(staffView, ClockKind.Answer)).toMatchObject({
      startedAt: '2026-12-08T03:00:00.000Z',
      dueAt: END_OF_WEDNESDAY,
      stoppedAt: null,
    });
    expect(staffView.events.map((e) => e.kind)).toContain(TicketEventKind.AnswerJudged);
    // Thursday: answered, but late.
    t.setNow(new Date('2026-12-10T03:00:00Z'));
    await answer(agent, id, { text: '还需要原户主签字的过户申请。' }).expect(200);
    expect((await breachesOf(t, id)).map((b) => b.clock)).toEqual([ClockKind.Answer]);
    expect((await myTicket(t, alice, id)).answer?.text).toBe('还需要原户主签字的过户申请。');
  });

  it('an agent takes a question at intake and answers it from the knowledge base in one click', async () => {
    const [article]: KnowledgeArticleSummary[] = (
      await t
        .http()
        .get(`/api/staff/knowledge?q=${encodeURIComponent('燃气味')}`)
        .set('Authorization', agent)
        .expect(200)
    ).body;
    const ticket = await createTicket(
      t,
      agent,
      call({ type: 'consultation', description: '闻到燃气味该怎么办？', channel: 'phone' }),
    );
    expect(ticket.queueId).toBe(queues['consult-east']);
    expectRefused(await answer(agent, ticket.id, { text: '见文章', articleId: 999_999 }), 404, ErrorCode.NotFound);
    expect((await getTicket(t, agent, ticket.id)).status).not.toBe(TicketStatus.Resolved);
    const res = await answer(agent, ticket.id, {
      text: '立即关闭阀门，开窗通风，到室外拨打抢修电话。',
      articleId: article.id,
    });
    expect(res.status).toBe(200);
    const detail = await getTicket(t, agent, ticket.id);
    expect(detail.status).toBe(TicketStatus.Resolved);
    const answered = detail.events.find((e) => e.kind === TicketEventKind.Answered);
    expect(answered).toMatchObject({ note: '立即关闭阀门，开窗通风，到室外拨打抢修电话。' });
    const resolved = detail.events.find((e) => e.toStatus === TicketStatus.Resolved);
    expect(resolved?.note).toBe(`已按知识库《${article.title}》答复`);
    // The resident of the account reads the answer and its article, and is asked 已解决 / 未解决.
    expect((await myTicket(t, alice, ticket.id)).answer).toMatchObject({ articleId: article.id, canCheck: true });
  });

  it('only questions and suggestions are answered; a repair is refused with nothing changed', async () => {
    const repair = await createTicket(t, agent, call());
    expectRefused(await answer(agent, repair.id, { text: '答复报修' }), 422, ErrorCode.NotAnswerable);
    const after = await getTicket(t, agent, repair.id);
    expect(after.status).toBe(repair.status);
    expect(after.events.some((e) => e.kind === TicketEventKind.Answered)).toBe(false);
  });

  it('answer scripts are for agents: a resident never finds nor opens one, published or not', async () => {
    const supervisor = await login(t, 'supervisor1');
    const script = await t
      .http()
      .post('/api/staff/knowledge')
      .set('Authorization', supervisor)
      .send({
        kind: 'script',
        title: '欠费停气答复口径',
        body: '先核实欠费金额与停气通知送达情况，再告知缴费后复气时限。',
        published: true,
      })
      .expect(201);
    const found = await t
      .http()
      .get(`/api/knowledge?q=${encodeURIComponent('欠费停气答复口径')}`)
      .expect(200);
    expect(found.body).toEqual([]);
    await t.http().get(`/api/knowledge/${script.body.id}`).set('Authorization', alice.auth).expect(404);
    const staff = await t
      .http()
      .get(`/api/staff/knowledge?q=${encodeURIComponent('欠费停气答复口径')}`)
      .set('Authorization', agent)
      .expect(200);
    expect(staff.body.map((a: KnowledgeArticleSummary) => a.id)).toEqual([script.body.id]);
  });

  it('the monthly report counts questions and suggestions as types of their own', async () => {
    const period = new Date(t.currentTime().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await t
      .http()
      .get(`/api/reports/monthly?period=${period}`)
      .set('Authorization', await login(t, 'admin'))
      .expect(200);
    const types = report.body.figures.tickets.rows.map((r: { type: string }) => r.type);
    expect(types).toEqual(expect.arrayContaining(['consultation', 'suggestion']));
  });
});
