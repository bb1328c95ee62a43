import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeWechatPay, startFakeWechatPay } from '../../../server/src/dev/fake-wechat-pay.server';

/** The fake WeChat's appid (server/src/common/config.ts): resident openids are issued for it. */
const APPID = 'wx0000000000mock';
const MCHID = '1230000109';

export interface OutsideWechatPay {
  fake: FakeWechatPay;
  /** Environment for a server in WECHATPAY_MODE=live talking to this fake and posting notices to `notifyUrl`. */
  env: (port: number) => Record<string, string>;
  close: () => Promise<void>;
}

/**
 * A fake WeChat Pay run by the test itself, the server configured for it as for the real one (live mode):
 * the test holds the platform key, so it can deliver late, repeated, out-of-order, forged and stale notices.
 */
export async function startOutsideWechatPay(): Promise<OutsideWechatPay> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = randomBytes(20).toString('hex').toUpperCase();
  const apiV3Key = randomBytes(16).toString('hex');
  const fake = await startFakeWechatPay({
    mchid: MCHID,
    appid: APPID,
    merchantSerial: serial,
    merchantPublicKey: merchant.publicKey,
    apiV3Key,
    refundSettleMs: 10,
  });
  const dir = mkdtempSync(join(tmpdir(), 'fault-wechatpay-'));
  writeFileSync(join(dir, 'merchant.pem'), merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(dir, 'platform.pem'), fake.platformPublicKey.export({ type: 'spki', format: 'pem' }));
  return {
    fake,
    env: (port) => ({
      PORT: String(port),
      WECHATPAY_MODE: 'live',
      WECHATPAY_MCHID: MCHID,
      WECHATPAY_APPID: APPID,
      WECHATPAY_SERIAL: serial,
      WECHATPAY_PRIVATE_KEY_PATH: join(dir, 'merchant.pem'),
      WECHATPAY_APIV3_KEY: apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(dir, 'platform.pem'),
      WECHATPAY_PLATFORM_SERIAL: fake.platformSerial,
      WECHATPAY_API_BASE: fake.url,
      WECHATPAY_NOTIFY_URL: `http://127.0.0.1:${port}/api/payments/wechat/notify`,
    }),
    close: async () => {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
