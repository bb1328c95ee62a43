import { Logger, LoggerService } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeWechat, startFakeWechat } from '../dev/fake-wechat.server';
import { WechatApiClient, WechatApiError, WechatApiOptions, WechatErrcode } from './wechat-api.client';

const APPID = 'wx0000000000test';
const SECRET = 'test-secret-0123456789';

/** Everything the client logs, to check retries are reported and secrets never are. */
const logged: string[] = [];
const capture: LoggerService = {
  log: (m: unknown) => logged.push(String(m)),
  warn: (m: unknown) => logged.push(String(m)),
  error: (m: unknown) => logged.push(String(m)),
};

let fake: FakeWechat;

async function startFake(tokenTtlSeconds = 7200): Promise<FakeWechat> {
  fake = await startFakeWechat({ appid: APPID, secret: SECRET, tokenTtlSeconds });
  return fake;
}

function newClient(overrides: Partial<WechatApiOptions> = {}): WechatApiClient {
  return new WechatApiClient({
    baseUrl: fake.url,
    appid: APPID,
    secret: SECRET,
    timeoutMs: 2000,
    retryDelayMs: 10,
    ...overrides,
  });
}

/** The error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<WechatApiError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof WechatApiError)) throw new Error(`expected a WechatApiError, got ${String(outcome)}`);
  return outcome;
}

const calls = (path: string) => fake.received.filter((c) => c.path === path);
const message = (touser: string) => ({
  touser,
  templateId: 'tmpl-ticket-status',
  page: 'pages/index/index',
  data: { thing1: { value: '燃气报修已受理' } },
});

beforeAll(() => Logger.overrideLogger(capture));
beforeEach(() => startFake());
afterEach(async () => {
  await fake.close();
  logged.length = 0;
});

describe('code2Session', () => {
  it('gives one identity the same openid on every login and other identities different ones', async () => {
    const client = newClient();
    const first = await client.code2Session('mock-alice:1');
    const second = await client.code2Session('mock-alice:2');
    const bob = await client.code2Session('mock-bob');
    expect(first.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(second.openid).toBe(first.openid);
    expect(bob.openid).not.toBe(first.openid);
    expect(first.sessionKey).not.toBe(second.sessionKey);
    expect(first.unionid).toBeUndefined();
    expect(calls('/sns/jscode2session')[0].query).toMatchObject({
      appid: APPID,
      js_code: 'mock-alice:1',
      grant_type: 'authorization_code',
    });
  });

  it('refuses a code used twice with 40163, without retrying', async () => {
    const client = newClient();
    await client.code2Session('mock-alice:1');
    const error = await rejection(client.code2Session('mock-alice:1'));
    expect(error).toMatchObject({ errcode: WechatErrcode.CodeBeenUsed, retryable: false, api: 'code2Session' });
    expect(calls('/sns/jscode2session')).toHaveLength(2);
  });

  it.each([[''], ['has space'], ['x'.repeat(129)]])('refuses the malformed code %j with 40029', async (code) => {
    const error = await rejection(newClient().code2Session(code));
    expect(error).toMatchObject({ errcode: WechatErrcode.InvalidCode, retryable: false });
  });

  it('reports a wrong secret as WeChat does (40125), and never logs or echoes the secret', async () => {
    const error = await rejection(newClient({ secret: 'wrong-secret-value' }).code2Session('mock-alice'));
    expect(error).toMatchObject({ errcode: WechatErrcode.InvalidAppsecret, retryable: false });
    expect(error.message).not.toContain('wrong-secret-value');
    expect(calls('/sns/jscode2session')[0].query.secret).toBe('***');
  });
});

describe('access token', () => {
  it('is fetched once for several calls, concurrent ones included', async () => {
    const client = newClient();
    const { openid } = await client.code2Session('mock-alice');
    await Promise.all([1, 2, 3].map(() => client.sendSubscribeMessage(message(openid))));
    await client.getPhoneNumber('mock-phone-13800138000');
    expect(calls('/cgi-bin/stable_token')).toHaveLength(1);
    expect(calls('/cgi-bin/stable_token')[0].body).toMatchObject({
      grant_type: 'client_credential',
      appid: APPID,
      secret: '***',
    });
    expect(fake.messages()).toHaveLength(3);
  });

  it('is refreshed when WeChat says it expired (42001), and the call is retried once', async () => {
    const client = newClient();
    const { openid } = await client.code2Session('mock-alice');
    await client.sendSubscribeMessage(message(openid));
    fake.expireTokens();
    await client.sendSubscribeMessage(message(openid));
    expect(calls('/cgi-bin/stable_token')).toHaveLength(2);
    expect(calls('/cgi-bin/message/subscribe/send')).toHaveLength(3);
    expect(fake.messages()).toHaveLength(2);
    const tokensUsed = calls('/cgi-bin/message/subscribe/send').map((c) => c.query.access_token);
    expect(tokensUsed[1]).toBe(tokensUsed[0]);
    expect(tokensUsed[2]).not.toBe(tokensUsed[1]);
  });

  it('is refreshed before its lifetime ends, without a refused call', async () => {
    await fake.close();
    await startFake(1);
    const client = newClient();
    const { openid } = await client.code2Session('mock-alice');
    await client.sendSubscribeMessage(message(openid));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await client.sendSubscribeMessage(message(openid));
    expect(calls('/cgi-bin/stable_token')).toHaveLength(2);
    expect(calls('/cgi-bin/message/subscribe/send')).toHaveLength(2);
  });

  it('fails without retrying when the secret is wrong', async () => {
    const error = await rejection(newClient({ secret: 'wrong' }).sendSubscribeMessage(message('o'.repeat(28))));
    expect(error).toMatchObject({
      api: 'getStableAccessToken',
      errcode: WechatErrcode.InvalidAppsecret,
      retryable: false,
    });
    expect(calls('/cgi-bin/stable_token')).toHaveLength(1);
  });
});

describe('sendSubscribeMessage', () => {
  let client: WechatApiClient;
  let openid: string;
  beforeEach(async () => {
    client = newClient();
    openid = (await client.code2Session('mock-alice')).openid;
  });

  it('sends what WeChat expects', async () => {
    await client.sendSubscribeMessage({ ...message(openid), miniprogramState: 'developer' });
    expect(calls('/cgi-bin/message/subscribe/send')[0].body).toEqual({
      touser: openid,
      template_id: 'tmpl-ticket-status',
      page: 'pages/index/index',
      data: { thing1: { value: '燃气报修已受理' } },
      miniprogram_state: 'developer',
    });
    expect(fake.messages()).toEqual([
      expect.objectContaining({ touser: openid, templateId: 'tmpl-ticket-status', miniprogramState: 'developer' }),
    ]);
  });

  it('retries a busy WeChat (-1) and succeeds', async () => {
    fake.failNext(1, WechatErrcode.SystemBusy);
    await client.sendSubscribeMessage(message(openid));
    expect(calls('/cgi-bin/message/subscribe/send')).toHaveLength(2);
    expect(fake.messages()).toHaveLength(1);
    expect(logged.some((line) => line.includes('attempt 1 failed (-1'))).toBe(true);
  });

  it('gives up after 3 attempts with a retryable error', async () => {
    fake.failNext(5, WechatErrcode.SystemBusy);
    const error = await rejection(client.sendSubscribeMessage(message(openid)));
    expect(error).toMatchObject({ errcode: WechatErrcode.SystemBusy, retryable: true, userRefused: false });
    expect(calls('/cgi-bin/message/subscribe/send')).toHaveLength(3);
    expect(fake.messages()).toHaveLength(0);
  });

  it('does not retry a refusal (43101) and says so', async () => {
    fake.failNext(1, WechatErrcode.UserRefused);
    const error = await rejection(client.sendSubscribeMessage(message(openid)));
    expect(error).toMatchObject({ errcode: 43101, retryable: false, userRefused: true });
    expect(calls('/cgi-bin/message/subscribe/send')).toHaveLength(1);
    await client.sendSubscribeMessage(message(openid));
    expect(fake.messages()).toHaveLength(1);
  });

  it.each([
    ['an openid the fake never issued', { touser: 'o' + 'x'.repeat(27) }, WechatErrcode.InvalidOpenid],
    ['an empty template id', { templateId: '' }, WechatErrcode.InvalidTemplateId],
    ['empty data', { data: {} }, WechatErrcode.ArgumentInvalid],
  ])('refuses %s', async (_case, change, errcode) => {
    const error = await rejection(client.sendSubscribeMessage({ ...message(openid), ...change }));
    expect(error).toMatchObject({ errcode, retryable: false });
    expect(fake.messages()).toHaveLength(0);
  });
});

describe('getPhoneNumber', () => {
  it('turns a mock phone code into that number, once', async () => {
    const client = newClient();
    expect(await client.getPhoneNumber('mock-phone-13800138000')).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    expect(await rejection(client.getPhoneNumber('mock-phone-13800138000'))).toMatchObject({
      errcode: WechatErrcode.InvalidCode,
    });
    expect(await client.getPhoneNumber('mock-phone-13800138000:2')).toMatchObject({ purePhoneNumber: '13800138000' });
  });

  it('refuses other codes with 40029', async () => {
    expect(await rejection(newClient().getPhoneNumber('mock-phone-123'))).toMatchObject({
      errcode: 40029,
      retryable: false,
    });
  });
});

describe('transport failures', () => {
  it('times out a WeChat that never answers, per attempt, and reports it as retryable', async () => {
    fake.stallNext(3);
    const started = Date.now();
    const error = await rejection(newClient({ timeoutMs: 300 }).code2Session('mock-alice'));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ errcode: WechatErrcode.Timeout, retryable: true });
    expect(calls('/sns/jscode2session')).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 300 - 50);
    expect(elapsed).toBeLessThan(3 * 300 + 10 + 20 + 700);
  });

  it('retries after one timeout and succeeds', async () => {
    fake.stallNext(1);
    await expect(newClient({ timeoutMs: 300 }).code2Session('mock-alice')).resolves.toHaveProperty('openid');
  });

  it('reports a closed port as a retryable network error, quickly', async () => {
    const closed = await closedPortUrl();
    const started = Date.now();
    const error = await rejection(newClient({ baseUrl: closed }).code2Session('mock-alice'));
    expect(error).toMatchObject({ errcode: WechatErrcode.Network, errmsg: 'ECONNREFUSED', retryable: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries 5xx answers but not 4xx ones', async () => {
    const statuses: number[] = [];
    const server = await serve((status) => statuses.push(status));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await rejection(newClient({ baseUrl: `${base}/503` }).code2Session('c'))).toMatchObject({
        errcode: WechatErrcode.HttpStatus,
        errmsg: 'HTTP 503',
        retryable: true,
      });
      expect(await rejection(newClient({ baseUrl: `${base}/404` }).code2Session('c'))).toMatchObject({
        errcode: WechatErrcode.HttpStatus,
        retryable: false,
      });
      expect(statuses).toEqual([503, 503, 503, 404]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

it('never logs the secret, a session key or an access token', async () => {
  const client = newClient();
  const { openid, sessionKey } = await client.code2Session('mock-alice');
  fake.failNext(1, WechatErrcode.SystemBusy);
  await client.sendSubscribeMessage(message(openid));
  fake.expireTokens();
  await client.sendSubscribeMessage(message(openid));
  const tokens = calls('/cgi-bin/message/subscribe/send').map((c) => c.query.access_token);
  expect(logged.length).toBeGreaterThan(0);
  for (const secret of [SECRET, sessionKey, ...tokens]) {
    expect(logged.join('\n')).not.toContain(secret);
  }
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Answers every request with the status named by the first path segment. */
async function serve(onRequest: (status: number) => void): Promise<Server> {
  const server = createServer((req, res) => {
    const status = Number(req.url?.split('/')[1]);
    onRequest(status);
    res.writeHead(status).end('error');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
