import Pay from 'wechatpay-node-v3';
import { WechatPayClient } from './wechat-pay.client';
import { WechatPayCredentials } from './wechat-pay.credentials';
import { NoticeRejected, NoticeRejectReason, WechatPayNotices } from './wechat-pay.notices';
import { MockPair, startMockPair, TEST_APPID, TEST_MCHID } from './wechat-pay.test-support';
import { NoticeSigningOptions, SignedNotice } from '../../dev/fake-wechat-pay.server';

let pair: MockPair;
let credentials: WechatPayCredentials;
let notices: WechatPayNotices;
let paid: Record<string, unknown>;

beforeAll(async () => {
  pair = await startMockPair();
  credentials = pair.credentials('http://127.0.0.1:9/notify');
  notices = new WechatPayNotices(credentials);
  const client = new WechatPayClient(credentials);
  await client.createJsapiOrder({
    outTradeNo: 'BILL202405000100',
    description: '燃气费',
    amountFen: 8800,
    payerOpenid: 'oPayer000000000000000000001',
    timeExpire: new Date(Date.now() + 3600_000),
    attach: 'bill:42',
  });
  await pair.fake.pay({ outTradeNo: 'BILL202405000100', notify: false });
  paid = pair.fake.transactionJson('BILL202405000100');
});
afterAll(() => pair.fake.close());

const now = () => new Date();
const transactionNotice = (options?: NoticeSigningOptions) =>
  pair.fake.signNotice({ eventType: 'TRANSACTION.SUCCESS', resource: paid }, options);

/** The reason a notice is refused with; fails the test if it is accepted. */
async function reason(notice: SignedNotice, at = now()): Promise<NoticeRejectReason> {
  const outcome = await notices.verifyNotice(notice, at).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof NoticeRejected)) throw new Error(`expected NoticeRejected, got ${String(outcome)}`);
  return outcome.reason;
}

