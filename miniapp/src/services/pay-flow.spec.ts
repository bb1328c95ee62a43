import { waitFor } from '@testing-library/react';
import { billView, paidBill, payResponse } from '../../test/factories/bills';
import { signInResident } from '../../test/factories/residents';
import { answer, serve, sent } from '../../test/serve';
import * as taro from '../../test/taro-mock';
import { payBill } from './pay-flow';
import { payAtCashier as payAtWechatCashier } from '../platform/pay.weapp';

const order = payResponse();
const click = (id: string) => waitFor(() => document.getElementById(id)!.click());

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('pay flow (H5 mock cashier)', () => {
  it('shows the amount, has the fake WeChat Pay pay the order with its signed params, and polls until the bill is paid', async () => {
    let checks = 0;
    serve({
      'POST /api/bills/11/pay': () => answer(200, order),
      'POST /api/dev/wechat-pay/pay': () =>
        answer(200, { outTradeNo: order.orderNo, transactionId: '42000001', noticeStatus: 204 }),
      // The notice lands after two checks.
      'GET /api/bills/11': () => answer(200, ++checks < 3 ? billView() : paidBill()),
    });
    const onConfirmed = jest.fn();

    const paying = payBill(11, { intervalMs: 1, onConfirmed });
    await waitFor(() => expect(document.getElementById('pay-amount')?.textContent).toBe('¥373.80'));
    expect(document.querySelector('.mock-cashier')?.textContent).toContain('智慧燃气·热力服务');
    await click('pay-confirm');

    await expect(paying).resolves.toMatchObject({ status: 'paid', orderNo: order.orderNo, bill: { status: 'paid' } });
    expect(onConfirmed).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.mock-cashier')).toBeNull();
    expect(sent()).toEqual([
      'POST /api/bills/11/pay',
      'POST /api/dev/wechat-pay/pay',
      'GET /api/bills/11',
      'GET /api/bills/11',
      'GET /api/bills/11',
    ]);
    const devPay = taro.request.mock.calls.map(([o]) => o).find((o) => o.url === '/api/dev/wechat-pay/pay');
    expect(devPay.data).toEqual({ outTradeNo: order.orderNo, payment: order.payParams });
    // The fake pays only the signed-in resident's own order: the cashier sends the resident's token.
    expect(devPay.header.Authorization).toBe('Bearer res-tok-1');
    expect(taro.request.mock.calls[0][0].data).toEqual({});
  });

  it('says pending when the credit has not arrived after the last check; a lost poll is just retried', async () => {
    let checks = 0;
    serve({
      'POST /api/bills/11/pay': () => answer(200, order),
      'POST /api/dev/wechat-pay/pay': () => answer(200, {}),
      'GET /api/bills/11': () =>
        ++checks === 2 ? Promise.reject({ errMsg: 'request:fail' }) : answer(200, billView()),
    });
    const paying = payBill(11, { intervalMs: 1, attempts: 3 });
    await click('pay-confirm');

    await expect(paying).resolves.toEqual({ status: 'pending', orderNo: order.orderNo });
    expect(sent().filter((s) => s === 'GET /api/bills/11').length).toBeGreaterThanOrEqual(4);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('取消 closes the cashier and pays nothing', async () => {
    serve({ 'POST /api/bills/11/pay': () => answer(200, order) });
    const paying = payBill(11);
    await click('pay-cancel');

    await expect(paying).resolves.toEqual({ status: 'cancelled', orderNo: order.orderNo });
    expect(sent()).toEqual(['POST /api/bills/11/pay']);
  });

  it("a paid bill is refused with the server's message, before any cashier opens", async () => {
    serve({
      'POST /api/bills/11/pay': () => answer(409, { code: 'BILL_ALREADY_PAID', message: '该账单已缴清，无需重复缴费' }),
    });

    await expect(payBill(11)).rejects.toMatchObject({ code: 'BILL_ALREADY_PAID' });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该账单已缴清，无需重复缴费' }));
    expect(document.querySelector('.mock-cashier')).toBeNull();
  });
});

describe('pay at the cashier (weapp)', () => {
  it('calls Taro.requestPayment with exactly the parameters the server signed', async () => {
    await expect(payAtWechatCashier(order)).resolves.toEqual({ status: 'confirmed' });
    const { appId, ...params } = order.payParams;
    expect(appId).toBeTruthy(); // WeChat takes the app id from the mini-program itself.
    expect(taro.requestPayment).toHaveBeenCalledTimes(1);
    expect(taro.requestPayment.mock.calls[0]).toEqual([params]);
  });

  it('tells a cancel from a failure', async () => {
    taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' });
    await expect(payAtWechatCashier(order)).resolves.toEqual({ status: 'cancelled' });

    taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail (-1)system error' });
    await expect(payAtWechatCashier(order)).resolves.toEqual({ status: 'failed', message: '支付未完成，请稍后重试' });
  });
});
