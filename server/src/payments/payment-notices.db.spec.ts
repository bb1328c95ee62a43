import { ErrorCode } from '@utility/shared';
import type { Response } from 'supertest';
import { expectRefused } from '../testing/api-fixtures';
import {
  Payer,
  billsOf,
  fakeWechatPay,
  getBill,
  moneyState,
  orderByNo,
  ordersOfBill,
  pay,
  payer,
  postNotice,
  receipts,
  requestPay,
  successResource,
  startPaymentsTestApp,
  unpaidBill,
} from '../testing/payment-fixtures';
import { countRows } from '../testing/resident-fixtures';
import { PaymentNoticeHandler } from './payment-notice-handler.service';
import { TestApp } from '../testing/test-app';

/** Refused with a non-2xx status (WeChat Pay will retry), as `{ code, message }` (answered to WeChat Pay, not shown to anyone). */
function expectNoticeRefused(res: Response, status: number) {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code: ErrorCode.NoticeRejected });
}

/**
 * Paying a bill with WeChat Pay: the fake WeChat Pay posts its signed, encrypted notices to the app's real
 * notify endpoint, or a test builds one with the fake's platform key (signNotice) and posts it itself.
 * Each test pays its own demo account's October bill.
 */
describe('WeChat Pay notices credit a bill exactly once', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  /** A resident with an October bill and an open order for it, not yet paid at WeChat Pay. */
  async function openOrder(identity: string, accountNo: string) {
    const p = await payer(t, identity, accountNo);
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    return { p, bill, order: await orderByNo(t, orderNo) };
  }

  /** What the resident sees once the bill is paid: the bill settled in full, and one receipt. */
  async function expectPaidOnce(p: Payer, billId: number, orderNo: string, transactionId: string, amountFen: number) {
    expect(await getBill(t, p, billId)).toMatchObject({
      status: 'paid',
      paidFen: amountFen,
      amountFen,
      paidAt: expect.any(String),
    });
    expect((await billsOf(t, p)).find((b) => b.id === billId)).toMatchObject({ status: 'paid' });
    expect(await receipts(t, p)).toEqual([
      {
        id: expect.any(Number),
        orderNo,
        method: 'wechat',
        receiptNo: null,
        billId,
        period: '2026-10',
        accountNo: expect.any(String),
        amountFen,
        status: 'paid',
        transactionId,
        paidAt: expect.any(String),
        // Paid by this resident through WeChat Pay: an invoice may be asked for (docs/domain.md#invoices).
        invoice: null,
        invoiceable: true,
      },
    ]);
    const orders = await ordersOfBill(t, billId);
    expect(orders.map((o) => [o.orderNo, o.status, o.transactionId, o.openBillId])).toEqual([
      [orderNo, 'paid', transactionId, null],
    ]);
    const bill = await moneyState(t, billId);
    expect(bill.bill.paymentId).toBe(orders[0].id);
  }

  it("a valid notice from WeChat Pay credits the bill: paid in full, the order paid, a receipt in the resident's payments", async () => {
    const { p, bill, order } = await openOrder('notice-valid', '9100000001');
    expect(await receipts(t, p)).toEqual([]);

    const paid = await fakeWechatPay(t).pay({ outTradeNo: order.orderNo });

    // The notify endpoint accepted the notice (2xx), so WeChat Pay stops sending it.
    expect(paid.delivery?.status).toBe(204);
    await expectPaidOnce(p, bill.id, order.orderNo, paid.transactionId, bill.amountFen);
    expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo, outcome: 'credited' })).toBe(1);
  });

  it('the same notice delivered 5 times at once credits once, and every delivery is answered 2xx', async () => {
    const { p, bill, order } = await openOrder('notice-5x', '9100000002');
    const fake = fakeWechatPay(t);
    const { transactionId } = await fake.pay({ outTradeNo: order.orderNo, notify: false });

    const deliveries = await Promise.all(Array.from({ length: 5 }, () => fake.renotify(order.orderNo)));

    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204, 204, 204]);
    await expectPaidOnce(p, bill.id, order.orderNo, transactionId, bill.amountFen);
    expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo, outcome: 'credited' })).toBe(1);
    expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo, outcome: 'duplicate' })).toBe(4);
    // A late sixth delivery changes nothing either.
    expect((await fake.renotify(order.orderNo)).status).toBe(204);
    await expectPaidOnce(p, bill.id, order.orderNo, transactionId, bill.amountFen);
  });

  it('a credit whose notice line cannot be written is undone and answered 5xx: the redelivery credits once', async () => {
    const { p, bill, order } = await openOrder('notice-log-fails', '9100000019');
    const fake = fakeWechatPay(t);
    const { transactionId } = await fake.pay({ outTradeNo: order.orderNo, notify: false });
    const before = await moneyState(t, bill.id);
    const handler = t.app.get(PaymentNoticeHandler) as unknown as { record: () => Promise<unknown> };
    const record = jest.spyOn(handler, 'record').mockRejectedValueOnce(new Error('notice log unavailable'));
    try {
      expect((await fake.renotify(order.orderNo)).status).toBeGreaterThanOrEqual(500);
    } finally {
      record.mockRestore();
    }
    // The credit and its line are one transaction: nothing was credited, so WeChat Pay's retry credits.
    expect(await moneyState(t, bill.id)).toEqual(before);
    expect((await fake.renotify(order.orderNo)).status).toBe(204);
    await expectPaidOnce(p, bill.id, order.orderNo, transactionId, bill.amountFen);
    expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo })).toBe(1);
    expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo, outcome: 'credited' })).toBe(1);
  });

  describe('a notice that is not WeChat Pay’s, or not for this order, is refused and changes nothing', () => {
    it.each([
      ['a forged signature', '9100000003', { forgeSignature: true }, 'bad_signature'],
      [
        'a stale timestamp (6 minutes old)',
        '9100000004',
        { timestamp: Math.floor(Date.now() / 1000) - 360 },
        'stale_timestamp',
      ],
      ['a valid signature over a broken GCM tag', '9100000006', { tamperTag: true }, 'bad_ciphertext'],
      ['a valid signature over altered ciphertext', '9100000007', { tamperCiphertext: true }, 'bad_ciphertext'],
    ])('%s → 401', async (_what, accountNo, signing, reason) => {
      const { p, bill, order } = await openOrder(`notice-refused-${accountNo}`, accountNo);
      const fake = fakeWechatPay(t);
      await fake.pay({ outTradeNo: order.orderNo, notify: false });
      const before = await moneyState(t, bill.id);
      // The genuine plaintext of this very payment: only the envelope is wrong.
      const notice = fake.signNotice(
        { eventType: 'TRANSACTION.SUCCESS', resource: fake.transactionJson(order.orderNo) },
        signing,
      );

      const handler = t.app.get(PaymentNoticeHandler);
      const rejectedBefore = handler.rejectedCounts()[reason] ?? 0;
      const noticeRowsBefore = await countRows(t, 'payment_notice');

      const res = await postNotice(t, notice);

      expectNoticeRefused(res, 401);
      // Refused for the reason under test and counted as such, but nothing stored: anyone can post these.
      expect(handler.rejectedCounts()[reason]).toBe(rejectedBefore + 1);
      expect(await countRows(t, 'payment_notice')).toBe(noticeRowsBefore);
      expect(await moneyState(t, bill.id)).toEqual(before);
      expect(before.bill.status).toBe('unpaid');
      expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'unpaid', paidFen: 0 });
      expect(await receipts(t, p)).toEqual([]);
      expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo })).toBe(0);

      // WeChat Pay's real notice of the same payment, when it comes, still credits it.
      expect((await fake.renotify(order.orderNo)).status).toBe(204);
      expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'paid', paidFen: bill.amountFen });
    });

    it('a correctly signed notice whose amount differs from the order → 400, nothing credited', async () => {
      const { p, bill, order } = await openOrder('notice-amount', '9100000008');
      const fake = fakeWechatPay(t);
      await fake.pay({ outTradeNo: order.orderNo, notify: false });
      const before = await moneyState(t, bill.id);
      const genuine = fake.transactionJson(order.orderNo) as { amount: Record<string, number> };
      const tampered = { ...genuine, amount: { ...genuine.amount, total: 1, payer_total: 1 } };

      const res = await postNotice(t, fake.signNotice({ eventType: 'TRANSACTION.SUCCESS', resource: tampered }));

      expectNoticeRefused(res, 400);
      expect(await moneyState(t, bill.id)).toEqual(before);
      expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'unpaid', paidFen: 0 });
      expect(await receipts(t, p)).toEqual([]);
      expect(await countRows(t, 'payment_notice', { outTradeNo: order.orderNo, outcome: 'mismatch' })).toBe(1);
    });

    it('a correctly signed notice for an out_trade_no we never issued → 400, nothing credited anywhere', async () => {
      const { bill, order } = await openOrder('notice-unknown', '9100000009');
      const paidBefore = await countRows(t, 'payment_order', { status: 'paid' });
      const before = await moneyState(t, bill.id);
      const unknown = 'W20261123FFFFFFFFFFFFFFFF';

      const res = await postNotice(
        t,
        fakeWechatPay(t).signNotice({
          eventType: 'TRANSACTION.SUCCESS',
          resource: successResource(t, order, { out_trade_no: unknown }),
        }),
      );

      expectNoticeRefused(res, 400);
      expect(await moneyState(t, bill.id)).toEqual(before);
      expect(await countRows(t, 'payment_order', { status: 'paid' })).toBe(paidBefore);
      expect(await countRows(t, 'payment_order', { orderNo: unknown })).toBe(0);
      expect(await countRows(t, 'payment_notice', { outTradeNo: unknown, outcome: 'unknown_order' })).toBe(1);
    });
  });

  it('paying a paid bill is 409 BILL_ALREADY_PAID and opens no order', async () => {
    const { p, bill, order } = await openOrder('pay-paid', '9100000011');
    await fakeWechatPay(t).pay({ outTradeNo: order.orderNo });
    const before = await moneyState(t, bill.id);
    expect(before.bill.status).toBe('paid');
    const ordersAtWechat = fakeWechatPay(t).orders().length;

    expectRefused(await requestPay(t, p, bill.id), 409, ErrorCode.BillAlreadyPaid);

    expect(await moneyState(t, bill.id)).toEqual(before);
    expect(fakeWechatPay(t).orders()).toHaveLength(ordersAtWechat);
  });

  it('two pay requests racing for one bill make one order, and both get it', async () => {
    const p = await payer(t, 'pay-race', '9100000012');
    const bill = await unpaidBill(t, p);

    const [a, b] = await Promise.all([requestPay(t, p, bill.id), requestPay(t, p, bill.id)]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.orderNo).toBe(b.body.orderNo);
    expect(a.body.payParams.package).toBe(b.body.payParams.package);
    expect(await countRows(t, 'payment_order', { billId: bill.id })).toBe(1);
    expect(
      fakeWechatPay(t)
        .orders()
        .filter((o) => o.outTradeNo === a.body.orderNo),
    ).toHaveLength(1);
    // Asking again later reuses it too.
    expect((await pay(t, p, bill.id)).orderNo).toBe(a.body.orderNo);
    expect(await countRows(t, 'payment_order', { billId: bill.id })).toBe(1);
  });

  it("another resident's bill cannot be paid: 404, no order", async () => {
    const owner = await payer(t, 'pay-owner', '9100000013');
    const bill = await unpaidBill(t, owner);
    const stranger = await payer(t, 'pay-stranger', '9100000014');

    expectRefused(await requestPay(t, stranger, bill.id), 404, ErrorCode.NotFound);
    expectRefused(
      await t.http().get(`/api/payments?accountId=${owner.accountId}`).set('Authorization', stranger.auth),
      404,
      ErrorCode.NotFound,
    );
    expect(await countRows(t, 'payment_order', { billId: bill.id })).toBe(0);
  });
});
