import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../common/config';
import { call, createTicket, expectRefused } from '../testing/api-fixtures';
import { countRows, fakeWechat, loginCode, phoneCode, residentLogin } from '../testing/resident-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { Resident } from './resident.entity';

/** Signing in from the miniapp: wx.login code → resident token; getPhoneNumber code → phone kept encrypted. */
describe('resident login through WeChat', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('exchanges a login code for a token and the resident, and keeps one resident per WeChat identity', async () => {
    const first = await t
      .http()
      .post('/api/auth/wechat')
      .send({ code: loginCode('login-alice') })
      .expect(200);
    expect(first.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      resident: { id: expect.any(Number), phone: null, privacyConsentedAt: null },
    });
    const again = await t
      .http()
      .post('/api/auth/wechat')
      .send({ code: loginCode('login-alice') })
      .expect(200);
    expect(again.body.resident.id).toBe(first.body.resident.id);
    const other = await t
      .http()
      .post('/api/auth/wechat')
      .send({ code: loginCode('login-bob') })
      .expect(200);
    expect(other.body.resident.id).not.toBe(first.body.resident.id);

    // The token works on the resident's own endpoints.
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${first.body.token}`).expect(200);
    expect(me.body).toEqual(first.body.resident);
  });

  it('asks WeChat with the configured appid and never hands the session key to the miniapp', async () => {
    const code = loginCode('login-carol');
    const res = await t.http().post('/api/auth/wechat').send({ code }).expect(200);
    expect(res.text).not.toMatch(/session/i);

    const calls = fakeWechat(t).received.filter((c) => c.path === '/sns/jscode2session' && c.query.js_code === code);
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'GET',
        query: {
          appid: t.app.get<AppConfig>(APP_CONFIG).WECHAT_APPID,
          secret: '***',
          js_code: code,
          grant_type: 'authorization_code',
        },
      }),
    ]);
  });

  it('refuses a code WeChat never issued, and a code used before, with 401 WECHAT_CODE_INVALID, creating nobody', async () => {
    const used = loginCode('login-dan');
    await t.http().post('/api/auth/wechat').send({ code: used }).expect(200);
    const before = await countRows(t, 'resident');
    for (const code of ['not a code!', used]) {
      const res = await t.http().post('/api/auth/wechat').send({ code });
      expectRefused(res, 401, ErrorCode.WechatCodeInvalid);
      expect(res.body.token).toBeUndefined();
    }
    expect(await countRows(t, 'resident')).toBe(before);
  });

  it('refuses a missing code with 400 and a Chinese message', async () => {
    expectRefused(await t.http().post('/api/auth/wechat').send({}), 400, ErrorCode.ValidationFailed);
    expectRefused(await t.http().post('/api/auth/wechat').send({ code: '   ' }), 400, ErrorCode.ValidationFailed);
  });
});

describe("the resident's phone", () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const rawPhone = async (id: number): Promise<string | null> =>
    (await t.app.get(DataSource).query('SELECT phone FROM resident WHERE id = ?', [id]))[0].phone;

  it('is stored encrypted and shown masked', async () => {
    const r = await residentLogin(t, 'phone-alice');
    const res = await t
      .http()
      .post('/api/auth/phone')
      .set('Authorization', r.auth)
      .send({ code: phoneCode('13812345678') })
      .expect(200);
    expect(res.body).toEqual({ id: r.resident.id, phone: '138****5678', privacyConsentedAt: null });
    expect(res.text).not.toContain('13812345678');

    const stored = await rawPhone(r.resident.id);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain('12345678');
    // It is this number, read back through the entity's decryption.
    expect((await t.app.get(DataSource).getRepository(Resident).findOneByOrFail({ id: r.resident.id })).phone).toBe(
      '13812345678',
    );

    const me = await t.http().get('/api/me').set('Authorization', r.auth).expect(200);
    expect(me.body.phone).toBe('138****5678');
    // Logging in again shows the same masked phone.
    expect((await residentLogin(t, 'phone-alice')).resident.phone).toBe('138****5678');
  });

  it('refuses a phone code WeChat rejects with WECHAT_CODE_INVALID, keeping the phone it had and the session', async () => {
    const r = await residentLogin(t, 'phone-bob');
    await t
      .http()
      .post('/api/auth/phone')
      .set('Authorization', r.auth)
      .send({ code: phoneCode('13912340000') })
      .expect(200);
    const before = await rawPhone(r.resident.id);

    const res = await t.http().post('/api/auth/phone').set('Authorization', r.auth).send({ code: 'mock-phone-123' });
    // A 401, but with the code the miniapp treats as a refused code rather than a lost session.
    expectRefused(res, 401, ErrorCode.WechatCodeInvalid);
    expect(await rawPhone(r.resident.id)).toBe(before);
    await t.http().get('/api/me').set('Authorization', r.auth).expect(200);
  });

  it('needs a resident token', async () => {
    expectRefused(
      await t
        .http()
        .post('/api/auth/phone')
        .send({ code: phoneCode('13812345678') }),
      401,
      ErrorCode.Unauthenticated,
    );
  });
});

describe('resident and staff tokens are not interchangeable', () => {
  let t: TestApp;
  let ticketId: number;
  beforeAll(async () => {
    t = await startTestApp();
    ticketId = (await createTicket(t, await t.login('agent1'), call())).id;
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/api/me'],
    ['GET', '/api/accounts'],
    ['POST', '/api/accounts/bind'],
    ['GET', '/api/my/tickets'],
    ['POST', '/api/auth/phone'],
    ['DELETE', '/api/me'],
  ])('a staff token on %s %s is 401', async (method, path) => {
    const staff = await t.login('admin');
    const verb = method === 'GET' ? 'get' : method === 'POST' ? 'post' : 'delete';
    const res = await t.http()[verb](path).set('Authorization', staff).send({});
    expectRefused(res, 401, ErrorCode.Unauthenticated);
  });

  it.each([
    ['GET', '/api/queues'],
    ['GET', '/api/tickets/:id'],
    ['POST', '/api/tickets/:id/claim'],
    ['POST', '/api/tickets/:id/reveal-phone'],
    ['POST', '/api/tickets'],
    ['GET', '/api/admin/personal-data-access'],
  ])('a resident token on %s %s is 401', async (method, path) => {
    const r = await residentLogin(t, 'token-mixer');
    const url = path.replace(':id', String(ticketId));
    const req = t.http()[method === 'GET' ? 'get' : 'post'](url).set('Authorization', r.auth);
    const res = method === 'POST' ? await req.send(call()) : await req;
    expectRefused(res, 401, ErrorCode.Unauthenticated);
  });

  it('a staff token on a resident endpoint changes nothing', async () => {
    const staff = await t.login('admin');
    await t
      .http()
      .post('/api/accounts/bind')
      .set('Authorization', staff)
      .send({ accountNo: '9100000001', holderName: '王秀英' })
      .expect(401);
    expect(await countRows(t, 'account_binding')).toBe(0);
    expect(await countRows(t, 'bind_attempt')).toBe(0);
  });
});
