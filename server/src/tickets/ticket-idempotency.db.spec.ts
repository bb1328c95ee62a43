import { ErrorCode } from '@utility/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { call, countTickets, expectRefused, login } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { Ticket } from './ticket.entity';

/** A retried intake (weak network, double tap) must not open the ticket twice. */
describe('POST /api/tickets with an Idempotency-Key', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp();
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  const post = (key: string, body: object, auth = agent) =>
    t.http().post('/api/tickets').set('Authorization', auth).set('Idempotency-Key', key).send(body);
  const ticketsWith = (description: string) => t.app.get(DataSource).getRepository(Ticket).countBy({ description });

  it('answers a retry with the same ticket, marked Idempotent-Replayed, and creates it once', async () => {
    const key = randomUUID();
    const body = call({ description: `retry ${key}` });
    const first = await post(key, body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post(key, body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.no).toBe(first.body.no);
    expect(await ticketsWith(`retry ${key}`)).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const key = randomUUID();
    const body = call({ description: `order ${key}` });
    const first = await post(key, body).expect(201);
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(key, reversed).expect(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('creates one ticket when five identical requests arrive at once', async () => {
    const key = randomUUID();
    const body = call({ description: `burst ${key}` });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(key, body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await ticketsWith(`burst ${key}`)).toBe(1);
    const events = await t.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM ticket_event WHERE ticketId = ?', [answers[0].body.id]);
    expect(Number(events[0].n)).toBe(3);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED and creates nothing', async () => {
    const key = randomUUID();
    const first = await post(key, call({ description: `first ${key}` })).expect(201);
    const before = await countTickets(t);
    expectRefused(await post(key, call({ description: `other ${key}` })), 422, ErrorCode.IdempotencyKeyReused);
    expect(await countTickets(t)).toBe(before);
    // The original request can still be retried.
    expect((await post(key, call({ description: `first ${key}` })).expect(201)).body.id).toBe(first.body.id);
  });

  it("keeps keys apart per staff member: another agent's same key is another request", async () => {
    const key = randomUUID();
    const body = call({ description: `two people ${key}` });
    const mine = await post(key, body).expect(201);
    const theirs = await post(key, body, await login(t, 'dispatcher1')).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('treats keys that differ only in case as two requests (MariaDB compares keys byte for byte too)', async () => {
    const key = `case-${randomUUID()}`;
    const body = call({ description: `case ${key}` });
    const lower = await post(key, body).expect(201);
    const upper = await post(key.toUpperCase(), body).expect(201);
    expect(upper.body.id).not.toBe(lower.body.id);
    expect(upper.headers['idempotent-replayed']).toBeUndefined();
    expect(await ticketsWith(`case ${key}`)).toBe(2);
  });

  it('remembers nothing of a refused request: a corrected retry with the key creates the ticket', async () => {
    const key = randomUUID();
    expectRefused(
      await post(key, call({ accountNo: '9199999999', description: `fixed ${key}` })),
      422,
      ErrorCode.AccountNotFound,
    );
    await post(key, call({ description: `fixed ${key}` })).expect(201);
    expect(await ticketsWith(`fixed ${key}`)).toBe(1);
  });

  it.each(['short', 'has space in it', 'ä-not-ascii-key', 'x'.repeat(101)])(
    'refuses the malformed key %p with 400 and creates nothing',
    async (key) => {
      const before = await countTickets(t);
      expectRefused(await post(key, call()), 400, ErrorCode.ValidationFailed);
      expect(await countTickets(t)).toBe(before);
    },
  );
});
