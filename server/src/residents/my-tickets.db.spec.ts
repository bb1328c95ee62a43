import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  Staff,
  call,
  createTicket,
  expectRefused,
  getTicket,
  minutes,
  signIn,
  ticketState,
  transition,
} from '../testing/api-fixtures';
import { Resident, bindAccount, myTicket, myTickets, residentLogin } from '../testing/resident-fixtures';
import { resolveFieldJob } from '../testing/field-job-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** "My requests": the tickets of every account a resident bound, however they were reported, in the resident's words. */
describe('my tickets', () => {
  let t: TestApp;
  let agent: Staff;
  let tech1: Staff;
  let alice: Resident;
  let bob: Resident;
  let stranger: Resident;
  beforeAll(async () => {
    t = await startTestApp();
    [agent, tech1] = await Promise.all([signIn(t, 'agent1'), signIn(t, 'tech1')]);
    // Alice and Bob share the household account; the stranger has another one.
    [alice, bob, stranger] = await Promise.all([
      residentLogin(t, 'mine-alice'),
      residentLogin(t, 'mine-bob'),
      residentLogin(t, 'mine-stranger'),
    ]);
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
    await bindAccount(t, bob, EAST_HEAT_ACCOUNT);
    await bindAccount(t, stranger, EAST_HALL_ACCOUNT);
  });
  afterAll(() => t.close());

  const labels = (view: { timeline: { label: string }[] }) => view.timeline.map((s) => s.label);

  it('shows a ticket taken on the phone to everyone who bound its account, step by step as staff work it', async () => {
    const t0 = new Date('2026-06-10T01:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT, description: '暖气不热' }));

    for (const r of [alice, bob]) {
      const mine = await myTickets(t, r);
      expect(mine.map((x) => x.id)).toContain(ticket.id);
    }
    expect((await myTickets(t, stranger)).map((x) => x.id)).not.toContain(ticket.id);

    const submitted = await myTicket(t, alice, ticket.id);
    expect(submitted).toMatchObject({
      id: ticket.id,
      no: ticket.no,
      type: 'repair',
      typeLabel: expect.any(String),
      accountNo: EAST_HEAT_ACCOUNT,
      step: 'accepted',
      stepLabel: '已受理',
      technician: null,
      canCancel: true,
      description: '暖气不热',
    });
    expect(labels(submitted)).toEqual(['已提交', '已受理']);

    const steps: [number, () => Promise<unknown>, string, string[]][] = [
      [
        5,
        () => t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200),
        '已派单',
        ['已提交', '已受理', '已派单'],
      ],
      [
        10,
        () => transition(t, tech1.auth, ticket.id, 'en_route').expect(200),
        '师傅在路上',
        ['已提交', '已受理', '已派单', '师傅在路上'],
      ],
      [
        40,
        () => transition(t, tech1.auth, ticket.id, 'on_site').expect(200),
        '已到达',
        ['已提交', '已受理', '已派单', '师傅在路上', '已到达'],
      ],
      [
        90,
        () => resolveFieldJob(t, tech1.auth, ticket.id, '温控阀损坏'),
        '待评价',
        ['已提交', '已受理', '已派单', '师傅在路上', '已到达', '已完成'],
      ],
      [
        200,
        () => transition(t, agent.auth, ticket.id, 'closed', '回访满意').expect(200),
        '已完成',
        ['已提交', '已受理', '已派单', '师傅在路上', '已到达', '已完成'],
      ],
    ];
    for (const [at, act, stepLabel, timeline] of steps) {
      t.setNow(minutes(t0, at));
      await act();
      for (const r of [alice, bob]) {
        const view = await myTicket(t, r, ticket.id);
        expect({
          stepLabel: view.stepLabel,
          timeline: labels(view),
          surname: view.technician?.surname,
          canCancel: view.canCancel,
        }).toEqual({ stepLabel, timeline, surname: '张', canCancel: false });
        expect((await myTickets(t, r)).find((x) => x.id === ticket.id)).toEqual(view);
      }
    }

    const done = await myTicket(t, alice, ticket.id);
    expect(done.timeline.map((s) => s.at)).toEqual([0, 0, 5, 10, 40, 90].map((m) => minutes(t0, m).toISOString()));
    // The work as recorded is the resident's to read (cause and measures)…
    expect(done.work).toMatchObject({ cause: '温控阀损坏', chargeable: false });
    // …but no staff internals: not the technician's full name, the caller's phone, the queue or the notes.
    const wire = JSON.stringify(done);
    for (const secret of ['张师傅', '13812345678', '5678', '王先生', '回访满意']) expect(wire).not.toContain(secret);
    for (const internal of [
      'status',
      'priority',
      'queueId',
      'queueName',
      'assigneeId',
      'assigneeName',
      'contactName',
      'contactPhone',
      'clocks',
      'events',
    ]) {
      expect(done).not.toHaveProperty(internal);
    }
  });

  it("answers 404 for another resident's ticket, to read or to cancel, and changes nothing", async () => {
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await t.http().get(`/api/my/tickets/${ticket.id}`).set('Authorization', stranger.auth),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t.http().post(`/api/my/tickets/${ticket.id}/cancel`).set('Authorization', stranger.auth).send({}),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t.http().get('/api/my/tickets/99999999').set('Authorization', alice.auth),
      404,
      ErrorCode.NotFound,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('does not show tickets taken without an account number', async () => {
    const ticket = await createTicket(t, agent.auth, call({ accountNo: undefined, description: '路边闻到燃气味' }));
    expect((await myTickets(t, alice)).map((x) => x.id)).not.toContain(ticket.id);
    expectRefused(
      await t.http().get(`/api/my/tickets/${ticket.id}`).set('Authorization', alice.auth),
      404,
      ErrorCode.NotFound,
    );
  });

  it('lets a resident cancel before a technician is assigned, as the resident', async () => {
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    const res = await t
      .http()
      .post(`/api/my/tickets/${ticket.id}/cancel`)
      .set('Authorization', bob.auth)
      .send({ reason: '已自行修好' })
      .expect(200);
    expect(res.body).toMatchObject({ id: ticket.id, step: 'cancelled', stepLabel: '已取消', canCancel: false });
    expect(labels(res.body)).toEqual(['已提交', '已受理', '已取消']);
    // Alice, on the same account, sees it cancelled too.
    expect((await myTicket(t, alice, ticket.id)).stepLabel).toBe('已取消');

    const staffView = await getTicket(t, agent.auth, ticket.id);
    expect(staffView.status).toBe('cancelled');
    expect(staffView.events.at(-1)).toMatchObject({
      kind: 'transition',
      fromStatus: 'accepted',
      toStatus: 'cancelled',
      actorId: bob.resident.id,
      note: '已自行修好',
    });
    const [event] = await t.app
      .get(DataSource)
      .query('SELECT actorRole FROM ticket_event WHERE ticketId = ? ORDER BY id DESC LIMIT 1', [ticket.id]);
    expect(event.actorRole).toBe('resident');
  });

  it('refuses to cancel once a technician is assigned with 409 TRANSITION_NOT_ALLOWED, changing nothing', async () => {
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
    const before = await ticketState(t, ticket.id);
    const res = await t.http().post(`/api/my/tickets/${ticket.id}/cancel`).set('Authorization', alice.auth).send({});
    expectRefused(res, 409, ErrorCode.TransitionNotAllowed);
    expect(await ticketState(t, ticket.id)).toEqual(before);
    expect((await myTicket(t, alice, ticket.id)).stepLabel).toBe('已派单');
  });

  it('refuses to cancel a ticket already cancelled', async () => {
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    await t.http().post(`/api/my/tickets/${ticket.id}/cancel`).set('Authorization', alice.auth).send({}).expect(200);
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await t.http().post(`/api/my/tickets/${ticket.id}/cancel`).set('Authorization', bob.auth).send({}),
      409,
      ErrorCode.TransitionNotAllowed,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('stops showing the tickets of an account once it is unbound', async () => {
    const carol = await residentLogin(t, 'mine-carol');
    const [account] = await bindAccount(t, carol, EAST_HEAT_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    expect((await myTickets(t, carol)).map((x) => x.id)).toContain(ticket.id);
    await t.http().delete(`/api/accounts/${account.id}`).set('Authorization', carol.auth).expect(200);
    expect(await myTickets(t, carol)).toEqual([]);
    expectRefused(
      await t.http().get(`/api/my/tickets/${ticket.id}`).set('Authorization', carol.auth),
      404,
      ErrorCode.NotFound,
    );
  });
});
