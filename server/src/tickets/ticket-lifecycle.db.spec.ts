import { TicketDetailView } from '@utility/shared';
import { call, createTicket, getTicket, login, minutes, signIn, Staff, transition } from '../testing/api-fixtures';
import { resolveFieldJob } from '../testing/field-job-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const clock = (ticket: TicketDetailView, kind: string) => ticket.clocks.find((c) => c.kind === kind)!;
const iso = (d: Date) => d.toISOString();

/** A ticket's life (docs/domain.md#ticket-life): each step one event with who, when, from, to and why; clocks stop where their promise is kept. */
describe('the life of a ticket', () => {
  let t: TestApp;
  let agent: Staff;
  let tech1: Staff;
  beforeAll(async () => {
    t = await startTestApp();
    [agent, tech1] = await Promise.all([signIn(t, 'agent1'), signIn(t, 'tech1')]);
  });
  afterAll(() => t.close());

  const at = (time: Date) => t.setNow(time);

  it('takes a repair from the call to closed: claim, en route, on site, resolved with the resident signing, closed', async () => {
    const t0 = new Date('2026-06-08T01:00:00.000Z');
    at(t0);
    const ticket = await createTicket(t, agent.auth, call());
    const steps: [Date, Staff, string, string][] = [
      [minutes(t0, 10), tech1, 'en_route', '出发'],
      [minutes(t0, 40), tech1, 'on_site', '已到达'],
      [minutes(t0, 100), tech1, 'resolved', '更换点火器'],
      [minutes(t0, 200), agent, 'closed', '回访满意'],
    ];
    at(minutes(t0, 5));
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
    at(minutes(t0, 8));
    await t
      .http()
      .post(`/api/tickets/${ticket.id}/contacted`)
      .set('Authorization', tech1.auth)
      .send({ note: '已联系用户' })
      .expect(200);
    for (const [when, who, to, note] of steps) {
      at(when);
      // The repair is resolved with its result (the resident's signature), as the technician's phone does.
      const res =
        to === 'resolved'
          ? await resolveFieldJob(t, who.auth, ticket.id, note)
          : (await transition(t, who.auth, ticket.id, to, note).expect(200)).body;
      expect(res.status).toBe(to);
    }

    const done = await getTicket(t, agent.auth, ticket.id);
    expect(done).toMatchObject({ status: 'closed', assigneeId: tech1.staff.id, no: ticket.no });
    expect(done.events.map((e) => [e.kind, e.at, e.actorName, e.fromStatus, e.toStatus, e.note])).toEqual([
      ['created', iso(t0), '王晓梅', null, 'submitted', null],
      ['transition', iso(t0), '王晓梅', 'submitted', 'accepted', null],
      ['routed', iso(t0), null, null, null, expect.stringMatching(/报修$/)],
      ['claimed', iso(minutes(t0, 5)), '张师傅', 'accepted', 'assigned', null],
      ['contacted', iso(minutes(t0, 8)), '张师傅', null, null, '已联系用户'],
      ['transition', iso(minutes(t0, 10)), '张师傅', 'assigned', 'en_route', '出发'],
      ['transition', iso(minutes(t0, 40)), '张师傅', 'en_route', 'on_site', '已到达'],
      ['transition', iso(minutes(t0, 100)), '张师傅', 'on_site', 'resolved', '更换点火器'],
      ['transition', iso(minutes(t0, 200)), '王晓梅', 'resolved', 'closed', '回访满意'],
    ]);
    // Respond stopped when the call was accepted, contact by the call, on site on arrival, resolve when fixed; all in time.
    expect(done.clocks.map((c) => [c.kind, c.stoppedAt, c.breached])).toEqual([
      ['respond', iso(t0), false],
      ['contact', iso(minutes(t0, 8)), false],
      ['on_site', iso(minutes(t0, 40)), false],
      ['resolve', iso(minutes(t0, 100)), false],
    ]);
    expect(done.allowedTransitions).toEqual(['accepted']);
    // A closed ticket has left the queue.
    const queue = await t
      .http()
      .get(`/api/queues/${ticket.queueId}/tickets`)
      .set('Authorization', tech1.auth)
      .expect(200);
    expect(queue.body.map((x: { id: number }) => x.id)).not.toContain(ticket.id);
  });

  it('offers each step only to who may take it', async () => {
    at(new Date('2026-06-08T03:00:00.000Z'));
    const ticket = await createTicket(t, agent.auth, call());
    expect((await getTicket(t, tech1.auth, ticket.id)).allowedTransitions).toEqual([]);
    expect((await getTicket(t, agent.auth, ticket.id)).allowedTransitions).toEqual(['cancelled']);
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
    expect((await getTicket(t, tech1.auth, ticket.id)).allowedTransitions).toEqual(['accepted', 'en_route']);
    expect((await getTicket(t, await login(t, 'tech2'), ticket.id)).allowedTransitions).toEqual([]);
    expect((await getTicket(t, await login(t, 'supervisor1'), ticket.id)).allowedTransitions).toEqual([
      'accepted',
      'en_route',
    ]);
  });

  it('lets a complaint go from assigned straight to resolved, never en route or on site', async () => {
    const t0 = new Date('2026-06-09T02:00:00.000Z');
    at(t0);
    const complaint = await createTicket(t, agent.auth, call({ type: 'complaint', description: '维修师傅态度恶劣' }));
    expect(complaint.deadlines.onSiteBy).toBeNull();
    await t.http().post(`/api/tickets/${complaint.id}/claim`).set('Authorization', agent.auth).expect(200);
    expect((await getTicket(t, agent.auth, complaint.id)).allowedTransitions).toEqual(['accepted', 'resolved']);
    for (const to of ['en_route', 'on_site']) {
      expect((await transition(t, agent.auth, complaint.id, to)).status).toBe(409);
    }
    at(minutes(t0, 60));
    await transition(t, agent.auth, complaint.id, 'resolved', '已致歉并处理').expect(200);
    at(minutes(t0, 90));
    await transition(t, agent.auth, complaint.id, 'closed').expect(200);
    const done = await getTicket(t, agent.auth, complaint.id);
    expect(done.events.filter((e) => e.kind === 'transition').map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      'submitted→accepted',
      'assigned→resolved',
      'resolved→closed',
    ]);
    expect(clock(done, 'resolve').stoppedAt).toBe(iso(minutes(t0, 60)));
  });

  it('lets the assignee hand a ticket back to the queue, freeing it for others', async () => {
    at(new Date('2026-06-09T05:00:00.000Z'));
    const ticket = await createTicket(t, agent.auth, call());
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
    await transition(t, tech1.auth, ticket.id, 'en_route').expect(200);
    const back = await transition(t, tech1.auth, ticket.id, 'accepted', '配件不足，退回').expect(200);
    expect(back.body).toMatchObject({ status: 'accepted', assigneeId: null });
    const tech2 = await login(t, 'tech2');
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech2).expect(200);
  });

  it('lets an agent cancel a ticket nobody works yet, which stops every clock', async () => {
    const t0 = new Date('2026-06-09T06:00:00.000Z');
    at(t0);
    const ticket = await createTicket(t, agent.auth, call({ channel: 'miniapp' }));
    at(minutes(t0, 3));
    await transition(t, agent.auth, ticket.id, 'cancelled', '用户来电撤销').expect(200);
    const done = await getTicket(t, agent.auth, ticket.id);
    expect(done.status).toBe('cancelled');
    expect(done.clocks.map((c) => c.stoppedAt)).toEqual(done.clocks.map(() => iso(minutes(t0, 3))));
    expect(done.clocks).toHaveLength(4);
  });

  describe('reopening (not fixed after all)', () => {
    const resolvedRepair = async (t0: Date) => {
      at(t0);
      const ticket = await createTicket(t, agent.auth, call());
      await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
      for (const to of ['en_route', 'on_site']) await transition(t, tech1.auth, ticket.id, to).expect(200);
      await resolveFieldJob(t, tech1.auth, ticket.id);
      return ticket;
    };

    it('keeps the ticket number, frees it from its assignee and restarts the on-site and resolve clocks', async () => {
      const t0 = new Date('2026-06-10T01:00:00.000Z');
      const ticket = await resolvedRepair(t0);
      const reopenedAt = minutes(t0, 24 * 60 + 30); // the next day, after the first resolve deadline
      at(reopenedAt);
      const res = await transition(t, agent.auth, ticket.id, 'accepted', '回访：仍打不着火').expect(200);
      expect(res.body).toMatchObject({ id: ticket.id, no: ticket.no, status: 'accepted', assigneeId: null });
      const reopened = await getTicket(t, agent.auth, ticket.id);
      expect(clock(reopened, 'respond')).toMatchObject({ startedAt: iso(t0), stoppedAt: iso(t0) });
      expect(clock(reopened, 'on_site')).toMatchObject({
        startedAt: iso(reopenedAt),
        dueAt: iso(minutes(reopenedAt, 120)),
        stoppedAt: null,
        breached: false,
      });
      expect(clock(reopened, 'resolve')).toMatchObject({
        startedAt: iso(reopenedAt),
        dueAt: iso(minutes(reopenedAt, 24 * 60)),
        stoppedAt: null,
        breached: false,
      });
      expect(reopened.deadlines.resolveBy).toBe(iso(minutes(reopenedAt, 24 * 60)));
      expect(reopened.events.at(-1)).toMatchObject({
        kind: 'transition',
        fromStatus: 'resolved',
        toStatus: 'accepted',
        actorName: '王晓梅',
        note: '回访：仍打不着火',
      });
      // It is back in the queue for anyone to take.
      const queue = await t
        .http()
        .get(`/api/queues/${ticket.queueId}/tickets`)
        .set('Authorization', tech1.auth)
        .expect(200);
      expect(queue.body.map((x: { id: number }) => x.id)).toContain(ticket.id);
    });

    it('reopens a closed ticket too, under the same number', async () => {
      const ticket = await resolvedRepair(new Date('2026-06-11T01:00:00.000Z'));
      await transition(t, agent.auth, ticket.id, 'closed').expect(200);
      const res = await transition(t, agent.auth, ticket.id, 'accepted', '用户投诉未修好').expect(200);
      expect(res.body).toMatchObject({ no: ticket.no, status: 'accepted' });
    });

    it('never changes or removes an earlier event', async () => {
      const ticket = await resolvedRepair(new Date('2026-06-12T01:00:00.000Z'));
      const before = (await getTicket(t, agent.auth, ticket.id)).events;
      await transition(t, agent.auth, ticket.id, 'accepted', '未修好').expect(200);
      await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
      await transition(t, tech1.auth, ticket.id, 'en_route').expect(200);
      await transition(t, agent.auth, ticket.id, 'cancelled'); // refused: nothing may be added by a refusal
      const after = (await getTicket(t, agent.auth, ticket.id)).events;
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length).map((e) => e.kind)).toEqual(['transition', 'claimed', 'transition']);
      expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
    });
  });
});
