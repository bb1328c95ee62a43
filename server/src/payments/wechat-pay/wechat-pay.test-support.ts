import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateMockMerchant, MockMerchant } from '../../dev/fake-wechat-pay.handle';
import { FakePlatformKey, FakeWechatPay, startFakeWechatPay } from '../../dev/fake-wechat-pay.server';
import { WechatPayCredentials } from './wechat-pay.credentials';
import { NoticeRejected, VerifiedNotice, verifyNoticeWith } from './wechat-pay.notices';

/** Test helpers (no jest here): a merchant + fake pair, and a notify endpoint that verifies like the server's. */
export const TEST_MCHID = '1230000109';
export const TEST_APPID = 'wx8888888888888888';

export interface MockPair {
  merchant: MockMerchant;
  fake: FakeWechatPay;
  credentials: (notifyUrl: string) => WechatPayCredentials;
}

export async function startMockPair(platform?: FakePlatformKey): Promise<MockPair> {
  const merchant = generateMockMerchant();
  const fake = await startFakeWechatPay({
    mchid: TEST_MCHID,
    appid: TEST_APPID,
    merchantSerial: merchant.serial,
    merchantPublicKey: merchant.publicKey,
    apiV3Key: merchant.apiV3Key,
    platform,
    refundSettleMs: 10,
  });
  return {
    merchant,
    fake,
    credentials: (notifyUrl) => ({
      mchid: TEST_MCHID,
      appid: TEST_APPID,
      merchantSerial: merchant.serial,
      merchantPrivateKey: merchant.privateKey,
      apiV3Key: merchant.apiV3Key,
      platformKeys: new Map([[fake.platformSerial, fake.platformPublicKey]]),
      apiBase: fake.url,
      notifyUrl,
      timeoutMs: 2000,
    }),
  };
}

export interface NotifyReceiver {
  url: string;
  /** Verified notices, in arrival order. */
  notices: VerifiedNotice[];
  /** Reasons of rejected ones. */
  rejected: string[];
  close(): Promise<void>;
}

/** A stand-in for POST /api/payments/wechat/notify: verifies with the same code, 204 when good, 401 when not. */
export async function startNotifyReceiver(keys: () => WechatPayCredentials): Promise<NotifyReceiver> {
  const notices: VerifiedNotice[] = [];
  const rejected: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      notices.push(verifyNoticeWith(keys(), { headers: req.headers, rawBody: Buffer.concat(chunks) }, new Date()));
      res.writeHead(204).end();
    } catch (error) {
      rejected.push(error instanceof NoticeRejected ? error.reason : String(error));
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'FAIL', message: '失败' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/payments/wechat/notify`,
    notices,
    rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
