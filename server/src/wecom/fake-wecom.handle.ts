import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { FakeWecom, startFakeWecom } from '../dev/fake-wecom.server';
import { WecomApiOptions } from './wecom-api.client';

export const WECOM_LIVE_BASE = 'https://qyapi.weixin.qq.com';

/**
 * The fake WeCom this process started, or `fake: null` (live mode, or mock mode pointed at an outside
 * WECOM_API_BASE). Tests reach the fake through it; it closes the fake at shutdown.
 */
export class FakeWecomHandle implements OnApplicationShutdown {
  constructor(readonly fake: FakeWecom | null) {}

  static async start(config: AppConfig): Promise<FakeWecomHandle> {
    if (config.WECOM_MODE !== 'mock' || config.WECOM_API_BASE) return new FakeWecomHandle(null);
    const fake = await startFakeWecom({
      corpId: config.WECOM_CORP_ID,
      secret: config.WECOM_SECRET,
      agentId: config.WECOM_AGENT_ID,
      tokenTtlSeconds: 7200,
    });
    new Logger('WecomModule').log(`WECOM_MODE=mock: fake WeCom API at ${fake.url}`);
    return new FakeWecomHandle(fake);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake?.close();
  }
}

/** The only place mock and live differ: which base URL and credentials the one client uses. */
export function wecomApiOptions(config: AppConfig, fakeUrl?: string): WecomApiOptions {
  return {
    baseUrl: config.WECOM_API_BASE ?? fakeUrl ?? WECOM_LIVE_BASE,
    corpId: config.WECOM_CORP_ID,
    agentId: config.WECOM_AGENT_ID,
    secret: config.WECOM_SECRET,
    timeoutMs: config.WECOM_TIMEOUT_MS,
  };
}
