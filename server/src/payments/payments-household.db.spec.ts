import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused } from '../testing/api-fixtures';
import {
  fakeWechatPay,
  getBill,
  moneyState,
  orderByNo,
  ordersOfBill,
  pay,
  payer,
  receipts,
  requestPay,
  startPaymentsTestApp,
  unpaidBill,
} from '../testing/payment-fixtures';
import { countRows, openidOf } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';

/**
 * Paying one bill from several WeChat identities (a household), a payment whose notice was lost, and a
 * payer who asks to be forgotten. Each test pays its own demo account's October bill.
 */
describe('WeChat Pay orders: payers, lost notices, forgotten identities', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  it("a second household member pays the bill at once: the first member's order is closed, the second gets their own", async () => {
    const first = await payer(t, 'household-first', '9100000001');
    const second = await payer(t, 'household-second', '9100000001');
    const bill = await unpaidBill(t, first);
    const firstOrder = await pay(t, first, bill.id);

    const secondOrder = await pay(t, second, bill.id);

    expect(secondOrder.orderNo).not.toBe(firstOrder.orderNo);
    const fake = fakeWechatPay(t);
    const atWechat = (orderNo: string) => fake.orders().find((o) => o.outTradeNo === orderNo)!;
    expect(atWechat(firstOrder.orderNo).state).toBe('CLOSED');
    expect(atWechat(secondOrder.orderNo)).toMatchObject({
      state: 'NOTPAY',
      payerOpenid: await openidOf(t, second.resident.id),
    });
    expect((await ordersOfBill(t, bill.id)).map((o) => [o.orderNo, o.status, o.openBillId])).toEqual([
      [firstOrder.orderNo, 'closed', null],
      [secondOrder.orderNo, 'open', bill.id],
    ]);

    // The second member pays; the bill is settled once, and the first member is told it is paid.
    const paid = await fake.pay({ outTradeNo: secondOrder.orderNo });
    expect(paid.delivery?.status).toBe(204);
    expect(await getBill(t, first, bill.id)).toMatchObject({ status: 'paid', paidFen: bill.amountFen });
    expectRefused(await requestPay(t, first, bill.id), 409, ErrorCode.BillAlreadyPaid);
    expect(await countRows(t, 'payment_order', { billId: bill.id, status: 'paid' })).toBe(1);
  });

  it('the same payer asking again keeps their one order (no close, no new order)', async () => {
    const p = await payer(t, 'household-again', '9100000002');
    const bill = await unpaidBill(t, p);
    const first = await pay(t, p, bill.id);
    expect((await pay(t, p, bill.id)).orderNo).toBe(first.orderNo);
    expect(await countRows(t, 'payment_order', { billId: bill.id })).toBe(1);
  });

  it('paid, notice lost, 支付 tapped again: the order is queried and credited at once, and the answer is 409 "该账单已支付"', async () => {
    const p = await payer(t, 'lost-notice', '9100000003');
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    const fake = fakeWechatPay(t);
    // WeChat Pay took the money; its notice never arrives.
    const { transactionId } = await fake.pay({ outTradeNo: orderNo, notify: false });
    expect((await moneyState(t, bill.id)).bill.status).toBe('unpaid');

    const res = await requestPay(t, p, bill.id);

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: ErrorCode.BillAlreadyPaid, message: '该账单已支付' });
    expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'paid', paidFen: bill.amountFen });
    expect(await receipts(t, p)).toEqual([expect.objectContaining({ orderNo, transactionId, status: 'paid' })]);
    expect(await orderByNo(t, orderNo)).toMatchObject({ status: 'paid', transactionId, openBillId: null });
    // Credited exactly once: asking again, and the late notice, change nothing.
    const after = await moneyState(t, bill.id);
    expectRefused(await requestPay(t, p, bill.id), 409, ErrorCode.BillAlreadyPaid);
    expect((await fake.renotify(orderNo)).status).toBe(204);
    expect(await moneyState(t, bill.id)).toEqual(after);
    expect(await countRows(t, 'payment_order', { billId: bill.id })).toBe(1);
  });

  it('paid by one member, notice lost, another member taps 支付: closing finds it paid, credits it, 409', async () => {
    const first = await payer(t, 'lost-household-first', '9100000004');
    const second = await payer(t, 'lost-household-second', '9100000004');
    const bill = await unpaidBill(t, first);
    const { orderNo } = await pay(t, first, bill.id);
    await fakeWechatPay(t).pay({ outTradeNo: orderNo, notify: false });

    const res = await requestPay(t, second, bill.id);

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: ErrorCode.BillAlreadyPaid });
    expect(await getBill(t, second, bill.id)).toMatchObject({ status: 'paid', paidFen: bill.amountFen });
    expect((await ordersOfBill(t, bill.id)).map((o) => [o.orderNo, o.status])).toEqual([[orderNo, 'paid']]);
  });

  it('forget me: the openid leaves every payment order, replaced by one pseudonym; the payments stay', async () => {
    const p = await payer(t, 'forget-payer', '9100000006');
    const openid = (await openidOf(t, p.resident.id))!;
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    await fakeWechatPay(t).pay({ outTradeNo: orderNo });
    const paidBefore = await moneyState(t, bill.id);

    expect((await t.http().delete('/api/me').set('Authorization', p.auth)).status).toBe(204);

    const db = t.app.get(DataSource);
    expect(await countRows(t, 'payment_order', { payerOpenid: openid })).toBe(0);
    const [row] = await db.query('SELECT payerOpenid FROM payment_order WHERE orderNo = ?', [orderNo]);
    expect(row.payerOpenid).toMatch(/^~[A-Za-z0-9_-]{40}$/);
    expect(row.payerOpenid).not.toContain(openid);
    // The payment itself is company record: kept as it was.
    expect(await moneyState(t, bill.id)).toEqual(paidBefore);
  });
});
