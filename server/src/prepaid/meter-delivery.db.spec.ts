import { TicketType } from '@utility/shared';
import { DataSource } from 'typeorm';
import { Notice } from '../notifications/notice.entity';
import { Ticket } from '../tickets/ticket.entity';
import { login } from '../testing/api-fixtures';
import { Payer, fakeWechatPay, payer, startPaymentsTestApp } from '../testing/payment-fixtures';
import {
  IC_CARD_ACCOUNT,
  IOT_ACCOUNT,
  balanceOf,
  fakeMeterVendor,
  paidTopUp,
  topUpRow,
  topUpsOf,
} from '../testing/prepaid-fixtures';
import { noticeTemplates } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';
import { MeterDelivery } from './meter-delivery.service';
import { PrepaidWarnings } from './prepaid-warnings.service';

const MINUTE = 60_000;

/**
 * docs/domain.md#prepaid-accounts: a credited IoT top-up goes to the meter vendor (the fake on loopback,
 * checking each request's signature) until it confirms, once; never confirmed → a billing ticket, refundable.
 */
describe('IoT top-ups delivered to the meter', () => {
  let t: TestApp;
  let iot: Payer;
  let clock: number;
  const deliver = () => t.app.get(MeterDelivery).run();
  /**
   * Moves the server's clock on from where it is, or from real time if that is ahead (a payment just made is
   * stamped with real time): the retry delays and the 2 h confirmation limit run on it.
   */
  const later = (ms: number) => t.setNow(new Date((clock = Math.max(clock, Date.now()) + ms)));
  const sendsOf = (topUpId: number) =>
    fakeMeterVendor(t)
      .applied()
      .filter((a) => a.requestId === `top-up:${topUpId}`);

  beforeAll(async () => {
    t = await startPaymentsTestApp({ METER_CONFIRM_HOURS: '2', PREPAID_LOW_DAYS: '10' });
    iot = await payer(t, 'delivery-iot', IOT_ACCOUNT);
  });
  afterEach(() => {
    fakeMeterVendor(t).failNext(0);
    fakeMeterVendor(t).setDown(false);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    clock = Date.now();
    t.setNow(new Date(clock));
  });

  it('is sent until the vendor confirms, applied on the meter once, then shown 已到表', async () => {
    const vendor = fakeMeterVendor(t);
    const { topUpId } = await paidTopUp(t, iot, 3_000);
    vendor.failNext(2);
    const received = vendor.received.length;
    later(1_000);

    expect(await deliver()).toMatchObject({ delivered: 0, failed: 1 });
    expect((await topUpsOf(t, iot))[0]).toMatchObject({ id: topUpId, statusLabel: '充值成功' });
    // Not again before its retry delay (30 s after the first attempt, then 60 s).
    expect(await deliver()).toMatchObject({ delivered: 0, failed: 0 });
    later(31_000);
    expect(await deliver()).toMatchObject({ failed: 1 });
    later(61_000);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(vendor.received.length - received).toBe(3);
    expect(vendor.received.slice(received).every((r) => r.status !== 401)).toBe(true);

    expect(sendsOf(topUpId)).toEqual([
      expect.objectContaining({ meterNo: 'IOT-51000051', accountNo: IOT_ACCOUNT, amountFen: 3_000 }),
    ]);
    expect((await topUpsOf(t, iot))[0]).toMatchObject({
      id: topUpId,
      status: 'delivered',
      statusLabel: '已到表',
      deliveredAt: expect.any(String),
    });
    later(60 * MINUTE);
    await deliver();
    expect(vendor.received.length - received).toBe(3);
  });

  it('survives a vendor outage, and a send repeated after a lost answer applies once', async () => {
    const vendor = fakeMeterVendor(t);
    const { topUpId } = await paidTopUp(t, iot, 2_000);
    vendor.setDown(true);
    later(1_000);
    expect(await deliver()).toMatchObject({ failed: 1 });
    later(31_000);
    expect(await deliver()).toMatchObject({ failed: 1 });
    expect((await topUpRow(t, topUpId)).lastDeliveryError).toMatch(/unreachable/);
    vendor.setDown(false);
    later(61_000);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    // The vendor answered but the answer was lost: the top-up is sent again with the same requestId.
    await t.app
      .get(DataSource)
      .query("UPDATE top_up SET status = 'credited', nextDeliveryAt = deliveredAt WHERE id = ?", [topUpId]);
    later(5 * MINUTE);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(sendsOf(topUpId)).toHaveLength(1);
    // The meter holds this top-up and the previous test's, each once.
    expect(vendor.meterBalance('IOT-51000051')).toBe(3_000 + 2_000);
  });

  it('never confirmed within 2 h opens one billing ticket, and the refund flow gives the money back', async () => {
    fakeMeterVendor(t).setDown(true);
    const before = (await balanceOf(t, iot)).balanceFen;
    const { topUpId, orderNo } = await paidTopUp(t, iot, 4_000);
    later(1_000);
    expect(await deliver()).toMatchObject({ failed: 1, escalated: 0 });
    later(119 * MINUTE);
    expect(await deliver()).toMatchObject({ escalated: 0 });
    later(2 * MINUTE);
    expect(await deliver()).toMatchObject({ escalated: 1 });
    expect(await deliver()).toMatchObject({ escalated: 0 });

    const row = await topUpRow(t, topUpId);
    expect(row).toMatchObject({ status: 'credited', ticketId: expect.any(Number) });
    const ticket = await t.app.get(DataSource).getRepository(Ticket).findOneByOrFail({ id: row.ticketId! });
    expect(ticket).toMatchObject({ type: TicketType.Billing, accountNo: IOT_ACCOUNT });
    expect(ticket.description).toContain(orderNo);
    expect(ticket.description).toContain('未到表');

    // Back to real time: WeChat Pay's refund notice is refused more than 5 minutes off the server's clock.
    t.setNow(new Date((clock = Date.now())));
    const refund = await t
      .http()
      .post('/api/staff/refunds')
      .set('Authorization', await login(t, 'agent1'))
      .send({ orderNo, reason: '充值未到表，退款' });
    expect(refund.status).toBe(201);
    const approved = await t
      .http()
      .post(`/api/staff/refunds/${refund.body.id}/approve`)
      .set('Authorization', await login(t, 'supervisor1'));
    expect(approved.status).toBe(200);
    await fakeWechatPay(t).idle();
    expect((await topUpsOf(t, iot)).find((x) => x.id === topUpId)).toMatchObject({
      status: 'refunded',
      statusLabel: '已退款',
    });
    expect((await balanceOf(t, iot)).balanceFen).toBe(before);
    // A refunded top-up is no longer sent to the meter, even when the vendor is back.
    fakeMeterVendor(t).setDown(false);
    later(60 * MINUTE);
    await deliver();
    expect(sendsOf(topUpId)).toEqual([]);
  });

  it('an IC-card top-up is never sent to the vendor', async () => {
    const card = await payer(t, 'delivery-card', IC_CARD_ACCOUNT);
    const { topUpId } = await paidTopUp(t, card, 1_000);
    later(3 * 60 * MINUTE);
    expect(await deliver()).toMatchObject({ delivered: 0, escalated: 0 });
    expect(sendsOf(topUpId)).toEqual([]);
    expect((await topUpsOf(t, card))[0]).toMatchObject({ id: topUpId, statusLabel: '待写卡' });
  });

  it('warns of a low balance through the outbox, against an account-wide consent, once a day', async () => {
    const card = await payer(t, 'warned-card', IC_CARD_ACCOUNT);
    const templates = await noticeTemplates(t);
    await t
      .http()
      .post('/api/my/subscriptions')
      .set('Authorization', card.auth)
      .send({ templateIds: [templates.prepaidBalance] })
      .expect(201);
    // 13.03 元 at 0.90 m³ a day lasts 5 days: under PREPAID_LOW_DAYS=10 of this app.
    expect((await balanceOf(t, card)).daysLeft).toBe(5);
    const first = await t.app.get(PrepaidWarnings).run();
    expect(first.low_balance).toBeGreaterThanOrEqual(1);
    const notices = await t.app
      .get(DataSource)
      .getRepository(Notice)
      .findBy({ residentId: card.resident.id, templateId: templates.prepaidBalance });
    expect(notices).toHaveLength(1);
    expect(notices[0].status).not.toBe('skipped');
    expect(JSON.stringify(notices[0].data)).toContain(IC_CARD_ACCOUNT);
    expect((await t.app.get(PrepaidWarnings).run()).low_balance).toBe(0);
  });
});
