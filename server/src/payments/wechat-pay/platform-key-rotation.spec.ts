import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, KeyObject, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, InvalidConfigError, loadConfig } from '../../common/config';
import { FakePlatformKey } from '../../dev/fake-wechat-pay.server';
import { PlatformCertificates } from './platform-certificates.service';
import { WechatPayClient, WechatPayError } from './wechat-pay.client';
import { loadLiveCredentials, WechatPayCredentials } from './wechat-pay.credentials';
import { NoticeRejected, WechatPayNotices } from './wechat-pay.notices';
import { MockPair, startMockPair, TEST_APPID, TEST_MCHID } from './wechat-pay.test-support';

/**
 * WeChat Pay rotates the key it signs notices and answers with. During the overlap, notices signed by the old
 * key and by the new one must both be accepted: several configured public keys, or (certificate mode) the new
 * certificate downloaded from /v3/certificates and verified before it is trusted.
 */
let dir: string;
let pair: MockPair | undefined;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'utility-platform-keys-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await pair?.fake.close();
  pair = undefined;
});

const rsaKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function writePem(name: string, pem: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, pem);
  return path;
}

/** A platform-style X.509 certificate (self-signed here) for a new key, with the given serial. */
function platformCertificate(serial: string): FakePlatformKey {
  const privateKey = rsaKey();
  const keyPath = writePem(`key-${serial}.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const certPath = join(dir, `cert-${serial}.pem`);
  execFileSync('openssl', [
    'req',
    '-x509',
    '-new',
    '-key',
    keyPath,
    '-subj',
    '/CN=Tenpay.com Root CA',
    '-days',
    '2',
    '-set_serial',
    `0x${serial}`,
    '-out',
    certPath,
  ]);
  const certificatePem = readFileSync(certPath, 'utf8');
  return { serial: new X509Certificate(certificatePem).serialNumber, privateKey, certificatePem };
}

function liveConfig(p: MockPair, platformPaths: string[], serials: string[], extra: Record<string, string> = {}) {
  return loadConfig({
    LOG_LEVEL: 'silent',
    WECHATPAY_MODE: 'live',
    WECHATPAY_MCHID: TEST_MCHID,
    WECHATPAY_APPID: TEST_APPID,
    WECHATPAY_SERIAL: p.merchant.serial,
    WECHATPAY_PRIVATE_KEY_PATH: writePem(
      'apiclient_key.pem',
      p.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    ),
    WECHATPAY_APIV3_KEY: p.merchant.apiV3Key,
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: platformPaths.join(','),
    WECHATPAY_PLATFORM_SERIAL: serials.join(', '),
    WECHATPAY_API_BASE: p.fake.url,
    WECHATPAY_NOTIFY_URL: 'https://pay.example.com/api/payments/wechat/notify',
    ...extra,
  });
}

/** A paid order's TRANSACTION.SUCCESS plaintext, as WeChat Pay would send it. */
async function paidResource(client: WechatPayClient, outTradeNo: string): Promise<Record<string, unknown>> {
  await client.createJsapiOrder({
    outTradeNo,
    description: '燃气费',
    amountFen: 4200,
    payerOpenid: 'oRotation000000000000000001',
    timeExpire: new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000),
  });
  await pair!.fake.pay({ outTradeNo, notify: false });
  return pair!.fake.transactionJson(outTradeNo);
}

async function verdict(notices: WechatPayNotices, notice: { headers: Record<string, string>; rawBody: string }) {
  try {
    const verified = await notices.verifyNotice(notice, new Date());
    return `accepted ${'outTradeNo' in verified.resource ? verified.resource.outTradeNo : verified.resource.fapiaoApplyId}`;
  } catch (error) {
    if (error instanceof NoticeRejected) return `rejected ${error.reason}`;
    throw error;
  }
}

const publicPem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string;

describe('WeChat Pay public keys (PUB_KEY_ID_…): several configured at once', () => {
  it('accepts notices signed by the old and by the new key during a rotation; a third key is still refused', async () => {
    const oldKey: FakePlatformKey = { serial: 'PUB_KEY_ID_0112340000000001', privateKey: rsaKey() };
    const newKey: FakePlatformKey = { serial: 'PUB_KEY_ID_0112340000000002', privateKey: rsaKey() };
    const strangerKey: FakePlatformKey = { serial: 'PUB_KEY_ID_0112340000000003', privateKey: rsaKey() };
    pair = await startMockPair(oldKey);
    pair.fake.addPlatformKey(newKey);
    pair.fake.addPlatformKey(strangerKey);
    const config = liveConfig(
      pair,
      [writePem('pub_old.pem', publicPem(oldKey.privateKey)), writePem('pub_new.pem', publicPem(newKey.privateKey))],
      [oldKey.serial, newKey.serial],
    );
    const credentials = loadLiveCredentials(config);
    expect([...credentials.platformKeys.keys()]).toEqual([oldKey.serial, newKey.serial]);
    const client = new WechatPayClient(credentials);
    const notices = new WechatPayNotices(credentials);
    const resource = await paidResource(client, 'ROTATE00000001');
    const notice = (platformSerial: string) =>
      pair!.fake.signNotice({ eventType: 'TRANSACTION.SUCCESS', resource }, { platformSerial });

    expect(await verdict(notices, notice(oldKey.serial))).toBe('accepted ROTATE00000001');
    expect(await verdict(notices, notice(newKey.serial))).toBe('accepted ROTATE00000001');
    expect(await verdict(notices, notice(strangerKey.serial))).toBe('rejected unknown_serial');
    // WeChat Pay switches to the new key for its answers too.
    pair.fake.usePlatformKey(newKey.serial);
    expect(await client.queryByOutTradeNo('ROTATE00000001')).toMatchObject({ tradeState: 'SUCCESS' });
  });

  it('refuses to boot when the serials do not pair up with the key files, naming WECHATPAY_PLATFORM_SERIAL', async () => {
    pair = await startMockPair();
    const error = (() => {
      try {
        liveConfig(pair, ['a.pem', 'b.pem'], ['PUB_KEY_ID_0112340000000001']);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toContain(
      'WECHATPAY_PLATFORM_SERIAL: lists 1 serials for 2 WECHATPAY_PLATFORM_PUBLIC_KEY_PATH files',
    );
  });
});

describe('platform certificates: downloaded from /v3/certificates and verified before they are trusted', () => {
  let oldCert: FakePlatformKey;
  let newCert: FakePlatformKey;
  let config: AppConfig;
  let credentials: WechatPayCredentials;
  let client: WechatPayClient;
  beforeEach(async () => {
    oldCert = platformCertificate('5157F04E7A0A5E3E0A2E5D9C3C1B7A6F2E1D0C01');
    newCert = platformCertificate('5157F04E7A0A5E3E0A2E5D9C3C1B7A6F2E1D0C02');
    pair = await startMockPair(oldCert);
    config = liveConfig(pair, [writePem('wechatpay_old.pem', oldCert.certificatePem!)], [oldCert.serial], {
      WECHATPAY_CERT_REFRESH_SECONDS: '1',
    });
    credentials = loadLiveCredentials(config);
    client = new WechatPayClient(credentials);
  });

  it('on schedule: the new certificate is trusted once listed, and notices by the old and new key are both accepted', async () => {
    expect(credentials.certificateMode).toBe(true);
    const notices = new WechatPayNotices(credentials);
    const resource = await paidResource(client, 'ROTATE00000002');
    const notice = (platformSerial: string) =>
      pair!.fake.signNotice({ eventType: 'TRANSACTION.SUCCESS', resource }, { platformSerial });
    // WeChat Pay lists the new certificate ahead of using it.
    pair!.fake.addPlatformKey(newCert);
    expect(await verdict(notices, notice(newCert.serial))).toBe('rejected unknown_serial');

    // The job's run as the registry schedules it.
    const job = new PlatformCertificates(credentials, client, config);
    expect(await job.scheduledRefresh()).toEqual([newCert.serial]);

    expect([...credentials.platformKeys.keys()]).toEqual([oldCert.serial, newCert.serial]);
    expect(await verdict(notices, notice(oldCert.serial))).toBe('accepted ROTATE00000002');
    expect(await verdict(notices, notice(newCert.serial))).toBe('accepted ROTATE00000002');
    pair!.fake.usePlatformKey(newCert.serial);
    expect(await client.queryByOutTradeNo('ROTATE00000002')).toMatchObject({ tradeState: 'SUCCESS' });
  });

  it('a certificate list whose signature does not verify with a key already held is not trusted', async () => {
    pair!.fake.addPlatformKey(newCert);
    pair!.fake.forgeNextResponses(1);
    const job = new PlatformCertificates(credentials, client, config);
    expect(await job.refresh()).toEqual([]);
    expect([...credentials.platformKeys.keys()]).toEqual([oldCert.serial]);
    // Signed by the new key itself, which nobody vouched for yet: not trusted either.
    pair!.fake.usePlatformKey(newCert.serial);
    expect(await job.refresh()).toEqual([]);
    expect([...credentials.platformKeys.keys()]).toEqual([oldCert.serial]);
    // Signed by the trusted key: taken.
    pair!.fake.usePlatformKey(oldCert.serial);
    expect(await job.refresh()).toEqual([newCert.serial]);
  });
});

describe('answers from WeChat Pay that are not signed', () => {
  let server: Server;
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('an unsigned error answer is a failure whose code is not believed (no "no such order" from anyone on the path)', async () => {
    pair = await startMockPair();
    server = createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'ORDER_NOT_EXIST', message: '订单不存在' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new WechatPayClient({
      ...pair.credentials('http://127.0.0.1/notify'),
      apiBase: `http://127.0.0.1:${port}`,
    });

    const outcome = await client.queryByOutTradeNo('UNSIGNED000001').then(
      (answer) => ({ answer }),
      (error: unknown) => error,
    );

    expect(outcome).toBeInstanceOf(WechatPayError);
    expect(outcome).toMatchObject({ status: 404, code: 'RESPONSE_UNSIGNED' });
  });
});