describe('verifyNotice', () => {
  it('verifies and decrypts a payment notice into the paid transaction', async () => {
    const notice = await notices.verifyNotice(transactionNotice(), now());
    expect(notice).toEqual({
      id: expect.any(String),
      createTime: expect.stringMatching(/\+08:00$/),
      eventType: 'TRANSACTION.SUCCESS',
      resource: {
        mchid: TEST_MCHID,
        appid: TEST_APPID,
        outTradeNo: 'BILL202405000100',
        tradeState: 'SUCCESS',
        tradeStateDesc: '支付成功',
        transactionId: expect.stringMatching(/^\d{28}$/),
        amountFen: 8800,
        payerTotalFen: 8800,
        payerOpenid: 'oPayer000000000000000000001',
        successTime: expect.any(Date),
        attach: 'bill:42',
      },
    });
    expect(notices.mismatches(notice.resource as never, { outTradeNo: 'BILL202405000100', amountFen: 8800 })).toEqual(
      [],
    );
  });

  it('takes a Buffer raw body and lower-case headers, as Fastify hands them over', async () => {
    const { headers, rawBody } = transactionNotice();
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    await expect(notices.verifyNotice({ headers: lower, rawBody: Buffer.from(rawBody) }, now())).resolves.toMatchObject(
      { eventType: 'TRANSACTION.SUCCESS' },
    );
  });

  it('verifies a refund notice', async () => {
    const refund = {
      mchid: TEST_MCHID,
      out_trade_no: 'BILL202405000100',
      transaction_id: paid.transaction_id,
      out_refund_no: 'RF202405000100',
      refund_id: '50000000382019052709732678859',
      refund_status: 'SUCCESS',
      success_time: '2024-05-01T10:00:00+08:00',
      user_received_account: '支付用户零钱',
      amount: { total: 8800, refund: 800, payer_total: 8800, payer_refund: 800 },
    };
    const notice = await notices.verifyNotice(
      pair.fake.signNotice({ eventType: 'REFUND.SUCCESS', resource: refund }),
      now(),
    );
    expect(notice).toMatchObject({
      eventType: 'REFUND.SUCCESS',
      resource: {
        outRefundNo: 'RF202405000100',
        status: 'SUCCESS',
        refundFen: 800,
        totalFen: 8800,
        successTime: new Date('2024-05-01T02:00:00Z'),
      },
    });
  });

  it('verifies an e-invoice notice (FAPIAO.ISSUED): which invoices of which application moved', async () => {
    const resource = {
      mchid: TEST_MCHID,
      fapiao_apply_id: '4200000444201910177461284488',
      fapiao_information: [{ fapiao_id: 'F20261123ABCDEF012345', fapiao_status: 'ISSUED', card_status: 'INSERTED' }],
    };
    expect(await notices.verifyNotice(pair.fake.signNotice({ eventType: 'FAPIAO.ISSUED', resource }), now())).toEqual({
      id: expect.any(String),
      createTime: expect.any(String),
      eventType: 'FAPIAO.ISSUED',
      resource: {
        mchid: TEST_MCHID,
        fapiaoApplyId: '4200000444201910177461284488',
        fapiaos: [{ fapiaoId: 'F20261123ABCDEF012345', status: 'ISSUED', cardStatus: 'INSERTED' }],
      },
    });
    const unknownStatus = { ...resource, fapiao_information: [{ fapiao_id: 'F1', fapiao_status: 'LOST' }] };
    expect(await reason(pair.fake.signNotice({ eventType: 'FAPIAO.REVERSED', resource: unknownStatus }))).toBe(
      'malformed',
    );
  });

  it('refuses a forged signature', async () => {
    expect(await reason(transactionNotice({ forgeSignature: true }))).toBe('bad_signature');
  });

  it('refuses a serial it holds no key for, and a notice with no headers', async () => {
    expect(await reason(transactionNotice({ serial: 'PUB_KEY_ID_0119999999999999' }))).toBe('unknown_serial');
    expect(await reason({ headers: {}, rawBody: transactionNotice().rawBody })).toBe('unknown_serial');
  });

  it.each([
    ['6 minutes old', -360],
    ['6 minutes in the future', 360],
  ])('refuses a timestamp %s, accepts one 4 minutes off', async (_label, offset) => {
    const at = now();
    const seconds = Math.floor(at.getTime() / 1000);
    expect(await reason(transactionNotice({ timestamp: seconds + offset }), at)).toBe('stale_timestamp');
    await expect(
      notices.verifyNotice(transactionNotice({ timestamp: seconds + Math.sign(offset) * 240 }), at),
    ).resolves.toBeDefined();
  });

  it('refuses a body altered after signing (even re-serialised identically)', async () => {
    const { headers, rawBody } = transactionNotice();
    expect(await reason({ headers, rawBody: rawBody.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') })).toBe(
      'bad_signature',
    );
    expect(await reason({ headers, rawBody: JSON.stringify(JSON.parse(rawBody), null, 1) })).toBe('bad_signature');
  });

  it('refuses tampered ciphertext or tag behind a valid signature: the GCM tag is checked', async () => {
    expect(await reason(transactionNotice({ tamperTag: true }))).toBe('bad_ciphertext');
    expect(await reason(transactionNotice({ tamperCiphertext: true }))).toBe('bad_ciphertext');
  });

  it('(why we decrypt ourselves) the SDK decipher_gcm returns tampered plaintext without an error', () => {
    const body = JSON.parse(transactionNotice({ tamperCiphertext: true }).rawBody) as {
      resource: { ciphertext: string; associated_data: string; nonce: string };
    };
    const sdk = new Pay({
      appid: TEST_APPID,
      mchid: TEST_MCHID,
      serial_no: credentials.merchantSerial,
      publicKey: Buffer.from('unused'),
      privateKey: Buffer.from('unused'),
      key: credentials.apiV3Key,
    });
    const { ciphertext, associated_data: aad, nonce } = body.resource;
    const decrypted = sdk.decipher_gcm<string>(ciphertext, aad, nonce);
    // One flipped byte: the SDK hands back the altered text, where Node's final() would have thrown.
    expect(decrypted.slice(1)).toBe(JSON.stringify(paid).slice(1));
    expect(decrypted[0]).not.toBe('{');
  });

  it('refuses a notice encrypted with another APIv3 key', async () => {
    const other = new WechatPayNotices({ ...credentials, apiV3Key: 'another-32-character-apiv3-key!!' });
    const outcome = await other.verifyNotice(transactionNotice(), now()).catch((error: NoticeRejected) => error.reason);
    expect(outcome).toBe('bad_ciphertext');
  });

  it.each([
    ['a garbage body', 'not json at all'],
    ['JSON that is not a notice', '{"hello":"world"}'],
    [
      'an unencrypted resource',
      JSON.stringify({
        id: '1',
        create_time: 'x',
        event_type: 'TRANSACTION.SUCCESS',
        resource_type: 'plain',
        resource: {},
      }),
    ],
  ])('refuses %s, validly signed, as malformed', async (_label, rawBody) => {
    expect(await reason(pair.fake.signRawNotice(rawBody))).toBe('malformed');
  });

  it('refuses event types and resources it does not expect', async () => {
    expect(await reason(pair.fake.signNotice({ eventType: 'TRANSACTION.CLOSED', resource: paid }))).toBe('malformed');
    expect(
      await reason(
        pair.fake.signNotice({ eventType: 'TRANSACTION.SUCCESS', resource: { ...paid, trade_state: 'NOTPAY' } }),
      ),
    ).toBe('malformed');
    expect(await reason(pair.fake.signNotice({ eventType: 'REFUND.SUCCESS', resource: paid }))).toBe('malformed');
  });
});

describe('mismatches', () => {
  it('names every field of a paid transaction that is not this merchant’s order', async () => {
    const { resource } = await notices.verifyNotice(transactionNotice(), now());
    const other = { ...resource, mchid: '1900000001', appid: 'wxother' } as never;
    expect(notices.mismatches(other, { outTradeNo: 'BILL-OTHER', amountFen: 1 })).toEqual([
      'mchid',
      'appid',
      'out_trade_no',
      'amount',
    ]);
  });
});
