import { ErrorCode } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused, login } from '../testing/api-fixtures';
import {
  Payer,
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
import { countRows } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';
import { Refund } from './refund.entity';

/** Full refunds: billing staff (an agent) request, a supervisor approves, WeChat Pay's REFUND.SUCCESS notice settles it. */
describe('refunds', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  /** A resident who paid their October bill through WeChat Pay, notice and all. */
  async function paidBill(
    identity: string,
    accountNo: string,
  ): Promise<{ p: Payer; billId: number; orderNo: string; amountFen: number }> {
    const p = await payer(t, identity, accountNo);
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    expect((await fakeWechatPay(t).pay({ outTradeNo: orderNo })).delivery?.status).toBe(204);
    expect(await getBill(t, p, bill.id)).toMatchObject({ status: 'paid' });
    return { p, billId: bill.id, orderNo, amountFen: bill.amountFen };
  }

  const requestRefund = async (username: string, orderNo: string, reason = '重复缴费，核实后退款') =>
    t
      .http()
      .post('/api/staff/refunds')
      .set('Authorization', await login(t, username))
      .send({ orderNo, reason });
  const approve = async (username: string, id: number) =>
    t
      .http()
      .post(`/api/staff/refunds/${id}/approve`)
      .set('Authorization', await login(t, username));
  const refundsOf = async (orderNo: string) => {
    const order = await orderByNo(t, orderNo);
    return t.app.get(DataSource).getRepository(Refund).findBy({ orderId: order.id });
  };

  it('an agent requests, a supervisor approves, WeChat Pay refunds: the order is refunded and the bill unpaid again', async () => {
    const { p, billId, orderNo, amountFen } = await paidBill('refund-flow', '9100000018');
    const fake = fakeWechatPay(t);

    const requested = await requestRefund('agent1', orderNo);
    expect(requested.status).toBe(201);
    expect(requested.body).toEqual({
      id: expect.any(Number),
      refundNo: expect.any(String),
      orderNo,
      amountFen,
      reason: '重复缴费，核实后退款',
      status: 'requested',
    });
    // Requested is not sent: WeChat Pay has not heard of it, the bill is still paid.
    expect(fake.refunds()).toEqual([]);
    expect(await getBill(t, p, billId)).toMatchObject({ status: 'paid' });

    const approved = await approve('supervisor1', requested.body.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: requested.body.id, status: 'processing' });
    await fake.idle();

    // WeChat Pay's REFUND.SUCCESS notice reached the notify endpoint and was accepted.
    const delivery = fake.deliveries.find((d) => d.outRefundNo === requested.body.refundNo);
    expect(delivery).toMatchObject({ eventType: 'REFUND.SUCCESS', status: 204 });
    const [refund] = await refundsOf(orderNo);
    expect(refund).toMatchObject({
      status: 'succeeded',
      wechatRefundId: expect.any(String),
      completedAt: expect.any(Date),
      decidedById: expect.any(Number),
    });
    expect(await orderByNo(t, orderNo)).toMatchObject({ status: 'refunded' });
    expect(await getBill(t, p, billId)).toMatchObject({ status: 'unpaid', paidFen: 0, paidAt: null });
    expect(await receipts(t, p)).toEqual([expect.objectContaining({ orderNo, status: 'refunded', amountFen })]);
    expect(fake.refunds()).toEqual([
      expect.objectContaining({ outTradeNo: orderNo, refundFen: amountFen, status: 'SUCCESS' }),
    ]);

    // The notice again, and a second approval, change nothing.
    const after = { money: await moneyState(t, billId), refunds: await refundsOf(orderNo) };
    expect((await fake.renotifyRefund(requested.body.refundNo)).status).toBe(204);
    expectRefused(await approve('supervisor1', requested.body.id), 409, ErrorCode.Conflict);
    // Nor can the refunded payment be refunded again.
    expectRefused(await requestRefund('agent1', orderNo), 409, ErrorCode.RefundNotAllowed);
    await fake.idle();
    expect({ money: await moneyState(t, billId), refunds: await refundsOf(orderNo) }).toEqual(after);
    expect(fake.refunds()).toHaveLength(1);
  });

  it('a technician cannot request a refund, and an agent cannot approve one: 403, nothing changes', async () => {
    const { p, billId, orderNo } = await paidBill('refund-roles', '9100000019');
    const fake = fakeWechatPay(t);
    const before = await moneyState(t, billId);

    expectRefused(await requestRefund('tech1', orderNo), 403, ErrorCode.Forbidden);
    expect(await refundsOf(orderNo)).toEqual([]);

    const requested = await requestRefund('agent1', orderNo);
    expect(requested.status).toBe(201);
    expectRefused(await approve('agent1', requested.body.id), 403, ErrorCode.Forbidden);
    expectRefused(await approve('tech1', requested.body.id), 403, ErrorCode.Forbidden);

    expect(await refundsOf(orderNo)).toEqual([expect.objectContaining({ status: 'requested', decidedById: null })]);
    expect(fake.refunds().filter((r) => r.outTradeNo === orderNo)).toEqual([]);
    expect(await moneyState(t, billId)).toEqual(before);
    expect(await getBill(t, p, billId)).toMatchObject({ status: 'paid' });
  });

  it('two approvals at once send one refund: one 200, one 409', async () => {
    const { p, billId, orderNo } = await paidBill('refund-race', '9100000021');
    const fake = fakeWechatPay(t);
    const requested = await requestRefund('agent1', orderNo);
    const supervisor = await login(t, 'supervisor1');

    const answers = await Promise.all(
      [1, 2].map(() =>
        t.http().post(`/api/staff/refunds/${requested.body.id}/approve`).set('Authorization', supervisor),
      ),
    );
    await fake.idle();

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(fake.refunds().filter((r) => r.outTradeNo === orderNo)).toHaveLength(1);
    expect(await countRows(t, 'refund', { orderId: (await orderByNo(t, orderNo)).id })).toBe(1);
    expect(await getBill(t, p, billId)).toMatchObject({ status: 'unpaid' });
  });

  it('four eyes and district scope: nobody approves their own request, nor anyone another district’s refund (403, nothing sent)', async () => {
    const { p, billId, orderNo } = await paidBill('refund-four-eyes', '9100000023');
    const fake = fakeWechatPay(t);
    const before = await moneyState(t, billId);

    // A west supervisor can neither ask for nor approve an east account's refund.
    expectRefused(await requestRefund('supervisor2', orderNo), 403, ErrorCode.Forbidden);
    expect(await refundsOf(orderNo)).toEqual([]);

    const requested = await requestRefund('supervisor1', orderNo);
    expect(requested.status).toBe(201);
    expectRefused(await approve('supervisor1', requested.body.id), 403, ErrorCode.FourEyesRequired);
    expectRefused(await approve('supervisor2', requested.body.id), 403, ErrorCode.Forbidden);
    const reject = await t
      .http()
      .post(`/api/staff/refunds/${requested.body.id}/reject`)
      .set('Authorization', await login(t, 'supervisor1'));
    expectRefused(reject, 403, ErrorCode.FourEyesRequired);

    await fake.idle();
    expect(await refundsOf(orderNo)).toEqual([expect.objectContaining({ status: 'requested', decidedById: null })]);
    expect(fake.refunds().filter((r) => r.outTradeNo === orderNo)).toEqual([]);
    expect(await moneyState(t, billId)).toEqual(before);
    expect(await getBill(t, p, billId)).toMatchObject({ status: 'paid' });

    // Another person with the authority approves it.
    expect((await approve('admin', requested.body.id)).status).toBe(200);
  });

  it('a refund of an unpaid order is refused (409) and of an unknown order 404', async () => {
    const p = await payer(t, 'refund-unpaid', '9100000022');
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);

    expectRefused(await requestRefund('agent1', orderNo), 409, ErrorCode.RefundNotAllowed);
    expectRefused(await requestRefund('agent1', 'W20261123NOSUCHORDER0000'), 404, ErrorCode.NotFound);
    expect(await refundsOf(orderNo)).toEqual([]);
  });
});
