import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { AppConfig } from '../common/config';
import { WechatPayCredentials } from '../payments/wechat-pay/wechat-pay.credentials';
import { nonceStr } from '../payments/wechat-pay/wechat-pay.crypto';
import { FakeWechatPay, startFakeWechatPay } from './fake-wechat-pay.server';

/** A merchant identity made up for mock mode: the fake is given the public half, the client the rest. */
export interface MockMerchant {
  serial: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  apiV3Key: string;
}

export function generateMockMerchant(): MockMerchant {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { serial: randomBytes(20).toString('hex').toUpperCase(), privateKey, publicKey, apiV3Key: nonceStr(32) };
}

/**
 * The fake WeChat Pay this process started (WECHATPAY_MODE=mock) and the merchant identity made up for it.
 * Tests and the mock-only dev endpoint reach the fake through it; it closes the fake at shutdown.
 */
export class FakeWechatPayHandle implements OnApplicationShutdown {
  constructor(
    readonly fake: FakeWechatPay,
    readonly merchant: MockMerchant,
  ) {}

  /** Starts the fake before the client is built: the client's base URL and platform key come from it. */
  static async start(config: AppConfig): Promise<FakeWechatPayHandle> {
    const merchant = generateMockMerchant();
    const fake = await startFakeWechatPay({
      mchid: config.WECHATPAY_MCHID,
      appid: config.WECHATPAY_APPID,
      merchantSerial: merchant.serial,
      merchantPublicKey: merchant.publicKey,
      apiV3Key: merchant.apiV3Key,
      // The merchant's e-invoice callback (配置开发选项) is the same notify endpoint as payments.
      fapiaoCallbackUrl: config.WECHATPAY_NOTIFY_URL,
    });
    new Logger('DevModule').log(
      `WECHATPAY_MODE=mock: fake WeChat Pay at ${fake.url}, notices to ${config.WECHATPAY_NOTIFY_URL}`,
    );
    return new FakeWechatPayHandle(fake, merchant);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake.close();
  }
}

/** Mock mode's credentials: the same client and notice checks as live, with the fake's URL and platform key. */
export function mockWechatPayCredentials(config: AppConfig, handle: FakeWechatPayHandle): WechatPayCredentials {
  const { fake, merchant } = handle;
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
