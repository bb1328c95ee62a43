import {
  Controller,
  Global,
  HttpCode,
  Logger,
  Module,
  Post,
  RawBodyRequest,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyRequest } from 'fastify';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, KeyObject, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  APP_CONFIG,
  AppConfig,
  InvalidConfigError,
  loadConfig,
  MOCK_WECHAT_APPID,
  MOCK_WECHATPAY_MCHID,
} from '../../common/config';
import { ErrorFilter } from '../../common/error.filter';
import { FakeWechatPayHandle } from '../../dev/fake-wechat-pay.handle';
import { fakeWechatPayProviders } from '../../dev/dev.module';
import { WechatPayClient } from './wechat-pay.client';
import { NoticeRejected, VerifiedNotice, WechatPayNotices } from './wechat-pay.notices';
import { WechatPayModule } from './wechat-pay.module';
import {
  MockPair,
  NotifyReceiver,
  startMockPair,
  startNotifyReceiver,
  TEST_APPID,
  TEST_MCHID,
} from './wechat-pay.test-support';

function refusal(env: Record<string, string>): InvalidConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return error as InvalidConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('WeChat Pay config', () => {
  it('defaults to mock mode, with the mock merchant number, the mini-program appid and our own notify endpoint', () => {
    expect(loadConfig({ PORT: '4100' })).toMatchObject({
      WECHATPAY_MODE: 'mock',
      WECHATPAY_MCHID: MOCK_WECHATPAY_MCHID,
      WECHATPAY_APPID: MOCK_WECHAT_APPID,
      WECHATPAY_NOTIFY_URL: 'http://127.0.0.1:4100/api/payments/wechat/notify',
    });
    expect(loadConfig({ WECHAT_APPID: 'wxminiprogram0001' }).WECHATPAY_APPID).toBe('wxminiprogram0001');
  });

  it('refuses live mode without WECHATPAY_MCHID, naming it and nothing that is set', () => {
    const { WECHATPAY_MCHID: _omitted, ...env } = liveEnv('/k.pem', '/p.pem', 'http://127.0.0.1:1');
    const message = refusal(env).message;
    expect(message).toMatch(/^Invalid environment variables:/);
    expect(message).toContain('WECHATPAY_MCHID: is required when WECHATPAY_MODE=live');
    expect(message.split('\n')).toHaveLength(2);
  });

  it('lists every missing live variable at once', () => {
    const message = refusal({ WECHATPAY_MODE: 'live' }).message;
    for (const name of [
      'WECHATPAY_MCHID',
      'WECHATPAY_APPID',
      'WECHATPAY_SERIAL',
      'WECHATPAY_PRIVATE_KEY_PATH',
      'WECHATPAY_APIV3_KEY',
      'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH',
      'WECHATPAY_PLATFORM_SERIAL',
      'WECHATPAY_NOTIFY_URL',
    ]) {
      expect(message).toContain(`${name}: is required`);
    }
  });

  it.each([
    ['WECHATPAY_MODE', 'sandbox'],
    ['WECHATPAY_MCHID', 'merchant-1'],
    ['WECHATPAY_APIV3_KEY', 'only-31-characters-long-0123456'],
    ['WECHATPAY_SERIAL', 'not hex'],
    ['WECHATPAY_PLATFORM_SERIAL', 'PUB_KEY_ID'],
    ['WECHATPAY_NOTIFY_URL', 'https://pay.example.com/notify?x=1'],
    ['WECHATPAY_API_BASE', 'https://api.mch.weixin.qq.com/v3'],
  ])('refuses %s=%s, naming it', (name, value) => {
    const env = name === 'WECHATPAY_API_BASE' ? { ...liveEnv('/k', '/p', value) } : { [name]: value };
    expect(refusal(env).message).toContain(`${name}:`);
  });

  it('refuses WECHATPAY_API_BASE in mock mode, which starts its own fake', () => {
    expect(refusal({ WECHATPAY_API_BASE: 'http://127.0.0.1:9999' }).message).toContain(
      'WECHATPAY_API_BASE: is only used when WECHATPAY_MODE=live',
    );
  });
});

/** A stand-in for the payments domain's webhook controller: raw body in, verified notice out. */
@Controller('api/payments/wechat')
class NotifyController {
  static received: VerifiedNotice[] = [];
  constructor(private readonly notices: WechatPayNotices) {}

  @Post('notify')
  @HttpCode(204)
  async notify(@Req() req: RawBodyRequest<FastifyRequest>): Promise<void> {
    try {
      NotifyController.received.push(
        await this.notices.verifyNotice({ headers: req.headers, rawBody: req.rawBody ?? '' }, new Date()),
      );
    } catch (error) {
      if (error instanceof NoticeRejected) throw new UnauthorizedException({ code: 'FAIL', message: error.reason });
      throw error;
    }
  }
}

