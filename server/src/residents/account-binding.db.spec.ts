import { ErrorCode } from '@utility/shared';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { EAST_HALL_ACCOUNT, EAST_HEAT_ACCOUNT, WEST_ACCOUNT, expectRefused, minutes } from '../testing/api-fixtures';
import {
  Resident,
  bindAccount,
  bindBody,
  countRows,
  holderOf,
  myAccounts,
  residentLogin,
} from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { AccountBindingsService } from './account-bindings.service';

const bind = (t: TestApp, r: Resident, body: Record<string, unknown>, key?: string) => {
  const req = t.http().post('/api/accounts/bind').set('Authorization', r.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

/** Binding a utility account (户号) to a WeChat identity: proven by the holder's name. */
describe('binding accounts', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('binds several accounts, the first one default, each with its label, the holder masked', async () => {
    const r = await residentLogin(t, 'bind-several');
    const first = await bindAccount(t, r, EAST_HEAT_ACCOUNT, '家');
    expect(first).toEqual([
      {
        id: expect.any(Number),
        accountNo: EAST_HEAT_ACCOUNT,
        holderName: '王**',
        address: expect.any(String),
        utility: 'gas',
        label: '家',
        isDefault: true,
      },
    ]);
    await bindAccount(t, r, EAST_HALL_ACCOUNT, '父母家');
    const all = await bindAccount(t, r, WEST_ACCOUNT);
    expect(all.map((a) => [a.accountNo, a.label, a.isDefault])).toEqual([
      [EAST_HEAT_ACCOUNT, '家', true],
      [EAST_HALL_ACCOUNT, '父母家', false],
      [WEST_ACCOUNT, '', false],
    ]);
    expect(await myAccounts(t, r)).toEqual(all);
    // The holder's full name never leaves the server.
    expect(JSON.stringify(all)).not.toContain(holderOf(EAST_HEAT_ACCOUNT));
  });

  it('binding an account already bound changes nothing', async () => {
    const r = await residentLogin(t, 'bind-twice');
    const once = await bindAccount(t, r, EAST_HEAT_ACCOUNT, '家');
    expect(await bindAccount(t, r, EAST_HEAT_ACCOUNT, '别的')).toEqual(once);
  });

  it('switches the default, and unbinding the default promotes the oldest remaining account', async () => {
    const r = await residentLogin(t, 'bind-default');
    await bindAccount(t, r, EAST_HEAT_ACCOUNT);
    await bindAccount(t, r, EAST_HALL_ACCOUNT);
    const [heat, hall, west] = await bindAccount(t, r, WEST_ACCOUNT);

    const switched = await t.http().post(`/api/accounts/${west.id}/default`).set('Authorization', r.auth).expect(200);
    expect(switched.body.map((a: { accountNo: string; isDefault: boolean }) => [a.accountNo, a.isDefault])).toEqual([
      [heat.accountNo, false],
      [hall.accountNo, false],
      [west.accountNo, true],
    ]);

    const unbound = await t.http().delete(`/api/accounts/${west.id}`).set('Authorization', r.auth).expect(200);
    expect(unbound.body.map((a: { accountNo: string; isDefault: boolean }) => [a.accountNo, a.isDefault])).toEqual([
      [heat.accountNo, true],
      [hall.accountNo, false],
    ]);
    // Unbinding one that is not the default leaves the default where it is.
    const rest = await t.http().delete(`/api/accounts/${hall.id}`).set('Authorization', r.auth).expect(200);
    expect(rest.body.map((a: { accountNo: string; isDefault: boolean }) => [a.accountNo, a.isDefault])).toEqual([
      [heat.accountNo, true],
    ]);
    const none = await t.http().delete(`/api/accounts/${heat.id}`).set('Authorization', r.auth).expect(200);
    expect(none.body).toEqual([]);
    // The company's account stays: it can be bound again.
    expect(await bindAccount(t, r, EAST_HEAT_ACCOUNT)).toEqual([
      expect.objectContaining({ accountNo: EAST_HEAT_ACCOUNT, isDefault: true }),
    ]);
  });

  it('answers 404 for an account bound only by another resident, and leaves that binding alone', async () => {
    const owner = await residentLogin(t, 'bind-owner');
    const [theirs] = await bindAccount(t, owner, WEST_ACCOUNT);
    const other = await residentLogin(t, 'bind-other');
    await bindAccount(t, other, EAST_HEAT_ACCOUNT);

    expectRefused(
      await t.http().post(`/api/accounts/${theirs.id}/default`).set('Authorization', other.auth),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t.http().delete(`/api/accounts/${theirs.id}`).set('Authorization', other.auth),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(
      await t.http().delete('/api/accounts/999999').set('Authorization', other.auth),
      404,
      ErrorCode.NotFound,
    );
    expect(await myAccounts(t, owner)).toEqual([theirs]);
    expect(await myAccounts(t, other)).toEqual([
      expect.objectContaining({ accountNo: EAST_HEAT_ACCOUNT, isDefault: true }),
    ]);
  });

  it('gives the same answer for an unknown number and a wrong name, and binds nothing', async () => {
    const r = await residentLogin(t, 'bind-mismatch');
    const unknown = await bind(t, r, { ...bindBody(EAST_HEAT_ACCOUNT), accountNo: '9100009999' });
    const wrongName = await bind(t, r, { ...bindBody(EAST_HEAT_ACCOUNT), holderName: '李四' });
    for (const res of [unknown, wrongName]) expectRefused(res, 422, ErrorCode.BindMismatch);
    expect(unknown.body).toEqual(wrongName.body);
    expect(await myAccounts(t, r)).toEqual([]);
  });

  it('refuses a malformed number before checking anything, with a Chinese message', async () => {
    const r = await residentLogin(t, 'bind-malformed');
    const res = await bind(t, r, { accountNo: '91000', holderName: '王秀英' });
    expectRefused(res, 400, ErrorCode.ValidationFailed);
    expect(res.body.message).toBe('户号应为10位数字');
    expect(await countRows(t, 'bind_attempt', { residentId: r.resident.id })).toBe(0);
  });
});

/** Guessing account numbers: 5 failed tries an hour, then 429 until the hour has passed. */
describe('binding rate limit', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const wrong = (n: number) => ({
    accountNo: `91000099${String(n).padStart(2, '0')}`,
    holderName: '王秀英',
    secondFact: '0000',
  });
  const right = bindBody(EAST_HEAT_ACCOUNT);

  it('refuses the 6th try after 5 failures, even a correct one, and lets it through an hour later', async () => {
    const t0 = new Date('2026-07-01T02:00:00.000Z');
    const r = await residentLogin(t, 'limit-guesser');
    t.setNow(t0);
    for (let i = 0; i < 5; i++)
      expectRefused(await bind(t, r, i % 2 ? wrong(i) : { ...right, holderName: '错名' }), 422, ErrorCode.BindMismatch);

    t.setNow(minutes(t0, 10));
    const limited = await bind(t, r, right);
    expectRefused(limited, 429, ErrorCode.RateLimited);
    expect(await myAccounts(t, r)).toEqual([]);

    // An hour after the last refused try.
    t.setNow(minutes(t0, 71));
    expect((await bind(t, r, right).expect(201)).body).toEqual([
      expect.objectContaining({ accountNo: EAST_HEAT_ACCOUNT }),
    ]);
  });

  it('does not count a correct bind as a failure', async () => {
    const t0 = new Date('2026-07-02T02:00:00.000Z');
    const r = await residentLogin(t, 'limit-honest');
    t.setNow(t0);
    for (let i = 0; i < 4; i++) expectRefused(await bind(t, r, wrong(i)), 422, ErrorCode.BindMismatch);
    await bind(t, r, right).expect(201);
    // The 6th try, but only the 5th failure: still the mismatch, not the limit.
    expectRefused(await bind(t, r, wrong(5)), 422, ErrorCode.BindMismatch);
    expectRefused(await bind(t, r, bindBody(EAST_HALL_ACCOUNT)), 429, ErrorCode.RateLimited);
    expect((await myAccounts(t, r)).map((a) => a.accountNo)).toEqual([EAST_HEAT_ACCOUNT]);
  });

  it('counts per resident: one guesser does not lock out another', async () => {
    const t0 = new Date('2026-07-03T02:00:00.000Z');
    t.setNow(t0);
    const guesser = await residentLogin(t, 'limit-guesser-2');
    for (let i = 0; i < 6; i++) await bind(t, guesser, wrong(i));
    expectRefused(await bind(t, guesser, right), 429, ErrorCode.RateLimited);
    const neighbour = await residentLogin(t, 'limit-neighbour');
    await bind(t, neighbour, right).expect(201);
  });
});

/** A retried (weak network, Idempotency-Key) or doubled request binds once and answers the same. */
describe('binding retried or at once', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const body = (accountNo: string, label = '家') => ({ ...bindBody(accountNo), label });

  it('replays the same list for the same key and body', async () => {
    const r = await residentLogin(t, 'idem-replay');
    const first = await bind(t, r, body(EAST_HEAT_ACCOUNT), 'bind-key-0001').expect(201);
    const replay = await bind(t, r, body(EAST_HEAT_ACCOUNT), 'bind-key-0001').expect(201);
    expect(replay.body).toEqual(first.body);
    expect(await countRows(t, 'account_binding', { residentId: r.resident.id })).toBe(1);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED, binding nothing new', async () => {
    const r = await residentLogin(t, 'idem-reuse');
    const first = await bind(t, r, body(EAST_HEAT_ACCOUNT), 'bind-key-0002').expect(201);
    expectRefused(await bind(t, r, body(EAST_HALL_ACCOUNT), 'bind-key-0002'), 422, ErrorCode.IdempotencyKeyReused);
    expectRefused(
      await bind(t, r, body(EAST_HEAT_ACCOUNT, '出租屋'), 'bind-key-0002'),
      422,
      ErrorCode.IdempotencyKeyReused,
    );
    expect(await myAccounts(t, r)).toEqual(first.body);
  });

  it('keys are per resident: another resident may use the same key', async () => {
    const a = await residentLogin(t, 'idem-a');
    const b = await residentLogin(t, 'idem-b');
    await bind(t, a, body(EAST_HEAT_ACCOUNT), 'bind-key-0003').expect(201);
    const res = await bind(t, b, body(WEST_ACCOUNT), 'bind-key-0003').expect(201);
    expect(res.body.map((x: { accountNo: string }) => x.accountNo)).toEqual([WEST_ACCOUNT]);
  });

  it('binds once when the same request arrives 5 times at once', async () => {
    const r = await residentLogin(t, 'idem-burst');
    const answers: Response[] = await Promise.all(
      Array.from({ length: 5 }, () => bind(t, r, body(EAST_HEAT_ACCOUNT), 'bind-key-0004')),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const a of answers)
      expect(a.body).toEqual([expect.objectContaining({ accountNo: EAST_HEAT_ACCOUNT, isDefault: true, label: '家' })]);
    expect(await countRows(t, 'account_binding', { residentId: r.resident.id })).toBe(1);
  });

  it('binds once when a double tap sends the request 5 times at once without a key', async () => {
    const r = await residentLogin(t, 'idem-double-tap');
    const answers: Response[] = await Promise.all(Array.from({ length: 5 }, () => bind(t, r, body(EAST_HALL_ACCOUNT))));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await countRows(t, 'account_binding', { residentId: r.resident.id })).toBe(1);
    expect(await myAccounts(t, r)).toEqual([
      expect.objectContaining({ accountNo: EAST_HALL_ACCOUNT, isDefault: true }),
    ]);
  });

  it('makes exactly one default when a new resident binds two accounts at once', async () => {
    const r = await residentLogin(t, 'idem-two-at-once');
    const answers: Response[] = await Promise.all([
      bind(t, r, body(EAST_HEAT_ACCOUNT)),
      bind(t, r, body(WEST_ACCOUNT)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const accounts = await myAccounts(t, r);
    expect(accounts).toHaveLength(2);
    expect(accounts.filter((a) => a.isDefault)).toHaveLength(1);
  });
});

/** Issue 18, item 3: fresh WeChat identities took turns guessing a holder's name, and bindings never ended. */
describe('binding: second fact, per-account cap, ended bindings', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());
  afterEach(() => t.setNow(new Date()));

  it('asks for the last four digits of the registered phone, and the name alone binds nothing', async () => {
    const r = await residentLogin(t, 'fact-name-only');
    const requirement = await t.http().get('/api/accounts/binding-requirement').set('Authorization', r.auth);
    expect(requirement.body).toEqual({
      secondFact: 'phone_last4',
      label: '预留手机号后四位',
      hint: expect.any(String),
    });

    const { secondFact, ...nameOnly } = bindBody('9100000011');
    const missing = await bind(t, r, nameOnly);
    expectRefused(missing, 400, ErrorCode.ValidationFailed);
    expect(missing.body.message).toContain('预留手机号后四位');
    const wrongDigits = String((Number(secondFact) + 1) % 10_000).padStart(4, '0');
    expectRefused(await bind(t, r, { ...nameOnly, secondFact: wrongDigits }), 422, ErrorCode.BindMismatch);
    expect(await myAccounts(t, r)).toEqual([]);
    await bind(t, r, bindBody('9100000011')).expect(201);
  });

  it('locks an account after 10 failed tries by any residents for 24 h (429 with Retry-After), binding nothing', async () => {
    const t0 = new Date('2026-08-01T02:00:00.000Z');
    t.setNow(t0);
    const target = '9100000012';
    for (let i = 0; i < 10; i++) {
      const fresh = await residentLogin(t, `fact-guesser-${i}`);
      const guess = String(1000 + i);
      expectRefused(
        await bind(t, fresh, {
          ...bindBody(target),
          secondFact: guess === bindBody(target).secondFact ? '0000' : guess,
        }),
        422,
        ErrorCode.BindMismatch,
      );
    }
    const before = { bindings: await countRows(t, 'account_binding'), attempts: await countRows(t, 'bind_attempt') };
    const eleventh = await residentLogin(t, 'fact-guesser-right');
    t.setNow(minutes(t0, 30));
    const locked = await bind(t, eleventh, bindBody(target));
    expectRefused(locked, 429, ErrorCode.BindAccountLocked);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect({ bindings: await countRows(t, 'account_binding'), attempts: await countRows(t, 'bind_attempt') }).toEqual(
      before,
    );
    // Another account is not locked, and this one opens again after the window.
    await bind(t, eleventh, bindBody('9100000013')).expect(201);
    t.setNow(minutes(t0, 24 * 60 + 1));
    await bind(t, eleventh, bindBody(target)).expect(201);
  });

  it("ends every binding of an account (过户), keeping them as history; the households' other accounts stay", async () => {
    const [old1, old2] = await Promise.all([residentLogin(t, 'transfer-old-1'), residentLogin(t, 'transfer-old-2')]);
    const [{ id: accountId }] = await bindAccount(t, old1, '9100000014');
    await bindAccount(t, old1, '9100000016');
    await bindAccount(t, old2, '9100000016');
    await bindAccount(t, old2, '9100000014');

    expect(await t.app.get(AccountBindingsService).endBindingsOfAccount(accountId, 'holder_changed')).toHaveLength(2);

    expect((await myAccounts(t, old1)).map((a) => [a.accountNo, a.isDefault])).toEqual([['9100000016', true]]);
    expect((await myAccounts(t, old2)).map((a) => [a.accountNo, a.isDefault])).toEqual([['9100000016', true]]);
    expect(await countRows(t, 'account_binding', { accountId })).toBe(0);
    expect(await countRows(t, 'ended_binding', { accountId, reason: 'holder_changed' })).toBe(2);
    // No longer theirs: its bills are 404 to them.
    expect((await t.http().get(`/api/accounts/${accountId}/bills`).set('Authorization', old1.auth)).status).toBe(404);
    // The new holder binds it afresh.
    const newHolder = await residentLogin(t, 'transfer-new');
    await bind(t, newHolder, bindBody('9100000014')).expect(201);
    expect(await t.app.get(AccountBindingsService).endBindingsOfAccount(accountId, 'holder_changed')).toHaveLength(1);
  });
});

