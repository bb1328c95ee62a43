import { ErrorCode } from '@utility/shared';
import { expectRefused } from '../testing/api-fixtures';
import { billRow, fakeWechatPay, orderByNo, startPaymentsTestApp } from '../testing/payment-fixtures';
import { holderOf, residentLogin } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';

/** 代缴: anyone logged in pays an account's bills by its 户号, without binding it, seeing only masked details. */
describe('paying by 户号 without binding (代缴)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp({ PAY_BY_ACCOUNT_LOOKUPS_PER_HOUR: '4' })));
  afterAll(() => t.close());

  const lookUp = (auth: string, accountNo: string) =>
    t.http().get(`/api/pay-by-account/${accountNo}/bills`).set('Authorization', auth);

  it('shows nothing but the masked holder and address and the amounts; the bill can then be paid by WeChat Pay', async () => {
    const friend = await residentLogin(t, 'pay-for-parents');
    const res = await lookUp(friend.auth, '9100000021');
    expect(res.status).toBe(200);
    const holder = holderOf('9100000021');
    expect(res.body).toEqual({
      accountNo: '9100000021',
      holderMasked: `${holder[0]}${'*'.repeat(holder.length - 1)}`,
      addressMasked: expect.stringMatching(/^城东区.?\*{8,}$/),
      bills: [
        {
          id: expect.any(Number),
          period: '2026-10',
          utility: 'gas',
          amountFen: expect.any(Number),
          lateFeeFen: 0,
          payableFen: expect.any(Number),
          dueOn: '2026-11-20',
          overdue: true,
        },
      ],
    });
    // Nothing else of the account leaks: no phone, meter, readings, full name or address.
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(holder);
    expect(text).not.toMatch(/号|单元|室|phone|meter|reading|lines/);

    const [bill] = res.body.bills;
    const paid = await t.http().post(`/api/bills/${bill.id}/pay`).set('Authorization', friend.auth);
    expect(paid.status).toBe(201);
    expect(paid.body.amountFen).toBe(bill.payableFen);
    expect((await fakeWechatPay(t).pay({ outTradeNo: paid.body.orderNo })).delivery?.status).toBe(204);
    expect(await billRow(t, bill.id)).toMatchObject({
      status: 'paid',
      paymentId: (await orderByNo(t, paid.body.orderNo)).id,
    });
    // The bill's details (readings, tiers) stay for the bound household only.
    expectRefused(
      await t.http().get(`/api/bills/${bill.id}`).set('Authorization', friend.auth),
      404,
      ErrorCode.NotFound,
    );
  });

  it('a bill not looked up (nor bound) cannot be ordered; an unknown 户号 is 404 and counts', async () => {
    const stranger = await residentLogin(t, 'pay-stranger');
    const known = await residentLogin(t, 'pay-knows');
    const { body } = await lookUp(known.auth, '9100000022').expect(200);
    expectRefused(
      await t.http().post(`/api/bills/${body.bills[0].id}/pay`).set('Authorization', stranger.auth),
      404,
      ErrorCode.NotFound,
    );
    expectRefused(await lookUp(stranger.auth, '9100000999'), 404, ErrorCode.NotFound);
  });

  it('look-ups are limited per resident and hour against enumeration (429 with Retry-After)', async () => {
    const prober = await residentLogin(t, 'pay-prober');
    for (const n of ['01', '02', '03', '99']) expect((await lookUp(prober.auth, `91000000${n}`)).status).not.toBe(429);
    const refused = await lookUp(prober.auth, '9100000004');
    expectRefused(refused, 429, ErrorCode.RateLimited);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another resident is not held back by the prober.
    expect((await lookUp((await residentLogin(t, 'pay-other')).auth, '9100000004')).status).toBe(200);
  });

  it('needs a logged-in resident', async () => {
    expectRefused(await t.http().get('/api/pay-by-account/9100000021/bills'), 401, ErrorCode.Unauthenticated);
  });
});
