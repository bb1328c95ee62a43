import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { FakeWechatHandle, wechatApiOptions } from './fake-wechat.handle';
import { WECHAT_API_OPTIONS, WechatApiClient } from './wechat-api.client';
import { WechatDevController } from './wechat-dev.controller';

/** The one WeChat API client for every module; in mock mode also the fake WeChat it talks to. */
@Global()
@Module({
  controllers: [WechatDevController],
  providers: [
    {
      provide: FakeWechatHandle,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => FakeWechatHandle.start(config),
    },
    { provide: WECHAT_API_OPTIONS, inject: [APP_CONFIG, FakeWechatHandle], useFactory: wechatApiOptions },
    WechatApiClient,
  ],
  exports: [WechatApiClient, FakeWechatHandle],
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
      useFactory: (config: AppConfig) => wechatApiOptions(config, new FakeWechatHandle(null)),
    },
    WechatApiClient,
  ],
  exports: [WechatApiClient],
})
export class WechatClientModule {}
