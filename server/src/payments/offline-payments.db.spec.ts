import { ErrorCode, TicketType } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused, login } from '../testing/api-fixtures';
import {
  billRow,
  fakeWechatPay,
  orderByNo,
  ordersOfBill,
  pay,
  payer,
  receipts,
  startPaymentsTestApp,
  unpaidBill,
} from '../testing/payment-fixtures';
import { TestApp } from '../testing/test-app';

/**
 * Billing staff take money outside WeChat Pay: at the counter (cash, POS, transfer) with a receipt number, and
 * from the bank's auto-debit file. agent1 works the east district (accounts 9100000001–25); each test pays its
 * own account's October bill (due 2026-11-20).
 */
describe('counter and bank auto-debit payments are credited exactly once', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startPaymentsTestApp();
    agent = await login(t, 'agent1');
  });
  afterAll(() => t.close());

  const counter = (body: Record<string, unknown>, auth = agent) =>
    t.http().post('/api/staff/payments/counter').set('Authorization', auth).send(body);
  const importDebits = (csv: string, auth = agent) =>
    t
      .http()
      .post('/api/staff/payments/bank-debit/import')
      .set('Authorization', auth)
      .set('Content-Type', 'text/csv')
      .send(csv);
  const billTickets = async (accountNo: string) =>
    (await t.app.get(DataSource).query('SELECT type, description FROM ticket WHERE accountNo = ?', [accountNo])).filter(
      (r: { type: string }) => r.type === TicketType.Billing,
    );

  it('a cash payment settles the bill and shows in the resident’s payment records; the same receipt again credits nothing', async () => {
    const p = await payer(t, 'counter-cash', '9100000001');
    const bill = await unpaidBill(t, p);
    const body = { billId: bill.id, method: 'cash', receiptNo: 'SJ-2026-0001', amountFen: bill.amountFen };

    const first = await counter(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      replayed: false,
      payment: { method: 'cash', receiptNo: 'SJ-2026-0001', amountFen: bill.amountFen, status: 'paid' },
      bill: { id: bill.id, status: 'paid', paidFen: bill.amountFen },
    });
    const again = await counter(body);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ replayed: true, payment: first.body.payment });

    expect(await ordersOfBill(t, bill.id)).toHaveLength(1);
    expect((await billRow(t, bill.id)).paymentId).toBe((await orderByNo(t, first.body.payment.orderNo)).id);
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({ method: 'cash', receiptNo: 'SJ-2026-0001', billId: bill.id, status: 'paid' }),
    ]);
    // WeChat Pay refuses the bill now.
    expectRefused(
      await t.http().post(`/api/bills/${bill.id}/pay`).set('Authorization', p.auth),
      409,
      ErrorCode.BillAlreadyPaid,
    );
  });

  it('a receipt number used for another bill or amount is refused; a wrong amount and another district too', async () => {
    const p = await payer(t, 'counter-refusals', '9100000002');
    const bill = await unpaidBill(t, p);
    const other = await unpaidBill(t, await payer(t, 'counter-refusals-2', '9100000003'));
    expect(
      (await counter({ billId: bill.id, method: 'pos', receiptNo: 'POS-777', amountFen: bill.amountFen })).status,
    ).toBe(201);

    expectRefused(
      await counter({ billId: other.id, method: 'pos', receiptNo: 'pos-777', amountFen: other.amountFen }),
      409,
      ErrorCode.ReceiptNoUsed,
    );
    expectRefused(
      await counter({ billId: other.id, method: 'cash', receiptNo: 'C-1', amountFen: other.amountFen }),
      400,
      ErrorCode.ValidationFailed,
    );
    expectRefused(
      await counter({ billId: other.id, method: 'cash', receiptNo: 'SJ-9', amountFen: other.amountFen - 1 }),
      422,
      ErrorCode.PaymentAmountMismatch,
    );
    // A west account's bill: not agent1's district.
    const west = await unpaidBill(t, await payer(t, 'counter-west', '9100000031'));
    expectRefused(
      await counter({ billId: west.id, method: 'cash', receiptNo: 'SJ-W1', amountFen: west.amountFen }),
      403,
      ErrorCode.Forbidden,
    );
    // Residents and field staff cannot record money.
    expectRefused(
      await counter(
        { billId: other.id, method: 'cash', receiptNo: 'SJ-T1', amountFen: other.amountFen },
        await login(t, 'tech1'),
      ),
      403,
      ErrorCode.Forbidden,
    );
    expect((await billRow(t, other.id)).status).toBe('unpaid');
  });

  it('racing a WeChat Pay notice of the same bill: exactly one payment settles it', async () => {
    const p = await payer(t, 'counter-race', '9100000004');
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    const fake = fakeWechatPay(t);
    await fake.pay({ outTradeNo: orderNo, notify: false });

    const [atCounter] = await Promise.all([
      counter({ billId: bill.id, method: 'cash', receiptNo: 'SJ-RACE-1', amountFen: bill.amountFen }),
      fake.renotify(orderNo),
    ]);

    const row = await billRow(t, bill.id);
    expect(row).toMatchObject({ status: 'paid', paidFen: bill.amountFen });
    const orders = await ordersOfBill(t, bill.id);
    const wechat = orders.find((o) => o.orderNo === orderNo)!;
    if (atCounter.status === 201) {
      // The counter won: WeChat's money is owed back, through a billing ticket; the bill was settled once.
      expect(row.paymentId).toBe(orders.find((o) => o.method === 'cash')!.id);
      expect(wechat.settledBill).toBe(false);
      expect(await billTickets('9100000004')).toEqual([
        expect.objectContaining({ description: expect.stringContaining('重复缴费') }),
      ]);
    } else {
      // The notice won: the counter recorded nothing, and said why.
      expectRefused(atCounter, 409, ErrorCode.BillAlreadyPaid);
      expect(row.paymentId).toBe(wechat.id);
      expect(orders.map((o) => o.method)).toEqual(['wechat']);
    }
  });

  it('the bank’s auto-debit file: each successful line credited once, failures listed; importing it again credits nothing', async () => {
    const [a, b] = [await payer(t, 'debit-a', '9100000006'), await payer(t, 'debit-b', '9100000007')];
    const [billA, billB] = [await unpaidBill(t, a), await unpaidBill(t, b)];
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const csv = [
      'serialNo,accountNo,period,amount,result,debitedOn,message',
      `BK20261201001,9100000006,2026-10,${yuan(billA.amountFen)},success,2026-11-18,`,
      `BK20261201002,9100000007,2026-10,${yuan(billB.amountFen)},failed,2026-11-18,余额不足`,
      `BK20261201003,9100000099,2026-10,10.00,success,2026-11-18,`,
      `BK20261201004,9100000008,2026-10,0.01,success,2026-11-18,`,
      `BK20261201001,9100000006,2026-10,${yuan(billA.amountFen)},success,2026-11-18,`,
      `BK20261201005,9100000031,2026-10,10.00,success,2026-11-18,`,
    ].join('\n');

    const first = await importDebits(csv);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      lines: 6,
      credited: 1,
      alreadyCredited: 0,
      failures: [
        { line: 3, serialNo: 'BK20261201002', accountNo: '9100000007', message: '银行扣款失败：余额不足' },
        { line: 4, serialNo: 'BK20261201003', accountNo: '9100000099', message: '户号不存在' },
        {
          line: 5,
          serialNo: 'BK20261201004',
          accountNo: '9100000008',
          message: expect.stringMatching(/^扣款金额 ¥0.01 与应缴/),
        },
        { line: 6, serialNo: 'BK20261201001', accountNo: '9100000006', message: '文件中重复的银行流水号' },
        { line: 7, serialNo: 'BK20261201005', accountNo: '9100000031', message: '户号不属于您负责的片区' },
      ],
    });
    expect(await receipts(t, a)).toEqual([
      expect.objectContaining({ method: 'bank_debit', receiptNo: 'BK20261201001', amountFen: billA.amountFen }),
    ]);
    expect((await billRow(t, billB.id)).status).toBe('unpaid');

    const second = await importDebits(csv);
    expect(second.body).toMatchObject({ lines: 6, credited: 0, alreadyCredited: 1 });
    expect(await ordersOfBill(t, billA.id)).toHaveLength(1);
  });

  it('a debit for a bill already paid is listed and opens a billing ticket to give the money back', async () => {
    const p = await payer(t, 'debit-paid', '9100000009');
    const bill = await unpaidBill(t, p);
    await counter({ billId: bill.id, method: 'bank_transfer', receiptNo: 'ZZ-0009', amountFen: bill.amountFen }).expect(
      201,
    );
    const res = await importDebits(
      `serialNo,accountNo,period,amount,result,debitedOn,message\nBK0009,9100000009,2026-10,${(bill.amountFen / 100).toFixed(2)},success,2026-11-19,`,
    );
    expect(res.body.failures).toEqual([
      expect.objectContaining({ serialNo: 'BK0009', message: expect.stringContaining('已开立账务工单') }),
    ]);
    expect(await billTickets('9100000009')).toEqual([
      expect.objectContaining({ description: expect.stringContaining('流水号 BK0009') }),
    ]);
    expect(await ordersOfBill(t, bill.id)).toHaveLength(1);
  });

  it('the day’s totals by method, reconciliation leaves counter money alone, the monthly report counts it by method', async () => {
    const p = await payer(t, 'counter-report', '9100000011');
    const bill = await unpaidBill(t, p);
    const { body } = await counter({
      billId: bill.id,
      method: 'pos',
      receiptNo: 'POS-1100',
      amountFen: bill.amountFen,
    }).expect(201);
    const day = body.payment.paidAt.slice(0, 10);
    const shanghaiDay = new Date(new Date(body.payment.paidAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

    const daily = await t
      .http()
      .get(`/api/staff/payments/daily?date=${shanghaiDay}`)
      .set('Authorization', agent)
      .expect(200);
    expect(daily.body.byMethod.pos.count).toBeGreaterThanOrEqual(1);
    expect(daily.body.byMethod.cash.count).toBeGreaterThanOrEqual(1);

    // WeChat Pay's trade bill of the day knows nothing of counter money: no mismatch (and so no ticket) for it.
    const supervisor = await login(t, 'supervisor1');
    const reconciled = await t
      .http()
      .post('/api/admin/reconciliations')
      .set('Authorization', supervisor)
      .send({ date: shanghaiDay });
    expect(reconciled.status).toBe(200);
    expect(reconciled.body.filter((m: { outTradeNo: string }) => !m.outTradeNo.startsWith('W'))).toEqual([]);

    const report = await t
      .http()
      .get(`/api/reports/monthly?period=${shanghaiDay.slice(0, 7)}`)
      .set('Authorization', supervisor);
    expect(report.status).toBe(200);
    expect(report.body.figures.payments.byMethod.pos.count).toBeGreaterThanOrEqual(1);
    expect(report.body.figures.payments.byMethod.pos.totalFen).toBeGreaterThanOrEqual(bill.amountFen);
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
