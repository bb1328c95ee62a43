import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../common/config';
import { FakeWechatPay, startFakeWechatPay } from './fake-wechat-pay.server';
import {
  generateMockMerchant,
  loadLiveCredentials,
  MockMerchant,
  WechatPayCredentials,
} from './wechat-pay.credentials';

/**
 * The fake WeChat Pay this process started and the merchant identity made up for it (mock mode), or nulls
 * (live mode). Tests and the mock-only dev endpoint reach the fake through it; it closes the fake at shutdown.
 */
export class FakeWechatPayHandle implements OnApplicationShutdown {
  constructor(
    readonly fake: FakeWechatPay | null,
    readonly merchant: MockMerchant | null = null,
  ) {}

  /** Starts the fake before the client is built: the client's base URL and platform key come from it. */
  static async start(config: AppConfig): Promise<FakeWechatPayHandle> {
    if (config.WECHATPAY_MODE !== 'mock') return new FakeWechatPayHandle(null);
    const merchant = generateMockMerchant();
    const fake = await startFakeWechatPay({
      mchid: config.WECHATPAY_MCHID,
      appid: config.WECHATPAY_APPID,
      merchantSerial: merchant.serial,
      merchantPublicKey: merchant.publicKey,
      apiV3Key: merchant.apiV3Key,
    });
    new Logger('WechatPayModule').log(
      `WECHATPAY_MODE=mock: fake WeChat Pay at ${fake.url}, notices to ${config.WECHATPAY_NOTIFY_URL}`,
    );
    return new FakeWechatPayHandle(fake, merchant);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake?.close();
  }
}

/** The only place mock and live differ: where the keys and the base URL come from. */
export function wechatPayCredentials(config: AppConfig, handle: FakeWechatPayHandle): WechatPayCredentials {
  const { fake, merchant } = handle;
  if (!fake || !merchant) return loadLiveCredentials(config);
  return {
    mchid: config.WECHATPAY_MCHID,
    appid: config.WECHATPAY_APPID,
    merchantSerial: merchant.serial,
    merchantPrivateKey: merchant.privateKey,
    apiV3Key: merchant.apiV3Key,
    platformKeys: new Map([[fake.platformSerial, fake.platformPublicKey]]),
    apiBase: fake.url,
    notifyUrl: config.WECHATPAY_NOTIFY_URL,
  };
}
