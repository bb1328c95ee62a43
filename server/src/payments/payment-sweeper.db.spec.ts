import {
  billsOf,
  fakeWechatPay,
  getBill,
  moneyState,
  orderByNo,
  pay,
  payer,
  receipts,
  startPaymentsTestApp,
  unpaidBill,
} from '../testing/payment-fixtures';
import { minutes } from '../testing/api-fixtures';
import { countRows } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';
import { PaymentSweeper } from './payment-sweeper.service';

/**
 * The payment sweeper asks WeChat Pay about orders that stayed quiet (no notice 3 minutes after creation) and
 * closes those that expired unpaid. Each test pins the server's clock when it opens its order, then moves it on.
 */
describe('payment sweeper', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  const sweep = () => t.app.get(PaymentSweeper).sweep();

  it('credits a payment whose notice never came, once WeChat Pay confirms it by query', async () => {
    const start = new Date();
    t.setNow(start);
    const p = await payer(t, 'sweep-paid', '9100000016');
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    const fake = fakeWechatPay(t);
    const { transactionId } = await fake.pay({ outTradeNo: orderNo, notify: false });
    const deliveriesBefore = fake.deliveries.length;

    // Not quiet yet: 2 minutes after the order, nobody asks.
    t.setNow(minutes(start, 2));
    await sweep();
    expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'unpaid' });
    expect((await orderByNo(t, orderNo)).lastQueriedAt).toBeNull();

    t.setNow(minutes(start, 4));
    const result = await sweep();

    expect(result.credited).toBeGreaterThanOrEqual(1);
    expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'paid', paidFen: bill.amountFen });
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({ orderNo, billId: bill.id, status: 'paid', transactionId, amountFen: bill.amountFen }),
    ]);
    // Nothing was sent by WeChat Pay: the sweeper found it.
    expect(fake.deliveries.length).toBe(deliveriesBefore);

    // The notice arriving late after all changes nothing.
    t.setNow(new Date());
    const state = await moneyState(t, bill.id);
    expect((await fake.renotify(orderNo)).status).toBe(204);
    expect(await moneyState(t, bill.id)).toEqual(state);
    // And sweeping again finds nothing more to do for it.
    t.setNow(minutes(start, 10));
    await sweep();
    expect(await moneyState(t, bill.id)).toEqual(state);
    expect(await countRows(t, 'payment_notice', { outTradeNo: orderNo, outcome: 'credited' })).toBe(0);
  });

  it('closes an order past its expiry that was never paid, here and at WeChat Pay; the bill stays payable with a new order', async () => {
    const start = new Date();
    t.setNow(start);
    const p = await payer(t, 'sweep-expired', '9100000017');
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    const order = await orderByNo(t, orderNo);
    expect(order.expiresAt.getTime()).toBe(minutes(start, 30).getTime());

    // Quiet but not expired: asked about, left open.
    t.setNow(minutes(start, 5));
    await sweep();
    expect(await orderByNo(t, orderNo)).toMatchObject({ status: 'open', openBillId: bill.id });

    t.setNow(minutes(start, 31));
    const result = await sweep();

    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect(await orderByNo(t, orderNo)).toMatchObject({
      status: 'closed',
      openBillId: null,
      transactionId: null,
      paidAt: null,
    });
    expect(
      fakeWechatPay(t)
        .orders()
        .find((o) => o.outTradeNo === orderNo)?.state,
    ).toBe('CLOSED');
    expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'unpaid', paidFen: 0 });
    expect(await receipts(t, p)).toEqual([]);

    // The resident can still pay: a new order, the closed one is not reused.
    const again = await pay(t, p, bill.id);
    expect(again.orderNo).not.toBe(orderNo);
    expect(await countRows(t, 'payment_order', { billId: bill.id })).toBe(2);
    expect((await billsOf(t, p)).find((b) => b.id === bill.id)).toMatchObject({ status: 'unpaid' });
  });
});
