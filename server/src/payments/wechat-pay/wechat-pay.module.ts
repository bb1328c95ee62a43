import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../common/config';
import { FakeWechatPayHandle, wechatPayCredentials } from './fake-wechat-pay.handle';
import { PlatformCertificates } from './platform-certificates.service';
import { WechatPayDevController } from './wechat-pay-dev.controller';
import { WechatPayClient } from './wechat-pay.client';
import { WECHAT_PAY_CREDENTIALS } from './wechat-pay.credentials';
import { WechatPayNotices } from './wechat-pay.notices';

/** WeChat Pay v3 for every module: the client, the notice verifier, and in mock mode the fake WeChat Pay. */
@Global()
@Module({
  controllers: [WechatPayDevController],
  providers: [
    {
      provide: FakeWechatPayHandle,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => FakeWechatPayHandle.start(config),
    },
    { provide: WECHAT_PAY_CREDENTIALS, inject: [APP_CONFIG, FakeWechatPayHandle], useFactory: wechatPayCredentials },
    WechatPayClient,
    WechatPayNotices,
    PlatformCertificates,
  ],
  exports: [WechatPayClient, WechatPayNotices, FakeWechatPayHandle],
})
export class WechatPayModule {}
