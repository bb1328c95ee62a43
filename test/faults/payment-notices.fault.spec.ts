import { randomBytes } from 'node:crypto';
import { queryRows } from '../support/db';
import { ServerProcess, TestDatabase, api, createTestDatabase, freePort, startServer } from '../support/server-process';
import type { SignedNotice } from '../../server/src/dev/fake-wechat-pay.server';
import { dbTime, execute } from './support/db-write';
import { until } from './support/intake-load';
import { OutsideWechatPay, startOutsideWechatPay } from './support/outside-wechat-pay';
import { residentWithAccount } from './support/residents';

const NOTIFY = '/api/payments/wechat/notify';

interface OpenOrder {
  billId: number;
  orderNo: string;
  amountFen: number;
}

/**
 * WeChat Pay notices as the network delivers them: late, twice, out of order, forged, replayed after
 * 5 minutes. Against a real server process in live mode whose WeChat Pay is a fake the test holds.
 */
describe('payment notices delivered badly', () => {
  let db: TestDatabase;
  let wx: OutsideWechatPay;
  let server: ServerProcess;
  const statuses: Record<string, number> = {};
  const genuinePayments: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    wx = await startOutsideWechatPay();
    server = await startServer(db.url, { ...wx.env(await freePort()), PAYMENT_SWEEP_SECONDS: '1' });
  });
  afterAll(async () => {
    await server?.stop();
    await wx?.close();
    await db?.drop();
    console.log(
      `[fault] payment notices: answers by kind ${JSON.stringify(statuses)}; ${genuinePayments.length} genuine payments`,
    );
  });

  /** A resident of demo account n taps 缴费 on the October bill: the order is open at WeChat Pay. */
  const openOrder = async (n: number): Promise<OpenOrder> => {
    const resident = await residentWithAccount(server.url, `payer-${n}-${randomBytes(3).toString('hex')}`, n);
    const bills = await api(server.url, 'GET', `/api/accounts/${resident.accountId}/bills`, resident.token);
    const bill = (bills.body as { id: number; period: string; status: string }[]).find(
      (b) => b.period === '2026-10' && b.status === 'unpaid',
    )!;
    const pay = await api(server.url, 'POST', `/api/bills/${bill.id}/pay`, resident.token);
    expect(pay.status).toBe(201);
    return { billId: bill.id, orderNo: pay.body.orderNo, amountFen: pay.body.amountFen };
  };
  const post = async (kind: string, notice: SignedNotice) => {
    const res = await fetch(server.url + NOTIFY, { method: 'POST', headers: notice.headers, body: notice.rawBody });
    await res.arrayBuffer();
    statuses[`${kind} ${res.status}`] = (statuses[`${kind} ${res.status}`] ?? 0) + 1;
    return res.status;
  };
  const money = async (order: OpenOrder) => {
    const [bill] = await queryRows<{ status: string; paidFen: number }>(
      db,
      'SELECT status, paidFen FROM bill WHERE id = ?',
      [order.billId],
    );
    const orders = await queryRows<{ status: string }>(db, 'SELECT status FROM payment_order WHERE billId = ?', [
      order.billId,
    ]);
    return {
      bill: bill.status,
      paidFen: Number(bill.paidFen),
      paidOrders: orders.filter((o) => o.status === 'paid').length,
    };
  };
  const creditedOnce = (order: OpenOrder) => ({ bill: 'paid', paidFen: order.amountFen, paidOrders: 1 });
  const paidTwiceTickets = async () =>
    (await queryRows(db, "SELECT id FROM ticket WHERE description LIKE '重复缴费%'")).length;
  const pay = async (order: OpenOrder, notify = true) => {
    const paid = await wx.fake.pay({ outTradeNo: order.orderNo, notify });
    genuinePayments.push(order.orderNo);
    if (paid.delivery) statuses[`first ${paid.delivery.status}`] = (statuses[`first ${paid.delivery.status}`] ?? 0) + 1;
    return paid;
  };
  const renotify = async (order: OpenOrder, kind: string) => {
    const delivery = await wx.fake.renotify(order.orderNo);
    statuses[`${kind} ${delivery.status}`] = (statuses[`${kind} ${delivery.status}`] ?? 0) + 1;
    return delivery.status;
  };
  /** WeChat Pay's sweeper window: the server asks about orders quiet for 3 minutes. */
  const makeQuiet = (order: OpenOrder) =>
    execute(db, 'UPDATE payment_order SET createdAt = ? WHERE orderNo = ?', [
      dbTime(new Date(Date.now() - 4 * 60_000)),
      order.orderNo,
    ]);

  it('credits once when the same notice arrives five times, three of them at once', async () => {
    const order = await openOrder(2);
    expect((await pay(order)).delivery?.status).toBe(204);
    const again = await Promise.all([1, 2, 3].map(() => renotify(order, 'repeat')));
    again.push(await renotify(order, 'repeat'), await renotify(order, 'repeat'));
    expect(again.every((s) => s >= 200 && s < 300)).toBe(true);
    expect(await money(order)).toEqual(creditedOnce(order));
  });

  it('credits once when the notice comes only after the sweeper has found the payment', async () => {
    const order = await openOrder(3);
    await pay(order, false);
    await makeQuiet(order);
    await until(async () => (await money(order)).bill === 'paid', 15_000, 'the payment sweeper to credit the payment');
    expect(await renotify(order, 'late')).toBe(204);
    expect(await money(order)).toEqual(creditedOnce(order));
  });

  it('credits once when the notice races the sweeper', async () => {
    // Three payments whose notices land at different points of the sweeper's one-second cycle.
    const winners: string[] = [];
    for (const [n, delayMs] of [
      [4, 0],
      [8, 450],
      [9, 900],
    ] as const) {
      const order = await openOrder(n);
      await pay(order, false);
      await makeQuiet(order);
      await new Promise((r) => setTimeout(r, delayMs));
      const answers = await Promise.all([renotify(order, 'racing'), renotify(order, 'racing')]);
      expect(answers).toEqual([204, 204]);
      await until(async () => (await money(order)).bill === 'paid', 15_000, 'the payment to be credited');
      expect(await money(order)).toEqual(creditedOnce(order));
      const outcomes = await queryRows<{ outcome: string }>(
        db,
        'SELECT outcome FROM payment_notice WHERE outTradeNo = ?',
        [order.orderNo],
      );
      const byNotice = outcomes.filter((o) => o.outcome === 'credited').length;
      expect(byNotice).toBeLessThanOrEqual(1);
      winners.push(byNotice ? 'notice' : 'sweeper');
    }
    statuses[`races won by ${winners.join('/')}`] = winners.length;
  });

  it('refuses a refund notice that comes before its payment, then credits the payment once', async () => {
    const order = await openOrder(6);
    const refund = (transactionId: string) =>
      wx.fake.signNotice({
        eventType: 'REFUND.SUCCESS',
        resource: {
          mchid: '1230000109',
          refund_id: `50${Date.now()}`,
          out_refund_no: `RF${Date.now()}`,
          transaction_id: transactionId,
          out_trade_no: order.orderNo,
          refund_status: 'SUCCESS',
          success_time: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
          user_received_account: '支付用户零钱',
          amount: {
            total: order.amountFen,
            refund: order.amountFen,
            payer_total: order.amountFen,
            payer_refund: order.amountFen,
          },
        },
      });
    expect(await post('refund-first', refund('4200000000202611230000000001'))).toBe(400);
    expect(await money(order)).toEqual({ bill: 'unpaid', paidFen: 0, paidOrders: 0 });
    const paid = await pay(order);
    expect(paid.delivery?.status).toBe(204);
    // No refund of ours matches it: still refused (WeChat Pay retries; staff see it in the notice log), nothing undone.
    expect(await post('refund-after', refund(paid.transactionId))).toBe(400);
    expect(await money(order)).toEqual(creditedOnce(order));
  });

  it('refuses forged, tampered, mismatched and stale notices and credits nothing until the real one', async () => {
    const order = await openOrder(7);
    const [payer] = wx.fake.orders().filter((o) => o.outTradeNo === order.orderNo);
    const success = (overrides: Record<string, unknown> = {}) => ({
      appid: 'wx0000000000mock',
      mchid: '1230000109',
      out_trade_no: order.orderNo,
      transaction_id: '4200000000202611239999999999',
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      attach: '',
      success_time: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
      payer: { openid: payer.payerOpenid },
      amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
      ...overrides,
    });
    const notice = (resource: Record<string, unknown>, options = {}) =>
      wx.fake.signNotice({ eventType: 'TRANSACTION.SUCCESS', resource }, options);
    const refused = [
      await post('forged signature', notice(success(), { forgeSignature: true })),
      await post('tampered ciphertext', notice(success(), { tamperCiphertext: true })),
      await post('tampered tag', notice(success(), { tamperTag: true })),
      await post('unknown serial', notice(success(), { serial: 'PUB_KEY_ID_0000000000000000000000' })),
      await post('replayed after 5 min', notice(success(), { timestamp: Math.floor(Date.now() / 1000) - 301 })),
      await post(
        'other amount',
        notice(success({ amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } })),
      ),
      await post('other merchant', notice(success({ mchid: '1900000109' }))),
    ];
    expect(refused).toEqual([401, 401, 401, 401, 401, 400, 400]);
    expect(await money(order)).toEqual({ bill: 'unpaid', paidFen: 0, paidOrders: 0 });

    const paid = await pay(order);
    expect(paid.delivery?.status).toBe(204);
    // The real notice captured and replayed 5 minutes later: refused, and the payment stays credited once.
    const replay = wx.fake.signNotice(
      { eventType: 'TRANSACTION.SUCCESS', resource: wx.fake.transactionJson(order.orderNo) },
      { timestamp: Math.floor(Date.now() / 1000) - 310 },
    );
    expect(await post('real one replayed after 5 min', replay)).toBe(401);
    expect(await money(order)).toEqual(creditedOnce(order));
  });

  it('ends with exactly one credit per genuine payment and no payment taken twice', async () => {
    const paidOrders = await queryRows<{ orderNo: string }>(
      db,
      "SELECT orderNo FROM payment_order WHERE status = 'paid'",
    );
    expect(paidOrders.map((o) => o.orderNo).sort()).toEqual([...genuinePayments].sort());
    const paidBills = await queryRows(db, "SELECT id FROM bill WHERE status = 'paid'");
    expect(paidBills).toHaveLength(genuinePayments.length);
    expect(await paidTwiceTickets()).toBe(0);
  });
});
