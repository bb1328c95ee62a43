import { ErrorCode } from '@utility/shared';
import { pay, payer, startPaymentsTestApp, unpaidBill } from '../testing/payment-fixtures';
import { residentLogin } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';

const DEV_PAY = '/api/dev/wechat-pay/pay';

describe('the mock cashier (POST /api/dev/wechat-pay/pay, mock mode)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  it("pays only the signed-in resident's own order, as WeChat's cashier would", async () => {
    const owner = await payer(t, 'dev-pay-owner', '9100000004');
    const bill = await unpaidBill(t, owner);
    const order = await pay(t, owner, bill.id);
    const body = { outTradeNo: order.orderNo, payment: order.payParams };

    const stranger = await residentLogin(t, 'dev-pay-stranger');
    const staff = await t.login('agent1');
    await t.http().post(DEV_PAY).send(body).expect(401);
    await t.http().post(DEV_PAY).set('Authorization', staff).send(body).expect(401);
    const foreign = await t.http().post(DEV_PAY).set('Authorization', stranger.auth).send(body);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe(ErrorCode.NotFound);

    const paid = await t.http().post(DEV_PAY).set('Authorization', owner.auth).send(body).expect(200);
    expect(paid.body).toEqual({ outTradeNo: order.orderNo, transactionId: expect.any(String), noticeStatus: 204 });
    await t.http().post(DEV_PAY).set('Authorization', owner.auth).send(body).expect(409);
  });
});
