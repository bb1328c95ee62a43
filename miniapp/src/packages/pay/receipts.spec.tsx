import { render, screen } from '@testing-library/react';
import { billView, paidBill, paymentView } from '../../../test/factories/bills';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import PaymentRecordsPage from './records';
import PayResultPage from './result';

const ORDER = 'W20261123A1B2C3D4E5F60718';
const parents = boundAccount({ id: 2, accountNo: '9100000002', isDefault: false });

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('payment records', () => {
  it("lists the account's receipts: account, period, amount, WeChat transaction id and time", async () => {
    taro.setRouterParams({ accountId: '2' });
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount(), parents]),
      'GET /api/payments?accountId=2': () =>
        answer(200, [
          paymentView({ accountNo: '9100000002' }),
          paymentView({ orderNo: 'W2', period: '2026-09', status: 'refunded', amountFen: 5 }),
        ]),
    });
    render(<PaymentRecordsPage />);
    await screen.findByText('户号 9100000002');

    const receipt = byId(`receipt-${ORDER}`).textContent;
    for (const part of [
      '收据',
      '已支付',
      '9100000002',
      '2026年10月',
      '¥373.80',
      '4200000000202611230000000001',
      ORDER,
      '2026-11-23 14:15',
    ]) {
      expect(receipt).toContain(part);
    }
    expect(byId('receipt-W2').textContent).toContain('已退款');
    expect(byId('receipt-W2').textContent).toContain('¥0.05');
  });

  it('without an account in the link, shows the default one; nothing paid yet says so', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/payments?accountId=1': () => answer(200, []),
    });
    render(<PaymentRecordsPage />);
    expect((await screen.findByText('暂无缴费记录')).id).toBe('records-empty');
  });
});

describe('pay result', () => {
  beforeEach(() => taro.setRouterParams({ billId: '11', orderNo: ORDER }));

  it('a credited bill: 缴费成功 with its receipt', async () => {
    serve({
      'GET /api/bills/11': () => answer(200, paidBill()),
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/payments?accountId=1': () => answer(200, [paymentView(), paymentView({ orderNo: 'OTHER' })]),
    });
    render(<PayResultPage />);

    expect((await screen.findByText('缴费成功')).closest('#pay-success')).not.toBeNull();
    expect(byId('pay-success').textContent).toContain('¥373.80');
    expect(await screen.findByText('4200000000202611230000000001')).toBeTruthy();
    expect(byId('pay-receipt').textContent).toContain(ORDER);

    await tap('pay-records');
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/pay/records?accountId=1' });
  });

  it('not credited yet: says the result is being confirmed', async () => {
    serve({
      'GET /api/bills/11': () => answer(200, billView()),
      'GET /api/accounts': () => answer(200, [boundAccount()]),
    });
    render(<PayResultPage />);

    expect((await screen.findByText('支付结果确认中，请稍后在缴费记录中查看')).closest('#pay-pending')).not.toBeNull();
    expect(document.getElementById('pay-success')).toBeNull();
  });
});