/** WechatPayModule behind Fastify (raw bodies on, as bootstrap.ts has them), listening on `port`. */
async function startModule(env: Record<string, string>, port = 0): Promise<NestFastifyApplication> {
  const config: AppConfig = loadConfig({ LOG_LEVEL: 'silent', PORT: String(port || 3000), ...env });
  // Mock mode's fake comes from the DevModule's providers (its /api/dev routes need the residents module).
  const fakes = config.WECHATPAY_MODE === 'mock' ? fakeWechatPayProviders : [];
  const tokens = fakes.map((p) => (p as { provide: symbol }).provide);
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }, ...fakes], exports: [APP_CONFIG, ...tokens] })
  class ConfigModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, WechatPayModule],
    controllers: [NotifyController],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { rawBody: true });
  app.useGlobalFilters(new ErrorFilter());
  await app.init();
  if (port) await app.listen(port, '127.0.0.1');
  else await app.getHttpAdapter().getInstance().ready();
  return app;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function liveEnv(
  privateKeyPath: string,
  platformKeyPath: string,
  apiBase: string,
  pair?: MockPair,
  platformSerial?: string,
  notifyUrl = 'https://pay.example.com/api/payments/wechat/notify',
): Record<string, string> {
  return {
    WECHATPAY_MODE: 'live',
    WECHATPAY_MCHID: TEST_MCHID,
    WECHATPAY_APPID: TEST_APPID,
    WECHATPAY_SERIAL: pair?.merchant.serial ?? 'ABCDEF0123456789',
    WECHATPAY_PRIVATE_KEY_PATH: privateKeyPath,
    WECHATPAY_APIV3_KEY: pair?.merchant.apiV3Key ?? '0123456789abcdef0123456789abcdef',
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: platformKeyPath,
    WECHATPAY_PLATFORM_SERIAL: platformSerial ?? pair?.fake.platformSerial ?? 'PUB_KEY_ID_0112345',
    WECHATPAY_API_BASE: apiBase,
    WECHATPAY_NOTIFY_URL: notifyUrl,
  };
}

/** The same journey in every mode: order, requestPayment params, pay with a verified notice, query, close. */
async function journey(
  client: WechatPayClient,
  pay: (outTradeNo: string, payment: object) => Promise<unknown>,
  received: () => VerifiedNotice[],
): Promise<void> {
  const { prepayId } = await client.createJsapiOrder({
    outTradeNo: 'JOURNEY00000001',
    description: '水费',
    amountFen: 3600,
    payerOpenid: 'oJourney00000000000000000001',
    timeExpire: new Date(Date.now() + 900_000),
  });
  await pay('JOURNEY00000001', client.paymentParams(prepayId));
  expect(received()).toEqual([
    expect.objectContaining({
      eventType: 'TRANSACTION.SUCCESS',
      resource: expect.objectContaining({ outTradeNo: 'JOURNEY00000001', amountFen: 3600 }),
    }),
  ]);
  expect(await client.queryByOutTradeNo('JOURNEY00000001')).toMatchObject({ tradeState: 'SUCCESS', amountFen: 3600 });
  await client.createJsapiOrder({
    outTradeNo: 'JOURNEY00000002',
    description: '水费',
    amountFen: 100,
    payerOpenid: 'oJourney00000000000000000001',
    timeExpire: new Date(Date.now() + 900_000),
  });
  await client.close('JOURNEY00000002');
  expect(await client.queryByOutTradeNo('JOURNEY00000002')).toMatchObject({ tradeState: 'CLOSED' });
}

