import { ErrorCode, TicketType } from '@utility/shared';
import { DataSource } from 'typeorm';
import { QueuesService } from '../queues/queues.service';
import { RoutingRuleRow } from '../queues/routing-rule.entity';
import {
  breachesOf,
  call,
  createTicket,
  EAST_HEAT_ACCOUNT,
  expectRefused,
  getTicket,
  login,
  minutes,
  queueIdsByCode,
  ticketState,
  transition,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const iso = (d: Date) => d.toISOString();
const retype = (t: TestApp, auth: string, id: number, body: object) =>
  t.http().post(`/api/tickets/${id}/retype`).set('Authorization', auth).send(body);

/** POST /api/tickets/:id/retype: reclassify, re-route, and give the clocks the new type's deadlines. */
describe('retyping a ticket', () => {
  let t: TestApp;
  let queues: Record<string, number>;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    queues = await queueIdsByCode(t);
    agent = await login(t, 'agent1');
    // This company has not routed billing problems of the east district yet: they land in triage.
    const east = (await createTicket(t, agent, call())).districtId;
    await t.app
      .get(DataSource)
      .getRepository(RoutingRuleRow)
      .delete({ ticketType: TicketType.Billing, districtId: east! });
    t.app.get(QueuesService).forgetRoutingTable();
  });
  afterAll(() => t.close());

  it("moves a triage ticket retyped to repair to the station's repair queue, with the repair deadlines", async () => {
    const t0 = new Date('2026-07-06T02:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(
      t,
      agent,
      call({ type: 'billing', channel: 'miniapp', description: '交了费还是没气' }),
    );
    expect(ticket.queueId).toBe(queues.triage);

    t.setNow(minutes(t0, 10));
    const res = await retype(t, agent, ticket.id, { type: 'repair', note: '实为无气报修' }).expect(200);
    expect(res.body).toMatchObject({
      type: 'repair',
      queueId: queues['repair-east-heat'],
      status: 'submitted',
      no: ticket.no,
    });
    // Deadlines run from the ticket's arrival, by the repair policy: 30 min, 2 h, 24 h.
    expect(res.body.deadlines).toEqual({
      respondBy: iso(minutes(t0, 30)),
      contactBy: iso(minutes(t0, 30)),
      decisionBy: null,
      onSiteBy: iso(minutes(t0, 120)),
      resolveBy: iso(minutes(t0, 24 * 60)),
    });
    // The repair's clocks run from the ticket's arrival; billing's reply clock, which a repair has not, ends.
    const clocks = res.body.clocks as { kind: string; startedAt: string; stoppedAt: string | null }[];
    expect(
      clocks.filter((c) => c.kind !== 'first_reply').every((c) => c.startedAt === iso(t0) && c.stoppedAt === null),
    ).toBe(true);
    expect(clocks.find((c) => c.kind === 'first_reply')).toMatchObject({ stoppedAt: iso(minutes(t0, 10)) });

    const detail = await getTicket(t, agent, ticket.id);
    expect(detail.events.at(-1)).toMatchObject({ kind: 'type_changed', actorName: '王晓梅', note: '实为无气报修' });
    // The repair technicians now see it in their queue.
    const list = await t
      .http()
      .get(`/api/queues/${queues['repair-east-heat']}/tickets`)
      .set('Authorization', await login(t, 'tech1'))
      .expect(200);
    expect(list.body.map((x: { id: number }) => x.id)).toContain(ticket.id);
  });

  it('gives a complaint retyped to repair an on-site clock, and keeps a clock that was already met stopped', async () => {
    const t0 = new Date('2026-07-07T02:00:00.000Z');
    t.setNow(t0);
    const complaint = await createTicket(t, agent, call({ type: 'complaint', accountNo: EAST_HEAT_ACCOUNT }));
    expect(complaint.deadlines.onSiteBy).toBeNull();
    t.setNow(minutes(t0, 15));
    const res = await retype(t, agent, complaint.id, { type: 'repair' }).expect(200);
    expect(res.body.queueId).toBe(queues['repair-east-heat']);
    expect(res.body.deadlines).toMatchObject({ onSiteBy: iso(minutes(t0, 120)), resolveBy: iso(minutes(t0, 24 * 60)) });
    // The phone call was answered at once: the respond clock stays met, as it was.
    const respond = res.body.clocks.find((c: { kind: string }) => c.kind === 'respond');
    expect(respond).toMatchObject({ stoppedAt: iso(t0), breached: false });
  });

  it("keeps a breach recorded before the retype, and can record the new deadline's breach too", async () => {
    const t0 = new Date('2026-07-08T02:00:00.000Z');
    t.setNow(t0);
    const ticket = await createTicket(t, agent, call({ channel: 'miniapp' }));
    t.setNow(minutes(t0, 31));
    await t.sweep();
    // Nobody accepted it, nor called the resident: both 30-minute clocks breached.
    const [breach, contactBreach] = await breachesOf(t, ticket.id);
    expect(breach).toMatchObject({ clock: 'respond', ticketType: 'repair', dueAt: minutes(t0, 30) });
    expect(contactBreach).toMatchObject({ clock: 'contact', ticketType: 'repair', dueAt: minutes(t0, 30) });

    // A complaint has 24 h to respond: the clock runs again, but the recorded breach stays.
    t.setNow(minutes(t0, 40));
    const res = await retype(t, agent, ticket.id, { type: 'complaint' }).expect(200);
    expect(res.body.deadlines.respondBy).toBe(iso(minutes(t0, 24 * 60)));
    expect(res.body.priority).toBe('emergency'); // two breaches, two steps up
    expect(await breachesOf(t, ticket.id)).toEqual([breach, contactBreach]);

    t.setNow(minutes(t0, 24 * 60 + 1));
    await t.sweep();
    const breaches = await breachesOf(t, ticket.id);
    expect(breaches.map((b) => [b.clock, b.ticketType, b.dueAt.toISOString()])).toEqual([
      ['respond', 'repair', iso(minutes(t0, 30))],
      ['contact', 'repair', iso(minutes(t0, 30))],
      ['respond', 'complaint', iso(minutes(t0, 24 * 60))],
    ]);
  });

  it('refuses a technician with 403 and changes nothing', async () => {
    const ticket = await createTicket(t, agent, call());
    const before = await ticketState(t, ticket.id);
    expectRefused(await retype(t, await login(t, 'tech1'), ticket.id, { type: 'complaint' }), 403, ErrorCode.Forbidden);
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('refuses a ticket that is no longer open with 409 and changes nothing', async () => {
    const ticket = await createTicket(t, agent, call());
    await transition(t, agent, ticket.id, 'cancelled').expect(200);
    const before = await ticketState(t, ticket.id);
    expectRefused(await retype(t, agent, ticket.id, { type: 'complaint' }), 409, ErrorCode.TransitionNotAllowed);
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'gas' }],
    ['a note over 1000 characters', { type: 'repair', note: 'x'.repeat(1001) }],
  ])('refuses a body with %s with 400', async (_what, body) => {
    const ticket = await createTicket(t, agent, call());
    const before = await ticketState(t, ticket.id);
    expectRefused(await retype(t, agent, ticket.id, body), 400, ErrorCode.ValidationFailed);
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });
});
