import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { NO_FAKE_URL } from '../wechat/wechat.module';
import { WECOM_API_OPTIONS, WecomApiClient, WecomApiOptions } from './wecom-api.client';

export const WECOM_LIVE_BASE = 'https://qyapi.weixin.qq.com';
/** Mock mode: the base URL of the fake WeCom the DevModule started (server/src/dev/). */
export const FAKE_WECOM_URL = Symbol('FAKE_WECOM_URL');

/** The only place mock and live differ: which base URL and credentials the one client uses. */
export function wecomApiOptions(config: AppConfig, fakeUrl?: string): WecomApiOptions {
  if (config.WECOM_MODE === 'mock' && !config.WECOM_API_BASE && !fakeUrl) {
    // Never fall through to WeCom itself with mock credentials.
    throw new Error('WECOM_MODE=mock needs the DevModule (server/src/dev/) to start the fake WeCom');
  }
  return {
    baseUrl: config.WECOM_API_BASE ?? fakeUrl ?? WECOM_LIVE_BASE,
    corpId: config.WECOM_CORP_ID,
    agentId: config.WECOM_AGENT_ID,
    secret: config.WECOM_SECRET,
    timeoutMs: config.WECOM_TIMEOUT_MS,
  };
}

/** The one WeCom (企业微信) API client, for messages to staff. In mock mode the DevModule provides the fake's URL. */
@Global()
@Module({
  providers: [
    {
      provide: WECOM_API_OPTIONS,
      inject: [APP_CONFIG, { token: FAKE_WECOM_URL, optional: true }],
      useFactory: wecomApiOptions,
    },
    WecomApiClient,
  ],
  exports: [WecomApiClient],
})
export class WecomModule {}

/**
 * The client alone, for command-line tools (bill run) that never message staff: no fake is started; in
 * mock mode the client points at the discard port, so a call would fail at once.
 */
@Global()
@Module({
  providers: [
    {
      provide: WECOM_API_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => wecomApiOptions(config, NO_FAKE_URL),
    },
    WecomApiClient,
  ],
  exports: [WecomApiClient],
})
export class WecomClientModule {}
