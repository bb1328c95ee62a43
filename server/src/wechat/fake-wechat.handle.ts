import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { FakeWechat, startFakeWechat } from './fake-wechat.server';
import { WechatApiOptions } from './wechat-api.client';

export const WECHAT_LIVE_BASE = 'https://api.weixin.qq.com';

/**
 * The fake WeChat this process started, or `fake: null` (live mode, or mock mode pointed at an outside
 * WECHAT_API_BASE). Tests and the mock-only dev endpoint reach the fake through it; it closes the fake at shutdown.
 */
export class FakeWechatHandle implements OnApplicationShutdown {
  constructor(readonly fake: FakeWechat | null) {}

  /** Starts the fake before anything can use the client: the client's base URL depends on it. */
  static async start(config: AppConfig): Promise<FakeWechatHandle> {
    if (config.WECHAT_MODE !== 'mock' || config.WECHAT_API_BASE) return new FakeWechatHandle(null);
    const fake = await startFakeWechat({
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      tokenTtlSeconds: config.WECHAT_MOCK_TOKEN_TTL_SECONDS,
    });
    new Logger('WechatModule').log(`WECHAT_MODE=mock: fake WeChat API at ${fake.url}`);
    return new FakeWechatHandle(fake);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake?.close();
  }
}

/** The only place mock and live differ: which base URL and credentials the one client uses. */
export function wechatApiOptions(config: AppConfig, handle: FakeWechatHandle): WechatApiOptions {
  return {
    baseUrl: config.WECHAT_API_BASE ?? handle.fake?.url ?? WECHAT_LIVE_BASE,
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
  };
}