describe('WechatPayModule', () => {
  let dir: string;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wechatpay-'));
    NotifyController.received = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('in mock mode starts the fake, whose cashier pays, and verifies the notice at our own notify URL', async () => {
    const port = await freePort();
    const app = await startModule({}, port);
    const { fake } = app.get(FakeWechatPayHandle);
    try {
      const cashierPay = async (outTradeNo: string, payment: object) => {
        const paid = await fake.pay({ outTradeNo, payment: payment as never });
        expect(paid).toMatchObject({ outTradeNo, transactionId: expect.any(String), delivery: { status: 204 } });
      };
      await journey(app.get(WechatPayClient), cashierPay, () => NotifyController.received);
      await expect(fake.pay({ outTradeNo: 'JOURNEY00000001' })).rejects.toMatchObject({ code: 'ORDERPAID' });
      await expect(fake.pay({ outTradeNo: 'NO-SUCH-ORDER' })).rejects.toMatchObject({ code: 'ORDER_NOT_EXIST' });
      // A notice our endpoint refuses is answered 401, so WeChat Pay would send it again.
      const forged = fake.signNotice(
        { eventType: 'TRANSACTION.SUCCESS', resource: fake.transactionJson('JOURNEY00000001') },
        { forgeSignature: true },
      );
      await request(app.getHttpServer())
        .post('/api/payments/wechat/notify')
        .set(forged.headers)
        .send(forged.rawBody)
        .expect(401);
    } finally {
      await app.close();
    }
    await expect(fetch(`${fake.url}/__mock/orders`)).rejects.toThrow();
  });

  describe('in live mode pointed at a fake via WECHATPAY_API_BASE, key files in a temp dir', () => {
    let pair: MockPair;
    let receiver: NotifyReceiver;
    let app: NestFastifyApplication | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
      await pair?.fake.close();
      await receiver?.close();
    });

    const writeMerchantKey = () => {
      const path = join(dir, 'apiclient_key.pem');
      writeFileSync(path, pair.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      return path;
    };
    const livePay = (outTradeNo: string, payment: object) => pair.fake.pay({ outTradeNo, payment: payment as never });

    it('works like mock with a WeChat Pay public key (PUB_KEY_ID_…)', async () => {
      pair = await startMockPair();
      const platformKeyPath = join(dir, 'pub_key.pem');
      writeFileSync(platformKeyPath, pair.fake.platformPublicKey.export({ type: 'spki', format: 'pem' }));
      receiver = await startNotifyReceiver(() => pair.credentials(receiver.url));
      app = await startModule(
        liveEnv(writeMerchantKey(), platformKeyPath, pair.fake.url, pair, undefined, receiver.url),
      );
      expect(pair.fake.platformSerial).toMatch(/^PUB_KEY_ID_/);
      await journey(app.get(WechatPayClient), livePay, () => receiver.notices);
    });

    it('works like mock with a platform certificate PEM at the same path', async () => {
      const { privateKey, certificatePem } = selfSignedCertificate(dir);
      const serial = new X509Certificate(certificatePem).serialNumber;
      pair = await startMockPair({ serial, privateKey });
      const platformKeyPath = join(dir, 'wechatpay_cert.pem');
      writeFileSync(platformKeyPath, certificatePem);
      receiver = await startNotifyReceiver(() => pair.credentials(receiver.url));
      app = await startModule(liveEnv(writeMerchantKey(), platformKeyPath, pair.fake.url, pair, serial, receiver.url));
      await journey(app.get(WechatPayClient), livePay, () => receiver.notices);
    });

    it('refuses to boot when a key file is missing or a certificate is not WECHATPAY_PLATFORM_SERIAL’s, naming the variable', async () => {
      const { certificatePem } = selfSignedCertificate(dir);
      pair = await startMockPair();
      const certificatePath = join(dir, 'wechatpay_cert.pem');
      writeFileSync(certificatePath, certificatePem);
      const boot = startModule(
        liveEnv(join(dir, 'missing_key.pem'), certificatePath, pair.fake.url, pair, 'ABCDEF0123456789'),
      );
      const error = await boot.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidConfigError);
      expect((error as Error).message).toMatch(
        /^Invalid environment variables:\n {2}WECHATPAY_PRIVATE_KEY_PATH: cannot read .*missing_key\.pem \(ENOENT\)\n {2}WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: .* is a certificate with serial \w+, not WECHATPAY_PLATFORM_SERIAL ABCDEF0123456789$/,
      );
      // The merchant's private key where WeChat Pay's public key belongs.
      const swapped = await startModule(liveEnv(writeMerchantKey(), writeMerchantKey(), pair.fake.url, pair)).then(
        () => null,
        (e: unknown) => e,
      );
      expect((swapped as Error).message).toContain('WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: ');
      expect((swapped as Error).message).toContain("is a private key, not WeChat Pay's public key");
    });
  });
});

/** A platform-style certificate (self-signed here) with openssl, as WeChat Pay's platform certificates are X.509 PEM. */
function selfSignedCertificate(dir: string): { privateKey: KeyObject; certificatePem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPath = join(dir, 'platform_key.pem');
  const certPath = join(dir, 'platform_cert.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
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
    '0x5157F04E7A0A5E3E0A2E5D9C3C1B7A6F2E1D0C9B',
    '-out',
    certPath,
  ]);
  return { privateKey, certificatePem: readFileSync(certPath, 'utf8') };
}
