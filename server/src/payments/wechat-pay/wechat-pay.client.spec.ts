import { generateKeyPairSync } from 'node:crypto';
import { beijingDate, verifySha256Rsa } from './wechat-pay.crypto';
import { WechatPayClient, WechatPayError } from './wechat-pay.client';
import {
  MockPair,
  NotifyReceiver,
  startMockPair,
  startNotifyReceiver,
  TEST_APPID,
  TEST_MCHID,
} from './wechat-pay.test-support';

let pair: MockPair;
let receiver: NotifyReceiver;
let client: WechatPayClient;

beforeEach(async () => {
  pair = await startMockPair();
  receiver = await startNotifyReceiver(() => pair.credentials(receiver.url));
  client = new WechatPayClient(pair.credentials(receiver.url));
});
afterEach(async () => {
  await pair.fake.idle();
  await pair.fake.close();
  await receiver.close();
});

// One deadline for every order: WeChat Pay refuses to change an order's time_expire.
const EXPIRES = new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000);
const order = (outTradeNo: string, amountFen = 12_345, timeExpire = EXPIRES) =>
  client.createJsapiOrder({
    outTradeNo,
    description: '水费 2024年5月',
    amountFen,
    payerOpenid: 'oResident0000000000000000001',
    timeExpire,
  });

