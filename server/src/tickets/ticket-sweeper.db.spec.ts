import { QueueCounts } from '@utility/shared';
import {
  breachesOf,
  call,
  createTicket,
  getTicket,
  login,
  minutes,
  transition,
  repairPolicyWithoutContact,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/**
 * The SLA sweeper, driven by moving the server's clock. One app for the file: each test's ticket is
 * cancelled after it (cancelling ends every clock), so the sweeps and queue counts of the next are its own.
 */
describe('the SLA sweeper', () => {
  let t: TestApp;
  let agent: string;
  let supervisor: string;
  let ticketId: number | undefined;
  const t0 = new Date('2026-08-03T02:00:00.000Z');
  beforeAll(async () => {
    t = await startTestApp();
    agent = await login(t, 'agent1');
    supervisor = await login(t, 'supervisor1');
    await repairPolicyWithoutContact(t);
  });
  afterEach(async () => {
    if (ticketId !== undefined) await transition(t, supervisor, ticketId, 'cancelled', '测试结束').expect(200);
    ticketId = undefined;
  });
  afterAll(() => t?.close());

  /** A repair left on the miniapp channel: nobody has answered it, so its 30-minute respond clock runs. */
  const unanswered = async () => {
    t.setNow(t0);
    const ticket = await createTicket(t, agent, call({ channel: 'miniapp' }));
    ticketId = ticket.id;
    return ticket;
  };
  const countsOf = async (queueId: number): Promise<QueueCounts> => {
    const res = await t
      .http()
      .get('/api/queues')
      .set('Authorization', await login(t, 'dispatcher1'))
      .expect(200);
    return res.body.find((q: { id: number }) => q.id === queueId).counts;
  };
  const kinds = async (id: number) => (await getTicket(t, agent, id)).events.map((e) => e.kind);

  it('flags the ticket at risk once 80 % of the respond clock is used, not before', async () => {
    const ticket = await unanswered();
    t.setNow(new Date(minutes(t0, 24).getTime() - 1));
    expect(await t.sweep()).toEqual({ atRisk: 0, breached: 0 });
    expect(await countsOf(ticket.queueId)).toEqual({ open: 1, atRisk: 0, breached: 0 });

    t.setNow(minutes(t0, 24));
    expect(await t.sweep()).toEqual({ atRisk: 1, breached: 0 });
    expect(await kinds(ticket.id)).toEqual(['created', 'routed', 'at_risk']);
    expect(await countsOf(ticket.queueId)).toEqual({ open: 1, atRisk: 1, breached: 0 });
    const detail = await getTicket(t, agent, ticket.id);
    expect(detail.clocks.find((c) => c.kind === 'respond')).toMatchObject({ atRisk: true, breached: false });
    expect(detail.priority).toBe('normal');
  });

  it('escalates a breach once: breached and escalated events, priority one step up, one sla_breach row', async () => {
    const ticket = await unanswered();
    // Exactly at the deadline is still on time.
    t.setNow(minutes(t0, 30));
    expect(await t.sweep()).toEqual({ atRisk: 1, breached: 0 });

    const late = new Date(minutes(t0, 30).getTime() + 1);
    t.setNow(late);
    expect(await t.sweep()).toEqual({ atRisk: 0, breached: 1 });
    const detail = await getTicket(t, agent, ticket.id);
    expect(detail.priority).toBe('high');
    expect(detail.events.slice(-2).map((e) => [e.kind, e.at, e.actorId])).toEqual([
      ['breached', late.toISOString(), null],
      ['escalated', late.toISOString(), null],
    ]);
    expect(detail.events.at(-1)!.note).toMatch(/[\u4e00-\u9fff]/);
    expect(detail.clocks.find((c) => c.kind === 'respond')).toMatchObject({
      breached: true,
      atRisk: false,
      stoppedAt: null,
    });
    expect(
      (await breachesOf(t, ticket.id)).map((b) => [
        b.clock,
        b.ticketType,
        b.queueId,
        b.dueAt.toISOString(),
        b.breachedAt.toISOString(),
      ]),
    ).toEqual([['respond', 'repair', ticket.queueId, minutes(t0, 30).toISOString(), late.toISOString()]]);
    expect(await countsOf(ticket.queueId)).toEqual({ open: 1, atRisk: 0, breached: 1 });

    // Sweeping again, later, changes nothing for that clock.
    t.setNow(minutes(t0, 35));
    expect(await t.sweep()).toEqual({ atRisk: 0, breached: 0 });
    const again = await getTicket(t, agent, ticket.id);
    expect(again.events).toEqual(detail.events);
    expect(again.priority).toBe('high');
    expect(await breachesOf(t, ticket.id)).toHaveLength(1);
  });

  it('escalates each clock that breaches: a second breach raises priority again, to emergency at most', async () => {
    const ticket = await unanswered();
    t.setNow(minutes(t0, 31));
    await t.sweep();
    t.setNow(minutes(t0, 121)); // on site was due after 2 h
    expect(await t.sweep()).toMatchObject({ breached: 1 });
    expect((await getTicket(t, agent, ticket.id)).priority).toBe('emergency');
    t.setNow(minutes(t0, 24 * 60 + 1));
    expect(await t.sweep()).toMatchObject({ breached: 1 });
    expect((await getTicket(t, agent, ticket.id)).priority).toBe('emergency');
    expect((await breachesOf(t, ticket.id)).map((b) => b.clock)).toEqual(['respond', 'on_site', 'resolve']);
  });

  it('records a breach when the clock is stopped late, before any sweep saw it', async () => {
    const ticket = await unanswered();
    const acceptedAt = minutes(t0, 45);
    t.setNow(acceptedAt);
    await transition(t, agent, ticket.id, 'accepted').expect(200);
    expect((await breachesOf(t, ticket.id)).map((b) => [b.clock, b.breachedAt.toISOString()])).toEqual([
      ['respond', acceptedAt.toISOString()],
    ]);
    const detail = await getTicket(t, agent, ticket.id);
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'routed', 'transition', 'breached']);
    expect(detail.clocks.find((c) => c.kind === 'respond')).toMatchObject({
      stoppedAt: acceptedAt.toISOString(),
      breached: true,
    });
    // The sweeper does not count it a second time.
    expect(await t.sweep()).toEqual({ atRisk: 0, breached: 0 });
    expect(await breachesOf(t, ticket.id)).toHaveLength(1);
  });

  it('records nothing for a clock stopped in time', async () => {
    const ticket = await unanswered();
    t.setNow(minutes(t0, 29));
    await transition(t, agent, ticket.id, 'accepted').expect(200);
    t.setNow(minutes(t0, 60));
    expect(await t.sweep()).toEqual({ atRisk: 0, breached: 0 });
    expect(await breachesOf(t, ticket.id)).toEqual([]);
    expect(await countsOf(ticket.queueId)).toEqual({ open: 1, atRisk: 0, breached: 0 });
  });
});