describe('binding with the last bill as the second fact (BINDING_SECOND_FACT=last_bill_amount)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ BINDING_SECOND_FACT: 'last_bill_amount' })));
  afterAll(() => t.close());

  it("binds with the latest bill's amount in yuan; an account with no bill yet is sent to the counter", async () => {
    const r = await residentLogin(t, 'fact-bill');
    const [bill] = await t.app
      .get(DataSource)
      .query("SELECT b.amountFen FROM bill b JOIN account a ON a.id = b.accountId WHERE a.accountNo = '9100000021'");
    const yuan = (Number(bill.amountFen) / 100).toFixed(2);
    const body = { accountNo: '9100000021', holderName: holderOf('9100000021') };
    expectRefused(
      await bind(t, r, { ...body, secondFact: bindBody('9100000021').secondFact }),
      422,
      ErrorCode.BindMismatch,
    );
    await bind(t, r, { ...body, secondFact: yuan }).expect(201);
    // A heating account before its season has no bill: nothing to check the fact against.
    const heating = { accountNo: '9100000020', holderName: holderOf('9100000020'), secondFact: '100.00' };
    expectRefused(await bind(t, r, heating), 422, ErrorCode.BindAtCounter);
    expect((await myAccounts(t, r)).map((a) => a.accountNo)).toEqual(['9100000021']);
  });
});