/** The error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<WechatPayError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof WechatPayError)) throw new Error(`expected a WechatPayError, got ${String(outcome)}`);
  return outcome;
}

describe('JSAPI order and payment', () => {
  it('orders, signs requestPayment params the fake cashier accepts, and is paid with a verified notice', async () => {
    const { prepayId } = await order('BILL202405000001');
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{18}$/);
    // time_expire went out in WeChat Pay's RFC 3339 Beijing form.
    expect(pair.fake.orders()[0].timeExpire).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

    const params = client.paymentParams(prepayId, new Date('2024-05-01T00:00:00Z'));
    expect(params).toMatchObject({
      appId: TEST_APPID,
      timeStamp: '1714521600',
      package: `prepay_id=${prepayId}`,
      signType: 'RSA',
    });
    expect(params.nonceStr).toMatch(/^[A-Za-z0-9]{32}$/);
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(verifySha256Rsa(message, params.paySign, pair.merchant.publicKey)).toBe(true);

    expect(await client.queryByOutTradeNo('BILL202405000001')).toEqual({
      mchid: TEST_MCHID,
      appid: TEST_APPID,
      outTradeNo: 'BILL202405000001',
      tradeState: 'NOTPAY',
      tradeStateDesc: '订单未支付',
      amountFen: 12_345,
    });

    const paid = await pair.fake.pay({ payment: params });
    expect(paid.delivery).toMatchObject({ eventType: 'TRANSACTION.SUCCESS', status: 204 });
    expect(receiver.rejected).toEqual([]);
    expect(receiver.notices).toEqual([
      expect.objectContaining({
        eventType: 'TRANSACTION.SUCCESS',
        resource: expect.objectContaining({
          outTradeNo: 'BILL202405000001',
          transactionId: paid.transactionId,
          amountFen: 12_345,
          tradeState: 'SUCCESS',
          mchid: TEST_MCHID,
          appid: TEST_APPID,
        }),
      }),
    ]);
    expect(await client.queryByOutTradeNo('BILL202405000001')).toMatchObject({
      tradeState: 'SUCCESS',
      transactionId: paid.transactionId,
      amountFen: 12_345,
      payerOpenid: 'oResident0000000000000000001',
      successTime: expect.any(Date),
    });
  });

  it('has the fake refuse a paySign not made with the merchant key', async () => {
    const { prepayId } = await order('BILL202405000002');
    const params = client.paymentParams(prepayId);
    await expect(pair.fake.pay({ payment: { ...params, nonceStr: 'tampered' } })).rejects.toMatchObject({
      code: 'SIGN_ERROR',
    });
    expect(pair.fake.orders()[0].state).toBe('NOTPAY');
  });

  it('re-sends the same notice on renotify, and pays without notifying when asked', async () => {
    await order('BILL202405000003');
    await pair.fake.pay({ outTradeNo: 'BILL202405000003' });
    await pair.fake.renotify('BILL202405000003');
    expect(receiver.notices).toHaveLength(2);
    expect(receiver.notices[1].id).toBe(receiver.notices[0].id);
    await order('BILL202405000004');
    await pair.fake.pay({ outTradeNo: 'BILL202405000004', notify: false });
    expect(receiver.notices).toHaveLength(2);
    expect((await client.queryByOutTradeNo('BILL202405000004'))?.tradeState).toBe('SUCCESS');
  });

  it('answers null for an order WeChat Pay does not have', async () => {
    expect(await client.queryByOutTradeNo('NO-SUCH-ORDER-1')).toBeNull();
  });

  it('gives the same prepay_id for the same unpaid order again, but refuses different parameters', async () => {
    const first = await order('BILL202405000005');
    expect(await order('BILL202405000005')).toEqual(first);
    expect(await rejection(order('BILL202405000005', 1))).toMatchObject({
      status: 403,
      code: 'OUT_TRADE_NO_USED',
      retryable: false,
    });
    expect(await rejection(order('BILL202405000005', 12_345, new Date(EXPIRES.getTime() + 60_000)))).toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
    });
  });
});

describe('close', () => {
  it('closes an unpaid order, which can then not be paid', async () => {
    await order('BILL202405000010');
    await client.close('BILL202405000010');
    expect((await client.queryByOutTradeNo('BILL202405000010'))?.tradeState).toBe('CLOSED');
    await expect(pair.fake.pay({ outTradeNo: 'BILL202405000010' })).rejects.toMatchObject({ code: 'ORDER_CLOSED' });
  });

  it('refuses to close a paid order with ORDERPAID', async () => {
    await order('BILL202405000011');
    await pair.fake.pay({ outTradeNo: 'BILL202405000011' });
    expect(await rejection(client.close('BILL202405000011'))).toMatchObject({
      api: 'close',
      status: 400,
      code: 'ORDERPAID',
      retryable: false,
    });
  });
});

describe('refund', () => {
  it('answers PROCESSING, then succeeds with a verified REFUND.SUCCESS notice', async () => {
    await order('BILL202405000020', 5000);
    const { transactionId } = await pair.fake.pay({ outTradeNo: 'BILL202405000020' });
    const refund = await client.refund({
      outTradeNo: 'BILL202405000020',
      outRefundNo: 'RF202405000020',
      refundFen: 2000,
      totalFen: 5000,
      reason: '多缴退费',
    });
    expect(refund).toEqual({ refundId: expect.stringMatching(/^50\d{27}$/), status: 'PROCESSING' });
    await pair.fake.idle();
    expect(receiver.notices[1]).toMatchObject({
      eventType: 'REFUND.SUCCESS',
      resource: {
        mchid: TEST_MCHID,
        outTradeNo: 'BILL202405000020',
        transactionId,
        outRefundNo: 'RF202405000020',
        refundId: refund.refundId,
        status: 'SUCCESS',
        refundFen: 2000,
        totalFen: 5000,
      },
    });
    expect(await client.queryRefund('RF202405000020')).toMatchObject({
      refundId: refund.refundId,
      status: 'SUCCESS',
      refundFen: 2000,
      successTime: expect.any(Date),
    });
    expect((await client.queryByOutTradeNo('BILL202405000020'))?.tradeState).toBe('REFUND');
  });

  it('refuses more than was paid, and answers null for an unknown refund', async () => {
    await order('BILL202405000021', 5000);
    await pair.fake.pay({ outTradeNo: 'BILL202405000021' });
    const tooMuch = client.refund({
      outTradeNo: 'BILL202405000021',
      outRefundNo: 'RF202405000021',
      refundFen: 5001,
      totalFen: 5000,
      reason: 'x',
    });
    expect(await rejection(tooMuch)).toMatchObject({ status: 400, code: 'INVALID_REQUEST', retryable: false });
    expect(await client.queryRefund('RF-NONE-000')).toBeNull();
  });
});

describe('trade bill', () => {
  it('downloads the day, checks its SHA1 and parses payments, refunds and rows the merchant never had', async () => {
    await order('BILL202405000030', 10_000);
    await pair.fake.pay({ outTradeNo: 'BILL202405000030' });
    await order('BILL202405000031', 2_501);
    await pair.fake.pay({ outTradeNo: 'BILL202405000031' });
    await client.refund({
      outTradeNo: 'BILL202405000030',
      outRefundNo: 'RF202405000030',
      refundFen: 300,
      totalFen: 10_000,
      reason: 'x',
    });
    pair.fake.alterBillAmount('BILL202405000031', 2_500);
    await fetch(`${pair.fake.url}/__mock/bill-extra`, {
      method: 'POST',
      body: JSON.stringify({ outTradeNo: 'GHOST00000001', amountFen: 99 }),
    });

    const rows = await client.downloadTradeBill(beijingDate(new Date()));
    expect(rows).toEqual([
      expect.objectContaining({
        outTradeNo: 'BILL202405000030',
        tradeState: 'SUCCESS',
        amountFen: 10_000,
        appid: TEST_APPID,
        mchid: TEST_MCHID,
      }),
      expect.objectContaining({ outTradeNo: 'BILL202405000031', tradeState: 'SUCCESS', amountFen: 2_500 }),
      expect.objectContaining({
        outTradeNo: 'BILL202405000030',
        tradeState: 'REFUND',
        outRefundNo: 'RF202405000030',
        refundFen: 300,
      }),
      expect.objectContaining({ outTradeNo: 'GHOST00000001', tradeState: 'SUCCESS', amountFen: 99 }),
    ]);
    expect(rows[0].refundId).toBeUndefined();
    expect(rows[0].tradeTime).toBeInstanceOf(Date);
  });

  it('refuses a file whose SHA1 is not the announced one', async () => {
    pair.fake.corruptNextBill();
    expect(await rejection(client.downloadTradeBill(beijingDate(new Date())))).toMatchObject({
      code: 'BILL_HASH_MISMATCH',
    });
  });

  it('passes on WeChat Pay refusing a future day', async () => {
    expect(await rejection(client.downloadTradeBill('2999-01-01'))).toMatchObject({
      status: 400,
      code: 'NO_STATEMENT_EXIST',
    });
  });
});

describe('answers and failures', () => {
  it('refuses an answer not signed with the platform key', async () => {
    pair.fake.forgeNextResponses(1);
    expect(await rejection(client.queryByOutTradeNo('BILL202405000040'))).toMatchObject({
      code: 'RESPONSE_BAD_SIGNATURE',
      retryable: false,
    });
    expect(await client.queryByOutTradeNo('BILL202405000040')).toBeNull();
  });

  it('refuses an answer signed under a serial it holds no key for', async () => {
    const credentials = pair.credentials(receiver.url);
    const other = new WechatPayClient({
      ...credentials,
      platformKeys: new Map([['PUB_KEY_ID_0000OTHER', pair.merchant.publicKey]]),
    });
    expect(await rejection(other.queryByOutTradeNo('BILL202405000041'))).toMatchObject({
      code: 'RESPONSE_UNKNOWN_SERIAL',
    });
  });

  it('is refused by the fake when its requests are signed with another key (an unsigned 401: its code is not believed)', async () => {
    const stranger = new WechatPayClient({
      ...pair.credentials(receiver.url),
      merchantPrivateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    });
    expect(await rejection(stranger.queryByOutTradeNo('BILL202405000042'))).toMatchObject({
      status: 401,
      code: 'RESPONSE_UNSIGNED',
      retryable: false,
    });
  });

  it('marks system errors, rate limits and lost connections retryable', async () => {
    pair.fake.failNext(1, { status: 500, code: 'SYSTEM_ERROR' });
    expect(await rejection(order('BILL202405000043'))).toMatchObject({
      status: 500,
      code: 'SYSTEM_ERROR',
      retryable: true,
    });
    pair.fake.failNext(1, { status: 429, code: 'FREQUENCY_LIMITED' });
    expect(await rejection(order('BILL202405000043'))).toMatchObject({ code: 'FREQUENCY_LIMITED', retryable: true });
    await pair.fake.close();
    expect(await rejection(order('BILL202405000043'))).toMatchObject({ status: 0, code: 'NETWORK', retryable: true });
  });
});

describe('the fake over plain HTTP', () => {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${pair.fake.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };

  it('pays and re-notifies through its control endpoints', async () => {
    await order('BILL202405000050', 900);
    expect(await post('/__mock/pay', { outTradeNo: 'BILL202405000050' })).toMatchObject({
      status: 200,
      body: { outTradeNo: 'BILL202405000050', delivery: { status: 204 } },
    });
    expect(await post('/__mock/renotify', { outTradeNo: 'BILL202405000050' })).toMatchObject({
      status: 200,
      body: { eventType: 'TRANSACTION.SUCCESS', status: 204 },
    });
    await client.refund({
      outTradeNo: 'BILL202405000050',
      outRefundNo: 'RF202405000050',
      refundFen: 900,
      totalFen: 900,
      reason: 'x',
    });
    await pair.fake.idle();
    expect(await post('/__mock/renotify', { outRefundNo: 'RF202405000050' })).toMatchObject({
      status: 200,
      body: { eventType: 'REFUND.SUCCESS', status: 204 },
    });
    expect(receiver.notices.map((n) => n.eventType)).toEqual([
      'TRANSACTION.SUCCESS',
      'TRANSACTION.SUCCESS',
      'REFUND.SUCCESS',
      'REFUND.SUCCESS',
    ]);
    const orders = (await (await fetch(`${pair.fake.url}/__mock/orders`)).json()) as { state: string }[];
    expect(orders).toEqual([expect.objectContaining({ outTradeNo: 'BILL202405000050', state: 'REFUND' })]);
  });

  it('answers control mistakes WeChat-style', async () => {
    expect(await post('/__mock/pay', {})).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } });
    expect(await post('/__mock/pay', { outTradeNo: 'NO-SUCH-ORDER' })).toMatchObject({
      status: 404,
      body: { code: 'ORDER_NOT_EXIST' },
    });
    expect(await post('/__mock/renotify', { outTradeNo: 'NO-SUCH-ORDER' })).toMatchObject({ status: 404 });
    expect(await post('/__mock/bill-amount', { outTradeNo: 'X' })).toMatchObject({ status: 400 });
  });

  it('refuses API calls without a merchant signature, unsigned, with 401 SIGN_ERROR', async () => {
    const res = await fetch(`${pair.fake.url}/v3/pay/transactions/out-trade-no/BILL202405000051?mchid=${TEST_MCHID}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SIGN_ERROR' });
    expect(res.headers.get('wechatpay-signature')).toBeNull();
  });
});
