import { Global, Logger, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { APP_CONFIG, AppConfig, InvalidConfigError, loadConfig, MOCK_WECHAT_APPID } from '../common/config';
import { ErrorFilter } from '../common/error.filter';
import { fakeWechatProviders } from '../dev/dev.module';
import { FakeWechatHandle } from '../dev/fake-wechat.handle';
import { WechatDevController } from '../dev/wechat-dev.controller';
import { FakeWechat, startFakeWechat } from '../dev/fake-wechat.server';
import { WechatApiClient, WechatErrcode } from './wechat-api.client';
import { WechatModule } from './wechat.module';

function refusal(env: Record<string, string>): InvalidConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return error as InvalidConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('WeChat config', () => {
  it('defaults to mock mode with the fake credentials', () => {
    expect(loadConfig({})).toMatchObject({
      WECHAT_MODE: 'mock',
      WECHAT_APPID: MOCK_WECHAT_APPID,
      WECHAT_SECRET: expect.any(String),
      WECHAT_TIMEOUT_MS: 5000,
      WECHAT_MOCK_TOKEN_TTL_SECONDS: 7200,
    });
    expect(loadConfig({}).WECHAT_API_BASE).toBeUndefined();
  });

  it('refuses live mode without WECHAT_SECRET, naming it', () => {
    const error = refusal({ WECHAT_MODE: 'live', WECHAT_APPID: 'wx1234567890abcdef' });
    expect(error.message).toMatch(/^Invalid environment variables:/);
    expect(error.message).toContain('WECHAT_SECRET: is required when WECHAT_MODE=live');
    expect(error.message).not.toContain('WECHAT_APPID');
  });

  it('lists every problem at once', () => {
    const error = refusal({ WECHAT_MODE: 'live', PORT: 'eighty' });
    expect(error.message).toContain('PORT:');
    expect(error.message).toContain('WECHAT_APPID: is required');
    expect(error.message).toContain('WECHAT_SECRET: is required');
  });

  it.each([
    ['WECHAT_MODE', 'sandbox'],
    ['WECHAT_API_BASE', 'api.weixin.qq.com'],
    ['WECHAT_API_BASE', 'ftp://127.0.0.1'],
    ['WECHAT_TIMEOUT_MS', '10'],
    ['WECHAT_MOCK_TOKEN_TTL_SECONDS', '0'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(refusal({ [name]: value }).message).toContain(`${name}:`);
  });

  it('keeps live credentials as given', () => {
    expect(loadConfig({ WECHAT_MODE: 'live', WECHAT_APPID: 'wxabc', WECHAT_SECRET: 's3cret' })).toMatchObject({
      WECHAT_APPID: 'wxabc',
      WECHAT_SECRET: 's3cret',
    });
  });
});

/** WechatModule alone, behind Fastify, with the config the real app would load. */
async function startModule(env: Record<string, string>): Promise<NestFastifyApplication> {
  const config: AppConfig = loadConfig({ LOG_LEVEL: 'silent', ...env });
  // Mock mode's fake and its dev route, as the DevModule (server/src/dev/) gives them to the real app.
  const runsFake = config.WECHAT_MODE === 'mock' && !config.WECHAT_API_BASE;
  const fakes = runsFake ? fakeWechatProviders : [];
  const tokens = fakes.map((p) => (p as { provide: symbol }).provide);
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }, ...fakes], exports: [APP_CONFIG, ...tokens] })
  class ConfigModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, WechatModule],
    controllers: runsFake ? [WechatDevController] : [],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  app.useGlobalFilters(new ErrorFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The same journey in every mode: login, token, phone, a refused and a delivered message. */
async function journey(client: WechatApiClient, fake: FakeWechat): Promise<void> {
  const alice = await client.code2Session('mock-alice:1');
  expect((await client.code2Session('mock-alice:2')).openid).toBe(alice.openid);
  await expect(client.code2Session('mock-alice:1')).rejects.toMatchObject({ errcode: WechatErrcode.CodeBeenUsed });
  expect(await client.getPhoneNumber('mock-phone-13900001111')).toMatchObject({ purePhoneNumber: '13900001111' });
  fake.failNext(1, WechatErrcode.UserRefused);
  const send = () =>
    client.sendSubscribeMessage({ touser: alice.openid, templateId: 'tmpl-1', data: { thing1: { value: '已派单' } } });
  await expect(send()).rejects.toMatchObject({ userRefused: true, retryable: false });
  await send();
  expect(fake.messages()).toEqual([expect.objectContaining({ touser: alice.openid, templateId: 'tmpl-1' })]);
  expect(fake.received.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(1);
}

describe('WechatModule', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('in mock mode starts the fake, points the client at it, shows its messages and closes it at shutdown', async () => {
    const app = await startModule({});
    const { fake } = app.get(FakeWechatHandle);
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await journey(app.get(WechatApiClient), fake);
    const res = await request(app.getHttpServer()).get('/api/dev/wechat-messages').expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ templateId: 'tmpl-1', data: { thing1: { value: '已派单' } } }),
    ]);
    await request(app.getHttpServer()).get('/api/dev/wechat-messages?touser=o-nobody').expect(200, []);
    await app.close();
    await expect(fetch(`${fake.url}/__mock/messages`)).rejects.toThrow();
  });

  it('in live mode pointed at a fake via WECHAT_API_BASE works exactly like mock', async () => {
    const fake = await startFakeWechat({ appid: 'wx1234567890abcdef', secret: 'live-secret', tokenTtlSeconds: 7200 });
    const app = await startModule({
      WECHAT_MODE: 'live',
      WECHAT_APPID: 'wx1234567890abcdef',
      WECHAT_SECRET: 'live-secret',
      WECHAT_API_BASE: fake.url,
    });
    try {
      await journey(app.get(WechatApiClient), fake);
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it('in mock mode with WECHAT_API_BASE set starts nothing and uses that URL', async () => {
    const fake = await startFakeWechat({
      appid: MOCK_WECHAT_APPID,
      secret: loadConfig({}).WECHAT_SECRET,
      tokenTtlSeconds: 7200,
    });
    const app = await startModule({ WECHAT_API_BASE: `${fake.url}/` });
    try {
      expect(() => app.get(FakeWechatHandle)).toThrow();
      await journey(app.get(WechatApiClient), fake);
    } finally {
      await app.close();
      await fake.close();
    }
  });
});

describe('the fake, over plain HTTP', () => {
  let fake: FakeWechat;
  beforeEach(async () => (fake = await startFakeWechat({ appid: 'wxfake', secret: 'shh', tokenTtlSeconds: 7200 })));
  afterEach(() => fake.close());
  const get = async (path: string) => (await fetch(`${fake.url}${path}`)).json();
  const post = async (path: string, body: string) =>
    (await fetch(`${fake.url}${path}`, { method: 'POST', body })).json();

  it('answers like WeChat for wrong credentials, methods and bodies', async () => {
    expect(
      await get('/sns/jscode2session?appid=wxother&secret=shh&js_code=a&grant_type=authorization_code'),
    ).toMatchObject({ errcode: 40013 });
    expect(await get('/cgi-bin/token?grant_type=client_credential&appid=wxfake&secret=nope')).toMatchObject({
      errcode: 40001,
    });
    expect(await get('/cgi-bin/token?grant_type=client_credential&appid=wxfake&secret=shh')).toMatchObject({
      access_token: expect.any(String),
      expires_in: 7200,
    });
    expect(await get('/cgi-bin/stable_token')).toMatchObject({ errcode: 43002 });
    expect(await post('/cgi-bin/stable_token', '{not json')).toMatchObject({ errcode: 47001 });
    expect(await post('/cgi-bin/message/subscribe/send', '{}')).toMatchObject({ errcode: 41001 });
    expect(await post('/cgi-bin/message/subscribe/send?access_token=made-up', '{}')).toMatchObject({ errcode: 40001 });
  });

  it('gives the same stable token until a forced refresh, which retires the old one', async () => {
    const body = (force: boolean) =>
      JSON.stringify({ grant_type: 'client_credential', appid: 'wxfake', secret: 'shh', force_refresh: force });
    const first = (await post('/cgi-bin/stable_token', body(false))) as { access_token: string };
    expect(await post('/cgi-bin/stable_token', body(false))).toMatchObject({ access_token: first.access_token });
    const forced = (await post('/cgi-bin/stable_token', body(true))) as { access_token: string };
    expect(forced.access_token).not.toBe(first.access_token);
    expect(await post(`/cgi-bin/message/subscribe/send?access_token=${first.access_token}`, '{}')).toMatchObject({
      errcode: 40001,
    });
  });

  it('shows received messages and calls on read-only endpoints, with secrets masked', async () => {
    await get('/cgi-bin/token?grant_type=client_credential&appid=wxfake&secret=shh');
    expect(await get('/__mock/messages')).toEqual([]);
    expect(await get('/__mock/calls')).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/cgi-bin/token',
        query: expect.objectContaining({ secret: '***' }),
      }),
    ]);
  });
});
