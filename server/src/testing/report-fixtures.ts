import { ClockKind, periodOf, periodRange } from '@utility/shared';
import { DataSource } from 'typeorm';
import { EAST_HEAT_ACCOUNT, WEST_ACCOUNT, call, createTicket, login, signIn } from './api-fixtures';
import { resolveFieldJob } from './field-job-fixtures';
import { fakeWechatPay, pay, payer, unpaidBill } from './payment-fixtures';
import { TestApp } from './test-app';

/*
 * A month with known counts, built through the API (tests of the monthly report). Payments are
 * stamped by the fake WeChat Pay with the real time, so the month is the real current one; the
 * tickets are placed on its days by moving the server's clock.
 */

export const fixturePeriod = () => periodOf(new Date());

/** Shanghai wall time on day `day` of the fixture month ('09:00'). */
export const onDay = (day: number, hm: string) =>
  new Date(`${fixturePeriod()}-${String(day).padStart(2, '0')}T${hm}:00+08:00`);

/** One hour into the month after (the report exists from then, draft until the due time). */
export const afterMonth = () => new Date(periodRange(fixturePeriod()).end.getTime() + 3_600_000);

export interface FixtureMonth {
  tickets: { t1: number; t2: number; t3: number; t4: number; t5: number };
  paidFen: number[];
  refundedFen: number;
  /** Bills due before the next month and unpaid, before the fixture's payments: [count, fen, accounts]. */
  arrearsBefore: { count: number; totalFen: number; accounts: number };
}

const step = async (t: TestApp, username: string, id: number, to: string, at: Date) => {
  t.setNow(at);
  const res = await t
    .http()
    .post(`/api/tickets/${id}/transition`)
    .set('Authorization', await login(t, username))
    .send({ to });
  expect(res.status).toBe(200);
};

/** A repair is resolved with its result, the resident signing on the technician's phone. */
const resolveJob = async (t: TestApp, username: string, id: number, at: Date) => {
  t.setNow(at);
  await resolveFieldJob(t, await login(t, username), id);
};

const claim = async (t: TestApp, username: string, id: number, at: Date) => {
  t.setNow(at);
  expect(
    (
      await t
        .http()
        .post(`/api/tickets/${id}/claim`)
        .set('Authorization', await login(t, username))
    ).status,
  ).toBe(200);
};

const ticketAt = async (t: TestApp, at: Date, body: Record<string, unknown>) => {
  t.setNow(at);
  return (await createTicket(t, await login(t, 'agent1'), call(body))).id;
};

export async function buildFixtureMonth(t: TestApp): Promise<FixtureMonth> {
  const ds = t.app.get(DataSource);
  const nextMonth = periodRange(fixturePeriod()).end;
  const [before] = await ds.query(
    "SELECT COUNT(*) AS n, COALESCE(SUM(amountFen), 0) AS fen, COUNT(DISTINCT accountId) AS accounts FROM bill WHERE status = 'unpaid' AND dueOn < ?",
    [nextMonth.toISOString().slice(0, 10)],
  );
  // Money first, at the real time: three east residents pay their bill, the first is refunded.
  const paidFen: number[] = [];
  const orderNos: string[] = [];
  for (const accountNo of ['9100000003', '9100000007', '9100000009']) {
    const p = await payer(t, `report-${accountNo}`, accountNo);
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    expect((await fakeWechatPay(t).pay({ outTradeNo: orderNo })).delivery?.status).toBe(204);
    paidFen.push(bill.amountFen);
    orderNos.push(orderNo);
  }
  const requested = await t
    .http()
    .post('/api/staff/refunds')
    .set('Authorization', await login(t, 'agent1'))
    .send({ orderNo: orderNos[0], reason: '重复缴费，核实后退款' });
  expect(requested.status).toBe(201);
  expect(
    (
      await t
        .http()
        .post(`/api/staff/refunds/${requested.body.id}/approve`)
        .set('Authorization', await login(t, 'supervisor1'))
    ).status,
  ).toBe(200);
  await fakeWechatPay(t).idle();

  // T1: repair, every clock met. T2: repair, on site an hour late. Phone intake answers at once (respond met).
  const t1 = await ticketAt(t, onDay(3, '09:00'), { accountNo: EAST_HEAT_ACCOUNT });
  await claim(t, 'tech1', t1, onDay(3, '09:10'));
  await step(t, 'tech1', t1, 'en_route', onDay(3, '09:20'));
  await step(t, 'tech1', t1, 'on_site', onDay(3, '10:00'));
  await resolveJob(t, 'tech1', t1, onDay(3, '12:00'));
  const t2 = await ticketAt(t, onDay(4, '09:00'), { accountNo: EAST_HEAT_ACCOUNT });
  await claim(t, 'tech1', t2, onDay(4, '09:10'));
  await step(t, 'tech1', t2, 'en_route', onDay(4, '09:20'));
  await step(t, 'tech1', t2, 'on_site', onDay(4, '12:00'));
  await resolveJob(t, 'tech1', t2, onDay(4, '13:00'));
  // T3: east complaint resolved the next day. T4: west complaint never resolved (its 5 working days run out in the month).
  const complaint = { type: 'complaint', description: '维修人员态度差' };
  const t3 = await ticketAt(t, onDay(5, '09:00'), { ...complaint, accountNo: EAST_HEAT_ACCOUNT });
  await claim(t, 'agent1', t3, onDay(5, '09:30'));
  await step(t, 'agent1', t3, 'resolved', onDay(6, '10:00'));
  const t4 = await ticketAt(t, onDay(6, '09:00'), { ...complaint, accountNo: WEST_ACCOUNT });
  // T5: the next month's first minute is not this month's.
  const t5 = await ticketAt(t, nextMonth, { accountNo: EAST_HEAT_ACCOUNT });
  return {
    tickets: { t1, t2, t3, t4, t5 },
    paidFen,
    refundedFen: paidFen[0],
    arrearsBefore: { count: Number(before.n), totalFen: Number(before.fen), accounts: Number(before.accounts) },
  };
}

export const staffId = async (t: TestApp, username: string) => (await signIn(t, username)).staff.id;
export { ClockKind };
