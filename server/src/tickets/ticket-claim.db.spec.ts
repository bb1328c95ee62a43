import { ErrorCode, TicketStatus } from '@utility/shared';
import {
  call,
  createTicket,
  expectRefused,
  getTicket,
  login,
  signIn,
  ticketState,
  transition,
} from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const repairCall = call();

describe('claiming a ticket', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  it('lets exactly one of ten simultaneous claimants win; the others get 409', async () => {
    const created = await t.http().post('/api/tickets').set('Authorization', agent).send(repairCall).expect(201);
    const people = await Promise.all(['tech1', 'tech2', 'dispatcher1', 'supervisor1', 'admin'].map((u) => login(t, u)));
    const claimants = [...people, ...people];
    const answers = await Promise.all(
      claimants.map((auth) => t.http().post(`/api/tickets/${created.body.id}/claim`).set('Authorization', auth)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const loser of answers.filter((a) => a.status === 409))
      expectRefused(loser, 409, ErrorCode.TicketAlreadyClaimed);
    const winner = answers.find((a) => a.status === 200)!;
    const detail = await getTicket(t, agent, created.body.id);
    expect(detail.status).toBe(TicketStatus.Assigned);
    expect(detail.assigneeId).toBe(winner.body.assigneeId);
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'claimed')).toHaveLength(1);
  });

  it('records who claimed it; the phone stays masked in the view, even to the claimant', async () => {
    const ticket = await createTicket(t, agent, call({ contactPhone: '13912345678' }));
    const tech1 = await signIn(t, 'tech1');
    const res = await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', tech1.auth).expect(200);
    expect(res.body).toMatchObject({
      status: 'assigned',
      assigneeId: tech1.staff.id,
      assigneeName: '张师傅',
      contactPhone: '139****5678',
    });
    const detail = await getTicket(t, tech1.auth, ticket.id);
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'claimed',
      actorId: tech1.staff.id,
      actorName: '张师傅',
      fromStatus: 'accepted',
      toStatus: 'assigned',
    });
    expect(detail.allowedTransitions).toEqual(['accepted', 'en_route']);
  });

  it('refuses a ticket someone already works with 409 TICKET_ALREADY_CLAIMED and changes nothing', async () => {
    const ticket = await createTicket(t, agent, call());
    await t
      .http()
      .post(`/api/tickets/${ticket.id}/claim`)
      .set('Authorization', await login(t, 'tech1'))
      .expect(200);
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${ticket.id}/claim`)
        .set('Authorization', await login(t, 'tech2')),
      409,
      ErrorCode.TicketAlreadyClaimed,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('refuses a cancelled ticket with 409 TRANSITION_NOT_ALLOWED', async () => {
    const ticket = await createTicket(t, agent, call());
    await transition(t, agent, ticket.id, 'cancelled', '用户来电撤销').expect(200);
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${ticket.id}/claim`)
        .set('Authorization', await login(t, 'tech1')),
      409,
      ErrorCode.TransitionNotAllowed,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('refuses a staff member who can see the ticket but does not work its queue with 403', async () => {
    // agent1 took the call, so follows the ticket, but does not work the repair queue.
    const ticket = await createTicket(t, agent, call());
    await getTicket(t, agent, ticket.id);
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', agent),
      403,
      ErrorCode.Forbidden,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('does not let a technician of another queue claim: the ticket is out of their scope (404)', async () => {
    const ticket = await createTicket(t, agent, call());
    const before = await ticketState(t, ticket.id);
    expectRefused(
      await t
        .http()
        .post(`/api/tickets/${ticket.id}/claim`)
        .set('Authorization', await login(t, 'tech3')),
      404,
      ErrorCode.NotFound,
    );
    expect(await ticketState(t, ticket.id)).toEqual(before);
  });

  it('lets a supervisor of the district claim without being a queue member', async () => {
    const ticket = await createTicket(t, agent, call());
    const res = await t
      .http()
      .post(`/api/tickets/${ticket.id}/claim`)
      .set('Authorization', await login(t, 'supervisor1'))
      .expect(200);
    expect(res.body.assigneeName).toBe('周主管');
  });
});
