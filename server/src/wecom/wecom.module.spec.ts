import { Global, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, AppConfig, loadConfig, MOCK_WECOM_AGENT_ID, MOCK_WECOM_CORP_ID } from '../common/config';
import { FakeWecom, startFakeWecom } from '../dev/fake-wecom.server';
import { FakeWecomHandle } from './fake-wecom.handle';
import { WecomApiClient } from './wecom-api.client';
import { WecomModule } from './wecom.module';

async function startModule(env: Record<string, string>) {
  const config: AppConfig = loadConfig({ LOG_LEVEL: 'silent', ...env });
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class ConfigModule {}
  const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, WecomModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  return app;
}

const card = { touser: 'zhouzhuguan', title: '工单超时', description: '请督办', url: 'https://staff.example.cn/' };

describe('WecomModule', () => {
  it('in mock mode starts a fake WeCom on loopback, sends to it, and closes it at shutdown', async () => {
    const app = await startModule({});
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
      expect(app.get(FakeWecomHandle).fake).toBeNull();
      await app.get(WecomApiClient).sendTextCard(card);
      expect(fake.messages().map((m) => m.agentid)).toEqual([1000009]);
      expect(fake.received[0].query).toEqual({ corpid: 'ww1234', corpsecret: '***' });
      expect(MOCK_WECOM_CORP_ID).not.toBe('ww1234');
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
