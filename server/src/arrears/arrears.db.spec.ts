import { ErrorCode, TicketStatus, TicketType } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused, login } from '../testing/api-fixtures';
import { billRow, getBill, pay, payer, startPaymentsTestApp, unpaidBill } from '../testing/payment-fixtures';
import { TestApp } from '../testing/test-app';
import { StopSupplyService } from './stop-supply.service';

const at = (day: string) => new Date(`${day}T09:00:00+08:00`);

/**
 * Arrears followed to the end (docs/domain.md#arrears). The demo seed's October bills fall due on
 * 2026-11-20; ARREARS_STOP_AFTER_DAYS is 60 (the default), so day 60 is 2027-01-19.
 */
describe('long arrears: stop-supply applications, cancelled by payment, restore after a stop', () => {
  let t: TestApp;
  let agent: string;
  let supervisor: string;
  beforeAll(async () => {
    t = await startPaymentsTestApp();
    agent = await login(t, 'agent1');
    supervisor = await login(t, 'supervisor1');
  });
  afterAll(() => t.close());

  const sweep = () => t.app.get(StopSupplyService).sweep();
  const ticketsOf = (accountNo: string) =>
    t.app
      .get(DataSource)
      .query('SELECT id, type, status, description FROM ticket WHERE accountNo = ? ORDER BY id', [accountNo]);
  const payAtCounter = async (accountNo: string, receiptNo: string) => {
    const [bill] = (
      await t.http().get(`/api/staff/bills?accountNo=${accountNo}`).set('Authorization', agent).expect(200)
    ).body.filter((b: { status: string }) => b.status === 'unpaid');
    await t
      .http()
      .post('/api/staff/payments/counter')
      .set('Authorization', agent)
      .send({ billId: bill.id, method: 'cash', receiptNo, amountFen: bill.payableFen })
      .expect(201);
  };
  const decide = (ticketId: number, approve: boolean) =>
    t
      .http()
      .post(`/api/applications/${ticketId}/decision`)
      .set('Authorization', supervisor)
      .send({ approve, reason: approve ? '欠费两个月，同意停气' : '住户有老人，暂缓停气' })
      .expect(200);
  const caseOf = async (accountNo: string) => {
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT * FROM stop_supply_case WHERE accountNo = ? ORDER BY id DESC', [accountNo]);
    return row;
  };

  it('opens one application per account after the grace, never a cut; payment cancels it; a stop is restored with a ticket', async () => {
    t.setNow(at('2027-01-18')); // day 59
    expect(await sweep()).toEqual({ applied: 0, decided: 0 });

    t.setNow(at('2027-01-19')); // day 60
    const first = await sweep();
    expect(first.applied).toBeGreaterThan(3);
    expect(await sweep()).toEqual({ applied: 0, decided: 0 });
    const [application] = await ticketsOf('9100000012');
    expect(application).toMatchObject({ type: TicketType.Application, status: TicketStatus.Submitted });
    expect(application.description).toMatch(/^欠费超过60天，申请停气，请主管审批（不会自动停气）：欠费账单 2026-10/);

    // Paid before a decision: the application is cancelled.
    await payAtCounter('9100000012', 'SJ-STOP-12');
    expect((await ticketsOf('9100000012'))[0].status).toBe(TicketStatus.Cancelled);
    expect(await caseOf('9100000012')).toMatchObject({ status: 'cancelled', openAccountId: null });

    // Approved, then paid: a restore ticket (a field job with its clocks) opens.
    const [stop13] = await ticketsOf('9100000013');
    await decide(stop13.id, true);
    expect((await sweep()).decided).toBeGreaterThanOrEqual(1);
    expect(await caseOf('9100000013')).toMatchObject({ status: 'stopped' });
    await payAtCounter('9100000013', 'SJ-STOP-13');
    const [, restore] = await ticketsOf('9100000013');
    expect(restore).toMatchObject({ type: TicketType.Repair, status: TicketStatus.Submitted });
    expect(restore.description).toMatch(/^复气：欠费已缴清/);
    const clocks = await t.app
      .get(DataSource)
      .query('SELECT kind FROM ticket_clock WHERE ticketId = ? AND stoppedAt IS NULL', [restore.id]);
    expect(clocks.map((c: { kind: string }) => c.kind)).toEqual(expect.arrayContaining(['respond', 'resolve']));
    expect(await caseOf('9100000013')).toMatchObject({ status: 'restored', restoreTicketId: restore.id });

    // Refused: the case ends and the same bill never applies again.
    const [stop14] = await ticketsOf('9100000014');
    await decide(stop14.id, false);
    await sweep();
    expect(await caseOf('9100000014')).toMatchObject({ status: 'refused', openAccountId: null });
    t.setNow(at('2027-02-01'));
    await sweep();
    expect(
      (await ticketsOf('9100000014')).filter((x: { type: string }) => x.type === TicketType.Application),
    ).toHaveLength(1);
  });
});

