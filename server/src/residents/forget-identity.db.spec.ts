import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import { Db } from '../common/db';
import {
  EAST_HALL_ACCOUNT,
  EAST_HEAT_ACCOUNT,
  call,
  createTicket,
  expectRefused,
  getTicket,
  signIn,
} from '../testing/api-fixtures';
import { bindAccount, countRows, myAccounts, myTickets, phoneCode, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

/** docs/domain.md#personal-data: a resident can delete the bindings of their WeChat identity; the company's records are kept. */
describe('deleting my WeChat identity', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('unbinds everything, ends the session at once and keeps the tickets for staff', async () => {
    const agent = await signIn(t, 'agent1');
    const r = await residentLogin(t, 'forget-alice');
    await t
      .http()
      .post('/api/auth/phone')
      .set('Authorization', r.auth)
      .send({ code: phoneCode('13812345678') })
      .expect(200);
    await bindAccount(t, r, EAST_HEAT_ACCOUNT, '家');
    await bindAccount(t, r, EAST_HALL_ACCOUNT);
    // A neighbour on the same account is not affected.
    const neighbour = await residentLogin(t, 'forget-neighbour');
    await bindAccount(t, neighbour, EAST_HEAT_ACCOUNT);
    const ticket = await createTicket(t, agent.auth, call({ accountNo: EAST_HEAT_ACCOUNT }));
    expect((await myTickets(t, r)).map((x) => x.id)).toEqual([ticket.id]);

    const res = await t.http().delete('/api/me').set('Authorization', r.auth);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    expect(await countRows(t, 'account_binding', { residentId: r.resident.id })).toBe(0);
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT openid, phone, deletedAt FROM resident WHERE id = ?', [r.resident.id]);
    expect(row).toMatchObject({ openid: null, phone: null });
    expect(row.deletedAt).not.toBeNull();

    // The old token, still within its week, no longer works anywhere.
    for (const [method, path] of [
      ['get', '/api/me'],
      ['get', '/api/accounts'],
      ['get', '/api/my/tickets'],
      ['get', `/api/my/tickets/${ticket.id}`],
      ['delete', '/api/me'],
    ] as const) {
      expectRefused(await t.http()[method](path).set('Authorization', r.auth), 401, ErrorCode.Unauthenticated);
    }
    expectRefused(
      await t
        .http()
        .post('/api/accounts/bind')
        .set('Authorization', r.auth)
        .send({ accountNo: EAST_HEAT_ACCOUNT, holderName: '王秀英' }),
      401,
      ErrorCode.Unauthenticated,
    );
    expect(await countRows(t, 'account_binding', { residentId: r.resident.id })).toBe(0);

    // The company's records stay.
    expect((await getTicket(t, agent.auth, ticket.id)).accountNo).toBe(EAST_HEAT_ACCOUNT);
    expect((await myTickets(t, neighbour)).map((x) => x.id)).toEqual([ticket.id]);
    expect(await myAccounts(t, neighbour)).toEqual([
      expect.objectContaining({ accountNo: EAST_HEAT_ACCOUNT, isDefault: true }),
    ]);
  });

  it('logging in again with the same WeChat identity starts afresh: a new resident, nothing bound, no phone', async () => {
    const before = await residentLogin(t, 'forget-bob');
    await t
      .http()
      .post('/api/auth/phone')
      .set('Authorization', before.auth)
      .send({ code: phoneCode('13912345678') })
      .expect(200);
    await bindAccount(t, before, EAST_HEAT_ACCOUNT);
    await t.http().delete('/api/me').set('Authorization', before.auth).expect(204);

    const after = await residentLogin(t, 'forget-bob');
    expect(after.resident.id).not.toBe(before.resident.id);
    expect(after.resident).toEqual({ id: after.resident.id, phone: null, privacyConsentedAt: null });
    expect(await myAccounts(t, after)).toEqual([]);
    expect(await myTickets(t, after)).toEqual([]);
    // The old token stays dead; the new one works.
    expectRefused(await t.http().get('/api/me').set('Authorization', before.auth), 401, ErrorCode.Unauthenticated);
    await t.http().get('/api/me').set('Authorization', after.auth).expect(200);
    // And the account can be bound again by the new resident.
    await bindAccount(t, after, EAST_HEAT_ACCOUNT);
  });

  it('stays deleted when a request transaction open at the same time rolls back', async () => {
    const r = await residentLogin(t, 'forget-carol');
    await bindAccount(t, r, EAST_HEAT_ACCOUNT);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = t.app.get(Db).transaction(async (em) => {
      await em.query('SELECT 1');
      await held;
      throw new Error('the request failed');
    });
    const deleting = t
      .http()
      .delete('/api/me')
      .set('Authorization', r.auth)
      .then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await expect(request).rejects.toThrow('the request failed');
    expect((await deleting).status).toBe(204);

    expect(await countRows(t, 'account_binding', { residentId: r.resident.id })).toBe(0);
    expectRefused(await t.http().get('/api/me').set('Authorization', r.auth), 401, ErrorCode.Unauthenticated);
  });
});
