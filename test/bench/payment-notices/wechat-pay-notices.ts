import { createCipheriv, createSign, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * WeChat Pay's side of notices, written from its v3 documentation rather than imported from the
 * server, so that the server's verifier is checked against the contract and not against itself.
 */
export interface WechatPayIdentity {
  mchid: string;
  appid: string;
  apiV3Key: string;
  platformSerial: string;
  platformPrivateKey: KeyObject;
  /** The server's env for WECHATPAY_MODE=live with these keys (files written into `dir`). */
  serverEnv: Record<string, string>;
}

const alphanumeric = (n: number) =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .padEnd(n, 'x')
    .slice(0, n);

export function makeIdentity(dir: string): WechatPayIdentity {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantKeyPath = join(dir, 'apiclient_key.pem');
  const platformKeyPath = join(dir, 'wechatpay_public_key.pem');
  writeFileSync(merchantKeyPath, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(platformKeyPath, platform.publicKey.export({ type: 'spki', format: 'pem' }));
  const id = {
    mchid: '1900009191',
    appid: 'wxbench000000001',
    apiV3Key: alphanumeric(32),
    platformSerial: `PUB_KEY_ID_0119000091912026112300000000${randomBytes(2).toString('hex').toUpperCase()}`,
  };
  return {
    ...id,
    platformPrivateKey: platform.privateKey,
    serverEnv: {
      WECHATPAY_MODE: 'live',
      WECHATPAY_MCHID: id.mchid,
      WECHATPAY_APPID: id.appid,
      WECHATPAY_SERIAL: randomBytes(20).toString('hex').toUpperCase(),
      WECHATPAY_PRIVATE_KEY_PATH: merchantKeyPath,
      WECHATPAY_APIV3_KEY: id.apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: platformKeyPath,
      WECHATPAY_PLATFORM_SERIAL: id.platformSerial,
      // Nothing is called on it: orders are seeded, and the sweeper that would query them is off.
      WECHATPAY_API_BASE: 'http://127.0.0.1:9',
      WECHATPAY_NOTIFY_URL: 'https://bench.example.com/api/payments/wechat/notify',
      PAYMENT_SWEEP_SECONDS: '0',
    },
  };
}

export interface SignedNotice {
  headers: Record<string, string>;
  body: string;
}

const beijing = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

/** A TRANSACTION.SUCCESS notice for one payment, encrypted with the APIv3 key (AEAD_AES_256_GCM). */
export function paymentNoticeBody(
  id: WechatPayIdentity,
  noticeId: string,
  payment: { orderNo: string; transactionId: string; amountFen: number; openid: string },
): string {
  const now = new Date();
  const resource = JSON.stringify({
    appid: id.appid,
    mchid: id.mchid,
    out_trade_no: payment.orderNo,
    transaction_id: payment.transactionId,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: beijing(now),
    payer: { openid: payment.openid },
    amount: { total: payment.amountFen, payer_total: payment.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  });
  const nonce = alphanumeric(12);
  const associatedData = 'transaction';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(id.apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(resource, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString(
    'base64',
  );
  return JSON.stringify({
    id: noticeId,
    create_time: beijing(now),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext,
      associated_data: associatedData,
      nonce,
    },
  });
}

/** Each delivery (a retry too) is signed afresh: `timestamp\nnonce\nbody\n`, SHA256withRSA, WeChat Pay's headers. */
export function signDelivery(id: WechatPayIdentity, body: string): SignedNotice {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = alphanumeric(32);
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .sign(id.platformPrivateKey, 'base64');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': id.platformSerial,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    },
  };
}