describe('the late fee (滞纳金): shown on the bill, charged when paying, waived by a supervisor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startPaymentsTestApp({ LATE_FEE_PER_DAY_PERMILLE: '3', LATE_FEE_CAP_PERMILLE: '300' });
  });
  afterAll(() => t.close());

  it('accrues from the day after the due date on the resident’s and the staff view, and is part of the payment', async () => {
    const p = await payer(t, 'late-fee', '9100000016');
    const bill = await unpaidBill(t, p);
    const fee = (days: number) => Math.floor((bill.amountFen * 3 * days + 500) / 1000);
    t.setNow(at('2026-11-20'));
    expect(await getBill(t, p, bill.id)).toMatchObject({ lateFeeFen: 0, payableFen: bill.amountFen, overdue: false });
    t.setNow(at('2026-11-30'));
    expect(await getBill(t, p, bill.id)).toMatchObject({ lateFeeFen: fee(10), payableFen: bill.amountFen + fee(10) });
    const agent = await login(t, 'agent1');
    const staffView = await t
      .http()
      .get('/api/staff/bills?accountNo=9100000016')
      .set('Authorization', agent)
      .expect(200);
    expect(staffView.body.find((b: { id: number }) => b.id === bill.id)).toMatchObject({ lateFeeFen: fee(10) });

    // The counter must take the bill and the fee; the bill keeps what was charged.
    const counter = (amountFen: number) =>
      t
        .http()
        .post('/api/staff/payments/counter')
        .set('Authorization', agent)
        .send({ billId: bill.id, method: 'cash', receiptNo: 'SJ-LATE-16', amountFen });
    expectRefused(await counter(bill.amountFen), 422, ErrorCode.PaymentAmountMismatch);
    expect((await counter(bill.amountFen + fee(10))).status).toBe(201);
    t.setNow(at('2026-12-30'));
    expect(await getBill(t, p, bill.id)).toMatchObject({
      status: 'paid',
      paidFen: bill.amountFen + fee(10),
      lateFeeFen: fee(10),
      payableFen: bill.amountFen + fee(10),
    });
    expect((await billRow(t, bill.id)).lateFeeFen).toBe(fee(10));
  });

  it('a WeChat order carries the fee of the day', async () => {
    const p = await payer(t, 'late-fee-wechat', '9100000017');
    const bill = await unpaidBill(t, p);
    t.setNow(new Date());
    const shown = await getBill(t, p, bill.id);
    expect(shown.lateFeeFen).toBeGreaterThan(0);
    expect((await pay(t, p, bill.id)).amountFen).toBe(shown.payableFen);
  });

  it('a supervisor waives it with a reason; billing agents cannot', async () => {
    const p = await payer(t, 'late-fee-waived', '9100000018');
    const bill = await unpaidBill(t, p);
    t.setNow(at('2026-12-10'));
    const waive = (auth: string, body: object) =>
      t.http().post(`/api/staff/bills/${bill.id}/late-fee-waiver`).set('Authorization', auth).send(body);
    expectRefused(await waive(await login(t, 'agent1'), { reason: '困难家庭' }), 403, ErrorCode.Forbidden);
    expectRefused(await waive(await login(t, 'supervisor1'), {}), 400, ErrorCode.ValidationFailed);
    const waived = await waive(await login(t, 'supervisor1'), { reason: '困难家庭，主管批准减免' });
    expect(waived.status).toBe(200);
    expect(waived.body).toMatchObject({ lateFeeFen: 0, payableFen: bill.amountFen, lateFeeWaived: true });
    expect(await getBill(t, p, bill.id)).toMatchObject({ lateFeeFen: 0, lateFeeWaived: true });
    expect((await billRow(t, bill.id)).lateFeeWaiverReason).toBe('困难家庭，主管批准减免');
    expectRefused(await waive(await login(t, 'supervisor1'), { reason: '再次减免' }), 422, ErrorCode.LateFeeNotDue);
  });
});
