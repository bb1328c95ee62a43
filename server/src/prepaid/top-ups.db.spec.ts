import { ErrorCode } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { Payer, fakeWechatPay, orderByNo, payer, startPaymentsTestApp } from '../testing/payment-fixtures';
import {
  IC_CARD_ACCOUNT,
  IOT_ACCOUNT,
  balanceOf,
  paidTopUp,
  requestTopUp,
  topUp,
  topUpCount,
  topUpsOf,
  usageFen,
} from '../testing/prepaid-fixtures';
import { TestApp } from '../testing/test-app';
import { PaymentSweeper } from '../payments/payment-sweeper.service';

const IOT_OPENING = 20_000 - usageFen([840, 840, 720]);
const IC_OPENING = 5_000 - usageFen([630, 630, 540]);

/** docs/domain.md#prepaid-accounts: balance, top-ups by WeChat Pay credited exactly once, IC-card loads. */
describe('prepaid top-ups', () => {
  let t: TestApp;
  let iot: Payer;
  let card: Payer;
  beforeAll(async () => {
    t = await startPaymentsTestApp();
    iot = await payer(t, 'prepaid-iot', IOT_ACCOUNT);
    card = await payer(t, 'prepaid-card', IC_CARD_ACCOUNT);
  });
  afterAll(() => t.close());

  it('shows the balance after the readings used, the recent daily use and the days it lasts', async () => {
    // Seeded: 200.00 元 three weeks ago, 1.20 m³ a day since at 2.61 元/m³.
    expect(await balanceOf(t, iot)).toEqual({
      balanceFen: IOT_OPENING,
      dailyUseAvg: 1.2,
      daysLeft: Math.floor((IOT_OPENING * 100) / (120 * 261)),
      meterKind: 'iot',
    });
    // Reading it again charges nothing twice.
    expect((await balanceOf(t, iot)).balanceFen).toBe(IOT_OPENING);
    expect(await balanceOf(t, card)).toMatchObject({ balanceFen: IC_OPENING, dailyUseAvg: 0.9, meterKind: 'ic_card' });
  });

  it('a top-up credited by duplicated notices and a late one is on the balance once', async () => {
    const created = await topUp(t, iot, 5_000);
    expect(created).toMatchObject({ orderNo: expect.stringMatching(/^T\d{8}/), amountFen: 5_000 });
    expect(created.payParams).toMatchObject({ package: expect.stringMatching(/^prepay_id=/), signType: 'RSA' });
    expect((await topUpsOf(t, iot))[0]).toMatchObject({
      id: created.topUpId,
      status: 'awaiting_payment',
      statusLabel: '待支付',
    });

    const fake = fakeWechatPay(t);
    await fake.pay({ outTradeNo: created.orderNo, notify: false });
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => fake.renotify(created.orderNo)));
    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204, 204, 204]);
    expect((await topUpsOf(t, iot))[0]).toMatchObject({ status: 'credited', statusLabel: '充值成功' });
    expect((await balanceOf(t, iot)).balanceFen).toBe(IOT_OPENING + 5_000);

    // A day later WeChat Pay tells again; the sweeper asks too: nothing more.
    expect((await fake.renotify(created.orderNo)).status).toBe(204);
    await t.app.get(PaymentSweeper).sweep();
    expect((await balanceOf(t, iot)).balanceFen).toBe(IOT_OPENING + 5_000);
    expect(await orderByNo(t, created.orderNo)).toMatchObject({
      status: 'paid',
      billId: null,
      topUpId: created.topUpId,
    });
  });

  it('a top-up whose notice was lost is credited by the sweeper, once', async () => {
    const before = (await balanceOf(t, iot)).balanceFen;
    const created = await topUp(t, iot, 1_000);
    await fakeWechatPay(t).pay({ outTradeNo: created.orderNo, notify: false });
    t.setNow(new Date(Date.now() + 5 * 60_000));
    try {
      expect((await t.app.get(PaymentSweeper).sweep()).credited).toBe(1);
      expect((await t.app.get(PaymentSweeper).sweep()).credited).toBe(0);
    } finally {
      t.setNow(new Date());
    }
    expect((await fakeWechatPay(t).renotify(created.orderNo)).status).toBe(204);
    expect((await balanceOf(t, iot)).balanceFen).toBe(before + 1_000);
  });

  it('one open top-up order per account: a retry with the same key is the same order, a new top-up closes the old', async () => {
    const first = await topUp(t, card, 2_000, 'top-up-key-0001');
    expect(await topUp(t, card, 2_000, 'top-up-key-0001')).toMatchObject({
      orderNo: first.orderNo,
      topUpId: first.topUpId,
    });
    const second = await topUp(t, card, 3_000, 'top-up-key-0002');
    expect(second.orderNo).not.toBe(first.orderNo);
    expect(await orderByNo(t, first.orderNo)).toMatchObject({ status: 'closed', openTopUpAccountId: null });
    const list = await topUpsOf(t, card);
    expect(list.find((x) => x.id === first.topUpId)).toMatchObject({ status: 'closed', statusLabel: '已关闭' });
    expect(list.find((x) => x.id === second.topUpId)).toMatchObject({ status: 'awaiting_payment' });
    expect(
      fakeWechatPay(t)
        .orders()
        .find((o) => o.outTradeNo === first.orderNo),
    ).toMatchObject({ state: 'CLOSED' });
  });

  it('an IC-card top-up is 待写卡 until billing staff record the card load, once', async () => {
    const before = (await balanceOf(t, card)).balanceFen;
    const created = await paidTopUp(t, card, 5_000);
    expect((await topUpsOf(t, card))[0]).toMatchObject({
      id: created.topUpId,
      status: 'credited',
      statusLabel: '待写卡',
    });
    expect((await balanceOf(t, card)).balanceFen).toBe(before + 5_000);

    const agent = await login(t, 'agent1');
    const load = () =>
      t.http().post('/api/staff/card-loads').set('Authorization', agent).send({ topUpId: created.topUpId });
    const first = await load();
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      topUpId: created.topUpId,
      accountNo: IC_CARD_ACCOUNT,
      amountFen: 5_000,
      loadedAt: expect.any(String),
      replayed: false,
    });
    const again = await load();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, loadedAt: first.body.loadedAt });
    expect((await topUpsOf(t, card))[0]).toMatchObject({ status: 'delivered', statusLabel: '已到表' });
  });

  it('refuses to load what is not a paid IC-card top-up, and staff without the role', async () => {
    const agent = await login(t, 'agent1');
    const load = (topUpId: number, auth = agent) =>
      t.http().post('/api/staff/card-loads').set('Authorization', auth).send({ topUpId });
    const unpaid = await topUp(t, card, 1_500);
    expectRefused(await load(unpaid.topUpId), 409, ErrorCode.TopUpNotLoadable);
    const iotPaid = (await topUpsOf(t, iot)).find((x) => x.status === 'credited')!;
    expectRefused(await load(iotPaid.id), 409, ErrorCode.TopUpNotLoadable);
    expectRefused(await load(999_999), 404, ErrorCode.NotFound);
    expectRefused(await load(unpaid.topUpId, await login(t, 'tech1')), 403, ErrorCode.Forbidden);
    expectRefused(
      await t.http().post('/api/staff/card-loads').set('Authorization', agent).send({ topUpId: 'x' }),
      400,
      ErrorCode.ValidationFailed,
    );
  });

  it('refuses amounts out of bounds, postpaid and unbound accounts: nothing is created', async () => {
    const before = await topUpCount(t, iot.accountId);
    const tooLittle = await requestTopUp(t, iot, 99);
    expectRefused(tooLittle, 400, ErrorCode.ValidationFailed);
    expect(tooLittle.body.message).toContain('充值金额不能少于1元');
    const tooMuch = await requestTopUp(t, iot, 500_001);
    expectRefused(tooMuch, 400, ErrorCode.ValidationFailed);
    expect(tooMuch.body.message).toContain('单次充值不能超过5000元');
    expectRefused(await requestTopUp(t, iot, 12.5), 400, ErrorCode.ValidationFailed);
    expectRefused(await requestTopUp(t, iot, '5000'), 400, ErrorCode.ValidationFailed);
    expect(await topUpCount(t, iot.accountId)).toBe(before);

    const postpaid = await payer(t, 'prepaid-postpaid', '9100000002');
    expectRefused(await requestTopUp(t, postpaid, 5_000), 409, ErrorCode.NotPrepaid);
    const balance = await t
      .http()
      .get(`/api/accounts/${postpaid.accountId}/balance`)
      .set('Authorization', postpaid.auth);
    expectRefused(balance, 409, ErrorCode.NotPrepaid);
    // Someone else's prepaid account: as if it did not exist.
    expectRefused(await requestTopUp(t, { ...postpaid, accountId: iot.accountId }, 5_000), 404, ErrorCode.NotFound);
    expect(await topUpCount(t, iot.accountId)).toBe(before);
    expect(
      fakeWechatPay(t)
        .orders()
        .filter((o) => o.amountFen === 500_001),
    ).toEqual([]);
  });
});
