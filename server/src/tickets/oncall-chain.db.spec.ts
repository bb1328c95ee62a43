import { StaffNotificationView, TicketDetailView } from '@utility/shared';
import { DataSource } from 'typeorm';
import { FakeWecomHandle } from '../dev/fake-wecom.handle';
import { FakeWecom } from '../dev/fake-wecom.server';
import { StaffNoticeWorker } from '../staff-notices/staff-notice-worker.service';
import { Staff as StaffEntity } from '../staff/staff.entity';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  Staff,
  call,
  createTicket,
  getTicket,
  minutes,
  signIn,
} from '../testing/api-fixtures';
import { bindAccount, fakeWechat, myTicket, noticeTemplates, residentLogin } from '../testing/resident-fixtures';
import { rosterShift } from '../testing/rota-fixtures';
import { NoticeWorker } from '../notifications/notice-worker.service';
import { TestApp, startTestApp } from '../testing/test-app';
import { DispatchWatch } from './dispatch-watch.service';

const leak = (overrides: Record<string, unknown> = {}) =>
  call({ type: 'leak', accountNo: EAST_HEAT_ACCOUNT, description: '厨房燃气表附近有很重的燃气味', ...overrides });

/** docs/domain.md#duty-roster: the on-call chain of an auto-assigned leak, and who else is told what. */
describe('the on-call chain and staff alerts', () => {
  let t: TestApp;
  let wecom: FakeWecom;
  let agent: Staff;
  let tech1: Staff;
  let tech2: Staff;
  let zhou: Staff; // supervisor1, east
  let wu: Staff; // supervisor2, west
  let dispatcher: Staff; // dispatcher1: works the east and west repair and emergency queues
  const wecomIds = new Map<number, string>();

  beforeAll(async () => {
    t = await startTestApp({ STAFF_APP_URL: 'https://staff.example.cn', ONCALL_ACK_MINUTES: '5' });
    wecom = t.app.get(FakeWecomHandle).fake;
    [agent, tech1, tech2, zhou, wu, dispatcher] = await Promise.all(
      ['agent1', 'tech1', 'tech2', 'supervisor1', 'supervisor2', 'dispatcher1'].map((u) => signIn(t, u)),
    );
    const staff = t.app.get(DataSource).getRepository(StaffEntity);
    for (const [who, id] of [
      [tech1, 'zhangshifu'],
      [tech2, 'liushifu'],
      [zhou, 'zhouzhuguan'],
      [dispatcher, 'wangdiaodu'],
    ] as const) {
      await staff.update({ id: who.staff.id }, { wecomUserId: id });
      wecomIds.set(who.staff.id, id);
    }
    // Two technicians on the east emergency shift (the seed rosters only from today on).
    await rosterShift(t, {
      district: 'east',
      usernames: ['tech1', 'tech2'],
      startsAt: '2026-05-11T00:00:00Z',
      endsAt: '2026-05-12T00:00:00Z',
    });
  });
  afterAll(() => t.close());

  const watch = () => t.app.get(DispatchWatch).run();
  const deliver = () => t.app.get(StaffNoticeWorker).runOnce();
  const cardsTo = (staffId: number) => wecom.messages().filter((m) => m.touser === wecomIds.get(staffId));
  const notices = async (who: Staff, kind: string): Promise<StaffNotificationView[]> =>
    (
      (await t.http().get('/api/staff/notifications').set('Authorization', who.auth).expect(200))
        .body as StaffNotificationView[]
    ).filter((n) => n.kind === kind);
  const timeline = async (id: number): Promise<TicketDetailView['events']> =>
    (await getTicket(t, zhou.auth, id)).events;
  const accept = (who: Staff, id: number) =>
    t.http().post(`/api/field/jobs/${id}/accept`).set('Authorization', who.auth);

  it('pages the technician at once, hands the job to the next on shift after 5 minutes, then tells the supervisor', async () => {
    const t0 = new Date('2026-05-11T02:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent.auth, leak());
    expect(ticket.status).toBe('assigned');
    const first = ticket.assigneeId === tech1.staff.id ? tech1 : tech2;
    const second = first === tech1 ? tech2 : tech1;
    expect(ticket.assigneeId).toBe(first.staff.id);

    // Within a minute: a WeCom card with the number, address, what was reported and a link to the job.
    t.setNow(minutes(t0, 0.1));
    await deliver();
    const [page] = cardsTo(first.staff.id);
    expect(page.title).toContain(ticket.no);
    expect(page.description).toContain(ticket.address);
    expect(page.description).toContain('厨房燃气表附近有很重的燃气味');
    expect(page.url).toBe(`https://staff.example.cn/#/staff/job/index?id=${ticket.id}`);
    expect(cardsTo(second.staff.id)).toEqual([]);

    // Not yet 5 minutes: nothing moves.
    t.setNow(minutes(t0, 4.9));
    expect(await watch()).toMatchObject({ handedOn: 0, toSupervisor: 0 });
    expect((await getTicket(t, zhou.auth, ticket.id)).assigneeId).toBe(first.staff.id);

    // 5 minutes without 接单: the second technician gets it, the first is taken off.
    t.setNow(minutes(t0, 5.1));
    expect(await watch()).toMatchObject({ handedOn: 1, toSupervisor: 0 });
    expect(await watch()).toMatchObject({ handedOn: 0, toSupervisor: 0 });
    const handed = await getTicket(t, zhou.auth, ticket.id);
    expect([handed.assigneeId, handed.status]).toEqual([second.staff.id, 'assigned']);
    // The first can no longer acknowledge a job that is not his.
    expect((await accept(first, ticket.id)).status).toBe(403);
    await deliver();
    expect(cardsTo(second.staff.id).map((m) => m.url)).toEqual([
      `https://staff.example.cn/#/staff/job/index?id=${ticket.id}`,
    ]);
    expect(cardsTo(zhou.staff.id).filter((m) => m.title.includes('无人接单'))).toEqual([]);

    // 5 more minutes: the district's supervisor is told; the west's is not.
    t.setNow(minutes(t0, 10.2));
    expect(await watch()).toMatchObject({ handedOn: 0, toSupervisor: 1 });
    expect(await watch()).toMatchObject({ handedOn: 0, toSupervisor: 0 });
    await deliver();
    expect(cardsTo(zhou.staff.id).filter((m) => m.title === `抢修无人接单：${ticket.no}`)).toHaveLength(1);
    expect(await notices(wu, 'oncall_unanswered')).toEqual([]);

    // Every step on the timeline.
    const steps = (await timeline(ticket.id))
      .filter((e) => e.kind === 'assigned' || e.kind === 'escalated')
      .map((e) => [e.kind, e.note]);
    expect(steps).toEqual([
      ['assigned', '系统自动派单，已通知值班技术员'],
      ['assigned', expect.stringMatching(/^5分钟内未接单，已改派值班技术员.+并通知$/)],
      ['escalated', '5分钟内无人接单，已通知主管'],
    ]);
    expect(steps[1][1]).toContain(second.staff.name);
    // Later runs change nothing.
    t.setNow(minutes(t0, 30));
    expect(await watch()).toMatchObject({ handedOn: 0, toSupervisor: 0 });
    expect((await getTicket(t, zhou.auth, ticket.id)).assigneeId).toBe(second.staff.id);
  });

  it('stops the chain when the technician acknowledges (接单) in time', async () => {
    const t0 = new Date('2026-05-11T04:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent.auth, leak({ accountNo: EAST_HALL_ACCOUNT }));
    const first = ticket.assigneeId === tech1.staff.id ? tech1 : tech2;
    t.setNow(minutes(t0, 3));
    expect((await accept(first, ticket.id)).status).toBe(200);

    t.setNow(minutes(t0, 6));
    expect(await watch()).toMatchObject({ acknowledged: 1, handedOn: 0, toSupervisor: 0 });
    t.setNow(minutes(t0, 12));
    expect(await watch()).toMatchObject({ acknowledged: 0, handedOn: 0, toSupervisor: 0 });
    expect((await getTicket(t, zhou.auth, ticket.id)).assigneeId).toBe(first.staff.id);
    const kinds = (await timeline(ticket.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'assigned')).toHaveLength(1);
    expect(kinds).toContain('job_accepted');
    expect(kinds).not.toContain('escalated');
  });

  it('with nobody on shift, escalates at once and tells the supervisor', async () => {
    t.setNow(new Date('2026-05-20T02:00:00.000Z'));
    const ticket = await createTicket(t, agent.auth, leak());
    expect(ticket.assigneeId).toBeNull();
    const told = (await notices(zhou, 'oncall_unanswered')).filter((n) => n.ticketId === ticket.id);
    expect(told).toHaveLength(1);
    expect((await timeline(ticket.id)).map((e) => e.note)).toContain('无值班人员可派，已通知主管');
  });

  it('tells the queue’s dispatchers once when a ticket sits unclaimed past half its respond clock', async () => {
    const t0 = new Date('2026-05-21T02:00:00.000Z');
    t.setNow(t0);
    // A resident's report is not yet accepted: its respond clock (30 min for a repair) runs.
    const ticket = await createTicket(t, agent.auth, call({ channel: 'miniapp', accountNo: EAST_HALL_ACCOUNT }));
    expect(ticket.assigneeId).toBeNull();
    const respond = ticket.clocks.find((c) => c.kind === 'respond')!;
    const half = new Date((Date.parse(respond.startedAt) + Date.parse(respond.dueAt)) / 2);

    t.setNow(minutes(half, -0.5));
    await watch();
    expect((await notices(dispatcher, 'unclaimed')).filter((n) => n.ticketId === ticket.id)).toEqual([]);

    t.setNow(minutes(half, 0.5));
    expect((await watch()).unclaimed).toBeGreaterThanOrEqual(1);
    await watch();
    const told = (await notices(dispatcher, 'unclaimed')).filter((n) => n.ticketId === ticket.id);
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe(`工单待领取：${ticket.no}`);
    await deliver();
    expect(cardsTo(dispatcher.staff.id).filter((m) => m.title === told[0].title)).toHaveLength(1);
    // Not the agent, not the technicians, not the supervisor: the dispatchers of the queue.
    expect((await notices(agent, 'unclaimed')).filter((n) => n.ticketId === ticket.id)).toEqual([]);
    expect((await notices(zhou, 'unclaimed')).filter((n) => n.ticketId === ticket.id)).toEqual([]);
  });

  it('a ticket claimed before half its respond clock tells no dispatcher', async () => {
    const t0 = new Date('2026-05-21T05:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent.auth, call({ channel: 'miniapp', accountNo: EAST_HALL_ACCOUNT }));
    t.setNow(minutes(t0, 5));
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
    t.setNow(minutes(t0, 20));
    await watch();
    expect((await notices(dispatcher, 'unclaimed')).filter((n) => n.ticketId === ticket.id)).toEqual([]);
  });

  it('tells the district’s supervisors of a grade-1 complaint at once, and of a grade-2 not', async () => {
    t.setNow(new Date('2026-05-22T02:00:00.000Z'));
    const complaint = (description: string) =>
      createTicket(t, agent.auth, call({ type: 'complaint', accountNo: EAST_HEAT_ACCOUNT, description }));
    const serious = await complaint('维修人员上门时辱骂老人，态度极其恶劣');
    const minor = await complaint('营业厅排队时间较长');
    await t
      .http()
      .post(`/api/tickets/${serious.id}/grade`)
      .set('Authorization', agent.auth)
      .send({ grade: 1 })
      .expect(200);
    await t
      .http()
      .post(`/api/tickets/${minor.id}/grade`)
      .set('Authorization', agent.auth)
      .send({ grade: 2 })
      .expect(200);
    const told = await notices(zhou, 'complaint_grade1');
    expect(told.map((n) => n.ticketId)).toEqual([serious.id]);
    expect(told[0].title).toBe(`一级投诉：${serious.no}`);
    expect(await notices(wu, 'complaint_grade1')).toEqual([]);
    await deliver();
    expect(cardsTo(zhou.staff.id).filter((m) => m.title === told[0].title)).toHaveLength(1);
  });

  it('tells the assignee and the supervisors when a clock is at risk and when it is breached', async () => {
    const t0 = new Date('2026-05-11T06:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent.auth, leak({ accountNo: EAST_HALL_ACCOUNT }));
    const assignee = ticket.assigneeId === tech1.staff.id ? tech1 : tech2;
    const other = assignee === tech1 ? tech2 : tech1;
    await accept(assignee, ticket.id).expect(200);
    // The on-site clock of a leak is 30 minutes: at risk at 24, breached after 30.
    t.setNow(minutes(t0, 25));
    await t.sweep();
    const risk = (who: Staff) => notices(who, 'sla_at_risk').then((l) => l.filter((n) => n.ticketId === ticket.id));
    expect((await risk(assignee)).length).toBeGreaterThanOrEqual(1);
    expect((await risk(zhou)).length).toBe((await risk(assignee)).length);
    expect(await risk(other)).toEqual([]);
    expect(await risk(wu)).toEqual([]);

    t.setNow(minutes(t0, 31));
    await t.sweep();
    const breach = (who: Staff) => notices(who, 'sla_breach').then((l) => l.filter((n) => n.ticketId === ticket.id));
    expect((await breach(assignee)).map((n) => n.body).join()).toContain('到场已超时');
    expect((await breach(zhou)).length).toBe((await breach(assignee)).length);
    expect(await breach(other)).toEqual([]);
  });

  it('tells the resident when the on-site clock runs out, with the new expected arrival', async () => {
    const t0 = new Date('2026-05-11T08:00:00.000Z');
    t.setNow(t0);
    const resident = await residentLogin(t, 'late-arrival-resident');
    await bindAccount(t, resident, EAST_HALL_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, leak({ accountNo: EAST_HALL_ACCOUNT }));
    const assignee = ticket.assigneeId === tech1.staff.id ? tech1 : tech2;
    t.setNow(minutes(t0, 1));
    await accept(assignee, ticket.id).expect(200);
    t.setNow(minutes(t0, 2));
    // On the way, arriving in 45 minutes: later than the leak's 30-minute promise.
    await t
      .http()
      .post(`/api/field/jobs/${ticket.id}/depart`)
      .set('Authorization', assignee.auth)
      .send({ etaMinutes: 45 })
      .expect(200);
    t.setNow(minutes(t0, 3));
    const templates = await noticeTemplates(t);
    await t
      .http()
      .post(`/api/my/tickets/${ticket.id}/subscriptions`)
      .set('Authorization', resident.auth)
      .send({ templateIds: [templates.progress] })
      .expect(201);
    const page = `packages/requests/detail?id=${ticket.id}`;
    await t.app.get(NoticeWorker).runOnce();
    expect(
      fakeWechat(t)
        .messages()
        .filter((m) => m.page === page),
    ).toEqual([]);

    t.setNow(minutes(t0, 31));
    await t.sweep();
    await t.sweep();
    await t.app.get(NoticeWorker).runOnce();
    await t.app.get(NoticeWorker).runOnce();
    // 16:47 in Shanghai: the technician's own estimate (08:02 UTC + 45 min).
    expect(
      fakeWechat(t)
        .messages()
        .filter((m) => m.page === page),
    ).toEqual([
      expect.objectContaining({
        templateId: templates.progress,
        data: expect.objectContaining({ phrase3: { value: '上门延误' }, time4: { value: '2026-05-11 16:47' } }),
      }),
    ]);
    const mine = await myTicket(t, resident, ticket.id);
    expect(mine.timeline.filter((s) => s.step === 'delayed')).toHaveLength(1);
    const delayed = (await timeline(ticket.id)).filter((e) => e.kind === 'delayed');
    expect(delayed.map((e) => e.note)).toEqual(['上门将延误，预计5月11日 16:47前到达']);
  });

  it('without an estimate from the technician, promises one more on-site allowance', async () => {
    const t0 = new Date('2026-05-11T10:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent.auth, leak({ accountNo: EAST_HEAT_ACCOUNT }));
    t.setNow(minutes(t0, 31));
    await t.sweep();
    // 18:31 + 30 minutes in Shanghai.
    expect((await timeline(ticket.id)).filter((e) => e.kind === 'delayed').map((e) => e.note)).toEqual([
      '上门将延误，预计5月11日 19:01前到达',
    ]);
  });
});
