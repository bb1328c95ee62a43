import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { FakeWechat, startFakeWechat } from './fake-wechat.server';

/**
 * The fake WeChat this process started (WECHAT_MODE=mock without WECHAT_API_BASE). Tests and the mock-only
 * dev endpoint reach the fake through it; it closes the fake at shutdown.
 */
export class FakeWechatHandle implements OnApplicationShutdown {
  constructor(readonly fake: FakeWechat) {}

  /** Starts the fake before anything can use the client: the client's base URL depends on it. */
  static async start(config: AppConfig): Promise<FakeWechatHandle> {
    const fake = await startFakeWechat({
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      tokenTtlSeconds: config.WECHAT_MOCK_TOKEN_TTL_SECONDS,
    });
    new Logger('DevModule').log(`WECHAT_MODE=mock: fake WeChat API at ${fake.url}`);
    return new FakeWechatHandle(fake);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake.close();
  }
}
