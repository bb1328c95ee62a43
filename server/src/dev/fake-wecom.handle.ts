import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { FakeWecom, startFakeWecom } from './fake-wecom.server';

/**
 * The fake WeCom this process started (WECOM_MODE=mock without WECOM_API_BASE). Tests reach the fake
 * through it; it closes the fake at shutdown.
 */
export class FakeWecomHandle implements OnApplicationShutdown {
  constructor(readonly fake: FakeWecom) {}

  /** Starts the fake before anything can use the client: the client's base URL depends on it. */
  static async start(config: AppConfig): Promise<FakeWecomHandle> {
    const fake = await startFakeWecom({
      corpId: config.WECOM_CORP_ID,
      secret: config.WECOM_SECRET,
      agentId: config.WECOM_AGENT_ID,
      tokenTtlSeconds: 7200,
    });
    new Logger('DevModule').log(`WECOM_MODE=mock: fake WeCom API at ${fake.url}`);
    return new FakeWecomHandle(fake);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake.close();
  }
}
