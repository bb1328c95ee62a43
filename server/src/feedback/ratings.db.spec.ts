import { ErrorCode, RatingLevel, TicketStatus, TicketType } from '@utility/shared';
import {
  EAST_HEAT_ACCOUNT,
  call,
  createTicket,
  expectRefused,
  login,
  signIn,
  ticketState,
} from '../testing/api-fixtures';
import {
  answers,
  planVisits,
  rate,
  rated,
  resolveAs,
  resolvedRepair,
  visitOf,
  visitRows,
} from '../testing/feedback-fixtures';
import { Resident, bindAccount, countRows, myTicket, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

const DAY = 86_400_000;

describe('POST /api/my/tickets/:id/rating: refusals, and what is visited', () => {
  let t: TestApp;
  let alice: Resident;
  let eve: Resident;

  beforeAll(async () => {
    // Every sampled resolution is visited here, so that the recorded draw can be checked.
    t = await startTestApp({ RETURN_VISIT_SAMPLE_RATE: '1', RETURN_VISIT_SAMPLE_SEED: 'spec-seed' });
    [alice, eve] = await Promise.all([residentLogin(t, 'rate-alice'), residentLogin(t, 'rate-eve')]);
    await bindAccount(t, alice, EAST_HEAT_ACCOUNT);
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  it('refuses a bad body, a second rating, another resident and a closed window, and changes nothing', async () => {
    t.setNow(new Date('2026-11-20T02:00:00Z'));
    const id = await resolvedRepair(t);
    const before = await ticketState(t, id);
    for (const body of [
      {},
      { level: 'great', answers: {} },
      { level: RatingLevel.Satisfied, answers: { speed: RatingLevel.Satisfied } },
    ]) {
      expectRefused(
        await t.http().post(`/api/my/tickets/${id}/rating`).set('Authorization', alice.auth).send(body),
        400,
        ErrorCode.ValidationFailed,
      );
    }
    expectRefused(await rate(t, eve, id, RatingLevel.Dissatisfied), 404, ErrorCode.NotFound);
    expect(await countRows(t, 'rating', { ticketId: id })).toBe(0);
    expect(await ticketState(t, id)).toEqual(before);

    t.setNow(new Date('2026-11-27T02:00:01Z'));
    expectRefused(await rate(t, alice, id, RatingLevel.Satisfied), 409, ErrorCode.RatingClosed);
    expect((await myTicket(t, alice, id)).rating).toMatchObject({ canRate: false, rated: null });

    t.setNow(new Date('2026-11-27T02:00:00Z'));
    await rated(t, alice, id, RatingLevel.Satisfied);
    expectRefused(await rate(t, alice, id, RatingLevel.Dissatisfied), 409, ErrorCode.AlreadyRated);
    expect(await countRows(t, 'rating', { ticketId: id })).toBe(1);
    expect((await myTicket(t, alice, id)).rating).toMatchObject({
      canRate: false,
      rated: { level: RatingLevel.Satisfied, levelLabel: '比较满意' },
    });
  });

  it('answers a resend with the same Idempotency-Key with the same rating, and opens one complaint', async () => {
    const id = await resolvedRepair(t);
    const send = (ticketId: number, key: string) =>
      t
        .http()
        .post(`/api/my/tickets/${ticketId}/rating`)
        .set('Authorization', alice.auth)
        .set('Idempotency-Key', key)
        .send({ level: RatingLevel.Dissatisfied, answers: answers(RatingLevel.Dissatisfied), comment: '没修好' });
    const first = await send(id, 'rating-key-0001');
    expect(first.status).toBe(201);
    // The answer was lost; the app sends the same request again.
    const again = await send(id, 'rating-key-0001');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countRows(t, 'rating', { ticketId: id })).toBe(1);
    expect(await countRows(t, 'complaint_case', { relatedTicketId: id })).toBe(1);
    // A new key is a new rating: refused, it was given. The same key on another ticket is refused too.
    expectRefused(await send(id, 'rating-key-0002'), 409, ErrorCode.AlreadyRated);
    const other = await resolvedRepair(t);
    expectRefused(await send(other, 'rating-key-0001'), 422, ErrorCode.IdempotencyKeyReused);
    expect(await countRows(t, 'rating', { ticketId: other })).toBe(0);
  });

  it('refuses a rating before the work is resolved', async () => {
    const ticket = await createTicket(t, await login(t, 'agent1'), call());
    expectRefused(await rate(t, alice, ticket.id, RatingLevel.Satisfied), 409, ErrorCode.NotRatable);
  });

  it('records two ratings in a race as one', async () => {
    const id = await resolvedRepair(t);
    const results = await Promise.all([
      rate(t, alice, id, RatingLevel.Satisfied),
      rate(t, alice, id, RatingLevel.VerySatisfied),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await countRows(t, 'rating', { ticketId: id })).toBe(1);
  });

  it('records the decision for billing work without a task, and does not let it be rated', async () => {
    const ticket = await createTicket(
      t,
      await login(t, 'agent1'),
      call({ type: TicketType.Billing, description: '缴费未到账' }),
    );
    const agent = await signIn(t, 'agent1');
    await t.http().post(`/api/tickets/${ticket.id}/claim`).set('Authorization', agent.auth).expect(200);
    await resolveAs(t, 'agent1', ticket.id, false);
    await planVisits(t);
    expect((await visitRows(t, ticket.id))[0]).toMatchObject({ reason: 'excluded', taskTicketId: null });
    // Billing is not rated (docs/domain.md#ratings): the ticket stays for the agent to close.
    expectRefused(await rate(t, alice, ticket.id, RatingLevel.Satisfied), 409, ErrorCode.NotRatable);
  });

  it('visits every application (new accounts, changes) and gives it 7 working days', async () => {
    const resolvedAt = new Date('2026-11-20T02:00:00Z'); // Friday
    t.setNow(resolvedAt);
    const ticket = await createTicket(
      t,
      await login(t, 'agent1'),
      call({ type: TicketType.Application, description: '过户申请' }),
    );
    await t
      .http()
      .post(`/api/tickets/${ticket.id}/claim`)
      .set('Authorization', await login(t, 'agent1'))
      .expect(200);
    await resolveAs(t, 'agent1', ticket.id, false);
    await planVisits(t);
    const [row] = await visitRows(t, ticket.id);
    expect(row).toMatchObject({ resolution: 1, reason: 'policy', drawPpm: null });
    // Mon 23 … Tue 1 Dec is 7 working days; due at the end of that day, Shanghai time.
    expect(await visitOf(t, ticket.id)).toMatchObject({
      reason: 'policy',
      dueAt: '2026-12-01T16:00:00.000Z',
      rate: null,
    });
  });

  it('gives a complaint visit 5 working days, and keeps a rated complaint resolved until the visit', async () => {
    t.setNow(new Date('2026-11-20T02:00:00Z'));
    const ticket = await createTicket(
      t,
      await login(t, 'agent1'),
      call({ type: TicketType.Complaint, description: '师傅态度差' }),
    );
    await t
      .http()
      .post(`/api/tickets/${ticket.id}/claim`)
      .set('Authorization', await login(t, 'agent1'))
      .expect(200);
    await resolveAs(t, 'agent1', ticket.id, false);
    await planVisits(t);
    expect(await visitOf(t, ticket.id)).toMatchObject({ reason: 'policy', dueAt: '2026-11-27T16:00:00.000Z' });
    t.setNow(new Date(Date.parse('2026-11-20T02:00:00Z') + DAY));
    await rated(t, alice, ticket.id, RatingLevel.VerySatisfied);
    expect((await ticketState(t, ticket.id)).ticket.status).toBe(TicketStatus.Resolved);
  });
});
