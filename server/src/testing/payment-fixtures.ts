import { BillView, PayResponse, PaymentView } from '@utility/shared';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { Bill } from '../billing/bill.entity';
import { MeterReading } from '../billing/meter-reading.entity';
import { APP_CONFIG, AppConfig } from '../common/config';
import { PaymentOrder } from '../payments/payment-order.entity';
import { FakeWechatPayHandle } from '../dev/fake-wechat-pay.handle';
import { FakeWechatPay, SignedNotice } from '../dev/fake-wechat-pay.server';
import { formatRfc3339Beijing } from '../payments/wechat-pay/wechat-pay.crypto';
import { Resident, bindAccount, residentLogin } from './resident-fixtures';
import { TestApp, startTestApp } from './test-app';

export const NOTIFY_PATH = '/api/payments/wechat/notify';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * The test app listening on loopback, so that the fake WeChat Pay it started in mock mode can post its
 * signed notices to the real notify endpoint (WECHATPAY_NOTIFY_URL), as WeChat Pay posts them in production.
 * Its jobs are off (startTestApp): tests call the payment sweeper's `sweep()` themselves.
 */
export async function startPaymentsTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // The port is probed before the app boots (its notify URL is configuration): another process may take it
  // meanwhile (the journeys run beside this suite), and then the app boots again on another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const t = await startTestApp({
      PORT: String(port),
      WECHATPAY_NOTIFY_URL: `http://127.0.0.1:${port}${NOTIFY_PATH}`,
      ...env,
    });
    try {
      await t.app.listen(port, '127.0.0.1');
      return t;
    } catch (error) {
      await t.close();
      if (attempt >= 3 || (error as { code?: string }).code !== 'EADDRINUSE') throw error;
    }
  }
}

/** The fake WeChat Pay the test app started (mock mode). */
export function fakeWechatPay(t: TestApp): FakeWechatPay {
  const { fake } = t.app.get(FakeWechatPayHandle);
  if (!fake) throw new Error('the test app started no fake WeChat Pay');
  return fake;
}

export interface Payer extends Resident {
  accountId: number;
}

/** A resident who has bound a demo account (the account's holder, as binding requires). */
export async function payer(t: TestApp, identity: string, accountNo: string): Promise<Payer> {
  const r = await residentLogin(t, identity);
  const bound = await bindAccount(t, r, accountNo);
  return { ...r, accountId: bound.find((a) => a.accountNo === accountNo)!.id };
}

export async function billsOf(t: TestApp, p: Payer): Promise<BillView[]> {
  const res = await t.http().get(`/api/accounts/${p.accountId}/bills`).set('Authorization', p.auth);
  expect(res.status).toBe(200);
  return res.body;
}

/** The account's unpaid bill of a period (the demo seed bills October 2026 for every gas account). */
export async function unpaidBill(t: TestApp, p: Payer, period = '2026-10'): Promise<BillView> {
  const bill = (await billsOf(t, p)).find((b) => b.period === period && b.status === 'unpaid');
  if (!bill) throw new Error(`no unpaid ${period} bill for account ${p.accountId}`);
  return bill;
}

export async function getBill(t: TestApp, p: Payer, billId: number): Promise<BillView> {
  const res = await t.http().get(`/api/bills/${billId}`).set('Authorization', p.auth);
  expect(res.status).toBe(200);
  return res.body;
}

export const requestPay = (t: TestApp, p: Payer, billId: number) =>
  t.http().post(`/api/bills/${billId}/pay`).set('Authorization', p.auth);

/** What the mini-program gets when the resident taps 缴费: the order and the requestPayment params. */
export async function pay(t: TestApp, p: Payer, billId: number): Promise<PayResponse> {
  const res = await requestPay(t, p, billId);
  expect(res.status).toBe(201);
  return res.body;
}

export async function receipts(t: TestApp, p: Payer): Promise<PaymentView[]> {
  const res = await t.http().get(`/api/payments?accountId=${p.accountId}`).set('Authorization', p.auth);
  expect(res.status).toBe(200);
  return res.body;
}

/** POSTs a notice to the notify endpoint exactly as built: its raw bytes and WeChat Pay's headers. */
export const postNotice = (t: TestApp, notice: SignedNotice) =>
  t.http().post(NOTIFY_PATH).set(notice.headers).send(notice.rawBody);

/**
 * A TRANSACTION.SUCCESS resource as WeChat Pay writes it, for an order of ours (its merchant, app, payer and
 * amount) unless overridden: what a notice carries once decrypted.
 */
export function successResource(
  t: TestApp,
  order: PaymentOrder,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const config = t.app.get<AppConfig>(APP_CONFIG);
  return {
    appid: config.WECHATPAY_APPID,
    mchid: config.WECHATPAY_MCHID,
    out_trade_no: order.orderNo,
    transaction_id: `4200${String(Date.now()).padStart(14, '0')}${String(order.id).padStart(10, '0')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: formatRfc3339Beijing(new Date()),
    payer: { openid: order.payerOpenid },
    amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}

export const orderByNo = (t: TestApp, orderNo: string) =>
  t.app.get(DataSource).getRepository(PaymentOrder).findOneByOrFail({ orderNo });

export const ordersOfBill = (t: TestApp, billId: number) =>
  t.app
    .get(DataSource)
    .getRepository(PaymentOrder)
    .find({ where: { billId }, order: { id: 'ASC' } });

export const billRow = (t: TestApp, billId: number) =>
  t.app.get(DataSource).getRepository(Bill).findOneByOrFail({ id: billId });

/** Everything about a bill's money, read straight from the database: a refused request must leave it as it was. */
export async function moneyState(t: TestApp, billId: number) {
  const bill = await billRow(t, billId);
  const orders = await ordersOfBill(t, billId);
  return {
    bill: { status: bill.status, paidFen: bill.paidFen, paidAt: bill.paidAt, paymentId: bill.paymentId },
    orders: orders.map((o) => ({
      orderNo: o.orderNo,
      status: o.status,
      transactionId: o.transactionId,
      paidAt: o.paidAt,
      openBillId: o.openBillId,
    })),
  };
}

/** The account's latest meter reading, read straight from the database. */
export async function lastReading(t: TestApp, accountNo: string): Promise<MeterReading> {
  const [row] = await t.app.get(DataSource).query('SELECT id FROM account WHERE accountNo = ?', [accountNo]);
  return t.app
    .get(DataSource)
    .getRepository(MeterReading)
    .findOneOrFail({ where: { accountId: row.id }, order: { readOn: 'DESC' } });
}

/** A meter index in m³ as typed (two decimals), from hundredths of m³. */
export const m3 = (centiM3: number) => (centiM3 / 100).toFixed(2);
