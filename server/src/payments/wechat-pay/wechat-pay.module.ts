import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../common/config';
import { FapiaoClient } from './fapiao.client';
import { PlatformCertificates } from './platform-certificates.service';
import { WechatPayClient } from './wechat-pay.client';
import {
  loadLiveCredentials,
  MOCK_WECHAT_PAY_CREDENTIALS,
  WECHAT_PAY_CREDENTIALS,
  WechatPayCredentials,
} from './wechat-pay.credentials';
import { WechatPayNotices } from './wechat-pay.notices';

/** The only place mock and live differ: where the keys and the base URL come from. */
function wechatPayCredentials(config: AppConfig, mock?: WechatPayCredentials): WechatPayCredentials {
  if (config.WECHATPAY_MODE === 'live') return loadLiveCredentials(config);
  if (!mock) throw new Error('WECHATPAY_MODE=mock needs the DevModule (server/src/dev/) to start the fake WeChat Pay');
  return mock;
}

/** WeChat Pay v3 for every module: the client (and its e-invoice APIs) and the notice verifier (mock mode's fake lives in server/src/dev/). */
@Global()
@Module({
  providers: [
    {
      provide: WECHAT_PAY_CREDENTIALS,
      inject: [APP_CONFIG, { token: MOCK_WECHAT_PAY_CREDENTIALS, optional: true }],
      useFactory: wechatPayCredentials,
    },
    WechatPayClient,
    FapiaoClient,
    WechatPayNotices,
    PlatformCertificates,
  ],
  exports: [WechatPayClient, FapiaoClient, WechatPayNotices],
})
export class WechatPayModule {}
