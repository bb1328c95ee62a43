import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { WECHAT_API_OPTIONS, WechatApiClient, WechatApiOptions } from './wechat-api.client';

export const WECHAT_LIVE_BASE = 'https://api.weixin.qq.com';
/** Mock mode: the base URL of the fake WeChat the DevModule started (server/src/dev/). */
export const FAKE_WECHAT_URL = Symbol('FAKE_WECHAT_URL');
/** For command-line tools, which start no fake: the discard port, so a call fails at once instead of going out. */
export const NO_FAKE_URL = 'http://127.0.0.1:9';

/** The only place mock and live differ: which base URL and credentials the one client uses. */
export function wechatApiOptions(config: AppConfig, fakeUrl?: string): WechatApiOptions {
  if (config.WECHAT_MODE === 'mock' && !config.WECHAT_API_BASE && !fakeUrl) {
    // Never fall through to WeChat itself with mock credentials.
    throw new Error('WECHAT_MODE=mock needs the DevModule (server/src/dev/) to start the fake WeChat');
  }
  return {
    baseUrl: config.WECHAT_API_BASE ?? fakeUrl ?? WECHAT_LIVE_BASE,
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    timeoutMs: config.WECHAT_TIMEOUT_MS,
  };
}

/** The one WeChat API client for every module. */
@Global()
@Module({
  providers: [
    {
      provide: WECHAT_API_OPTIONS,
      inject: [APP_CONFIG, { token: FAKE_WECHAT_URL, optional: true }],
      useFactory: wechatApiOptions,
    },
    WechatApiClient,
  ],
  exports: [WechatApiClient],
})
export class WechatModule {}

/**
 * The client alone, for command-line tools (bill run) that never call WeChat: no fake is started, so in
 * mock mode a call would fail rather than reach a fake nobody serves (docs/architecture.md#wechat).
 */
@Global()
@Module({
  providers: [
    {
      provide: WECHAT_API_OPTIONS,
      inject: [APP_CONFIG],
      // No fake runs for a CLI: in mock mode the client points at the discard port, so a call fails at once.
      useFactory: (config: AppConfig) => wechatApiOptions(config, NO_FAKE_URL),
    },
    WechatApiClient,
  ],
  exports: [WechatApiClient],
})
export class WechatClientModule {}
