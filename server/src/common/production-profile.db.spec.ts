import { ErrorCode } from '@utility/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeWechat, startFakeWechat } from '../dev/fake-wechat.server';
import { FakeMeterVendor, startFakeMeterVendor } from '../dev/fake-meter-vendor.server';
import { FakeWecom, startFakeWecom } from '../dev/fake-wecom.server';
import { MockPair, startMockPair, TEST_APPID, TEST_MCHID } from '../payments/wechat-pay/wechat-pay.test-support';
import { answerBeforeBody, postFullBody } from '../testing/raw-http';
import { startTestApp, TestApp } from '../testing/test-app';

// Production never loads the fakes' code: requiring the DevModule here fails the boot.
jest.mock('../dev/dev.module', () => {
  throw new Error('the DevModule was loaded outside mock mode');
});

describe('NODE_ENV=production with live credentials', () => {
  let t: TestApp;
  let url: string;
  let wechat: FakeWechat;
  let wecom: FakeWecom;
  let pay: MockPair;
  let keys: string;
  let vendor: FakeMeterVendor;

  beforeAll(async () => {
    // Outside services speaking WeChat's contracts (the fakes, started by the test, not by the server).
    wechat = await startFakeWechat({ appid: TEST_APPID, secret: 'live-secret', tokenTtlSeconds: 7200 });
    pay = await startMockPair();
    wecom = await startFakeWecom({
      corpId: 'ww1234',
      secret: 'live-wecom-secret',
      agentId: 1000009,
      tokenTtlSeconds: 7200,
    });
    vendor = await startFakeMeterVendor('live-meter-vendor-key-0123');
    keys = mkdtempSync(join(tmpdir(), 'utility-keys-'));
    writeFileSync(
      join(keys, 'apiclient_key.pem'),
      pay.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    );
    writeFileSync(
      join(keys, 'pub_key.pem'),
      pay.fake.platformPublicKey.export({ type: 'spki', format: 'pem' }) as string,
    );
    t = await startTestApp({
      NODE_ENV: 'production',
      TRUST_PROXY_TLS: 'true',
      SEED_DEMO: 'false',
      WECHAT_MODE: 'live',
      WECHAT_APPID: TEST_APPID,
      WECHAT_SECRET: 'live-secret',
      WECHAT_API_BASE: wechat.url,
      WECHATPAY_MODE: 'live',
      WECHATPAY_MCHID: TEST_MCHID,
      WECHATPAY_APPID: TEST_APPID,
      WECHATPAY_SERIAL: pay.merchant.serial,
      WECHATPAY_PRIVATE_KEY_PATH: join(keys, 'apiclient_key.pem'),
      WECHATPAY_APIV3_KEY: pay.merchant.apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(keys, 'pub_key.pem'),
      WECHATPAY_PLATFORM_SERIAL: pay.fake.platformSerial,
      WECHATPAY_API_BASE: pay.fake.url,
      WECHATPAY_NOTIFY_URL: 'https://pay.example.cn/api/payments/wechat/notify',
      WECOM_MODE: 'live',
      WECOM_CORP_ID: 'ww1234',
      WECOM_AGENT_ID: '1000009',
      WECOM_SECRET: 'live-wecom-secret',
      WECOM_API_BASE: wecom.url,
      METER_VENDOR_MODE: 'live',
      METER_VENDOR_API_BASE: vendor.url,
      METER_VENDOR_KEY: 'live-meter-vendor-key-0123',
    });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
    await wecom?.close();
    await vendor?.close();
    await pay?.fake.close();
    rmSync(keys, { recursive: true, force: true });
  });

  it('boots and serves: ready, staff log in, residents log in through (live) WeChat', async () => {
    await t.http().get('/readyz').expect(200);
    await t.login('agent1');
    const res = await t.http().post('/api/auth/wechat').send({ code: 'mock-prod-resident:1' });
    expect(res.status).toBe(200);
    expect(wechat.received.some((c) => c.path === '/sns/jscode2session')).toBe(true);
  });

  it('has no /api/dev/* route: 404 before reading even a 20 MB body', async () => {
    for (const path of ['/api/dev/wechat-pay/pay', '/api/dev/wechat-messages']) {
      const res = await answerBeforeBody(url, path, { 'content-type': 'application/json' }, 20 * 1024 * 1024);
      expect(res).toMatchObject({ status: 404, body: { code: ErrorCode.NotFound } });
    }
    await t.http().get('/api/dev/wechat-messages').expect(404);
  });

  it('holds no memory for ten 20 MB bodies sent in full to /api/dev/wechat-pay/pay at once', async () => {
    const before = process.memoryUsage().rss;
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postFullBody(url, '/api/dev/wechat-pay/pay', { 'content-type': 'text/csv' }, 20 * 1024 * 1024),
      ),
    );
    expect(statuses).toEqual(Array(10).fill(404));
    // Kept bodies would be 200 MB; what a busy test process drifts by stays well under half of that.
    expect(process.memoryUsage().rss - before).toBeLessThan(80 * 1024 * 1024);
  });

  it('keeps the API map out of reach: /docs and /docs-json are 404', async () => {
    const admin = await t.login('admin');
    for (const path of ['/docs', '/docs/', '/docs-json']) {
      await t.http().get(path).expect(404);
      await t.http().get(path).set('Authorization', admin).expect(404);
    }
  });

  it('sends HSTS (TLS is terminated in front) and asks browsers to upgrade insecure requests', async () => {
    const res = await t.http().get('/healthz').expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
