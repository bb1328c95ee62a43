import { Global, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, AppConfig, loadConfig, MOCK_WECOM_AGENT_ID, MOCK_WECOM_CORP_ID } from '../common/config';
import { fakeWecomProviders } from '../dev/dev.module';
import { FakeWecomHandle } from '../dev/fake-wecom.handle';
import { FakeWecom, startFakeWecom } from '../dev/fake-wecom.server';
import { WecomApiClient } from './wecom-api.client';
import { FAKE_WECOM_URL, WecomModule } from './wecom.module';

/** The DevModule's WeCom part (the whole DevModule would also need the database for its WeChat pages). */
@Global()
@Module({ providers: fakeWecomProviders, exports: [FakeWecomHandle, FAKE_WECOM_URL] })
class FakeWecomModule {}

async function startModule(env: Record<string, string>, withDevModule = false) {
  const config: AppConfig = loadConfig({ LOG_LEVEL: 'silent', ...env });
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class ConfigModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, WecomModule, ...(withDevModule ? [FakeWecomModule] : [])],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  return app;
}

const card = { touser: 'zhouzhuguan', title: '工单超时', description: '请督办', url: 'https://staff.example.cn/' };

describe('WecomModule', () => {
  it('in mock mode the DevModule starts a fake WeCom on loopback, the client sends to it, it closes at shutdown', async () => {
    const app = await startModule({}, true);
    const fake = app.get(FakeWecomHandle).fake!;
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await app.get(WecomApiClient).sendTextCard(card);
    expect(fake.messages()).toEqual([
      expect.objectContaining({ touser: 'zhouzhuguan', agentid: MOCK_WECOM_AGENT_ID, title: '工单超时' }),
    ]);
    const messages = await (await fetch(`${fake.url}/__mock/messages`)).json();
    expect(messages).toHaveLength(1);
    await app.close();
    await expect(fetch(`${fake.url}/__mock/messages`)).rejects.toThrow();
  });

  it('in live mode uses WECOM_API_BASE and the live credentials, starting no fake', async () => {
    const fake: FakeWecom = await startFakeWecom({
      corpId: 'ww1234',
      secret: 'live-secret',
      agentId: 1000009,
      tokenTtlSeconds: 7200,
    });
    const app = await startModule({
      WECOM_MODE: 'live',
      WECOM_CORP_ID: 'ww1234',
      WECOM_AGENT_ID: '1000009',
      WECOM_SECRET: 'live-secret',
      WECOM_API_BASE: `${fake.url}/`,
    });
    try {
      expect(() => app.get(FakeWecomHandle)).toThrow();
      await app.get(WecomApiClient).sendTextCard(card);
      expect(fake.messages().map((m) => m.agentid)).toEqual([1000009]);
      expect(fake.received[0].query).toEqual({ corpid: 'ww1234', corpsecret: '***' });
      expect(MOCK_WECOM_CORP_ID).not.toBe('ww1234');
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it('refuses mock mode without the DevModule rather than call WeCom itself with mock credentials', async () => {
    await expect(startModule({})).rejects.toThrow(/WECOM_MODE=mock needs the DevModule/);
  });
});
