import { ClockKind, ErrorCode, TicketStatus, TicketType } from '@utility/shared';
import { call, createTicket, expectRefused, getTicket, login } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** docs/domain.md#clocks: a billing ticket's reply within 1 working day is a step of its own, not its resolution. */
describe("a billing ticket's reply (POST /api/tickets/:id/first-reply)", () => {
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    t = await startTestApp();
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  const reply = (id: number, text: string) =>
    t.http().post(`/api/tickets/${id}/first-reply`).set('Authorization', agent).send({ text });
  const clock = async (id: number, kind: ClockKind) =>
    (await getTicket(t, agent, id)).clocks.find((c) => c.kind === kind);

  it('stops the reply clock once and leaves the ticket open with its resolve clock running', async () => {
    const { id } = await createTicket(t, agent, call({ type: TicketType.Billing, description: '上月燃气费重复扣款' }));
    expect(await clock(id, ClockKind.FirstReply)).toMatchObject({ stoppedAt: null });

    await reply(id, '已核实重复扣款，退款3个工作日内原路退回').expect(200);

    const ticket = await getTicket(t, agent, id);
    expect(ticket.clocks.find((c) => c.kind === ClockKind.FirstReply)).toMatchObject({
      stoppedAt: expect.any(String),
      breached: false,
    });
    expect(ticket.clocks.find((c) => c.kind === ClockKind.Resolve)).toMatchObject({ stoppedAt: null });
    expect(ticket.status).not.toBe(TicketStatus.Resolved);
    expect(ticket.events.map((e) => e.note)).toContain('答复：已核实重复扣款，退款3个工作日内原路退回');

    expectRefused(await reply(id, '再答复一次'), 409, ErrorCode.Conflict);
  });

  it('is refused on work that is not answered by a reply (a repair), changing nothing', async () => {
    const { id } = await createTicket(t, agent);
    expectRefused(await reply(id, '已安排师傅'), 422, ErrorCode.TicketTypeMismatch);
    expect((await getTicket(t, agent, id)).events.map((e) => e.note)).not.toContain('答复：已安排师傅');
  });
});
