import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { NO_FAKE_URL } from '../wechat/wechat.module';
import { FakeWecomHandle, wecomApiOptions } from './fake-wecom.handle';
import { WECOM_API_OPTIONS, WecomApiClient } from './wecom-api.client';

/** The one WeCom (企业微信) API client, for messages to staff; in mock mode also the fake WeCom it talks to. */
@Global()
@Module({
  providers: [
    {
      provide: FakeWecomHandle,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => FakeWecomHandle.start(config),
    },
    {
      provide: WECOM_API_OPTIONS,
      inject: [APP_CONFIG, FakeWecomHandle],
      useFactory: (config: AppConfig, handle: FakeWecomHandle) => wecomApiOptions(config, handle.fake?.url),
    },
    WecomApiClient,
  ],
  exports: [WecomApiClient, FakeWecomHandle],
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
