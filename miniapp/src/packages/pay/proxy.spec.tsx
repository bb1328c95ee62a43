import { render, screen, waitFor } from '@testing-library/react';
import { payResponse } from '../../../test/factories/bills';
import { signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import ProxyPayPage from './proxy';

const found = {
  accountNo: '9100000021',
  holderMasked: '张**',
  addressMasked: '城东区幸*************',
  bills: [
    {
      id: 31,
      period: '2026-10',
      utility: 'gas',
      amountFen: 12_000,
      lateFeeFen: 360,
      payableFen: 12_360,
      dueOn: '2026-11-20',
      overdue: true,
    },
  ],
};

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('代缴 (paying by 户号 without binding)', () => {
  it('shows the masked holder and address and the amount, and pays it through WeChat Pay', async () => {
    const order = payResponse({ amountFen: 12_360 });
    serve({
      'GET /api/pay-by-account/9100000021/bills': () => answer(200, found),
      'POST /api/bills/31/pay': () => answer(201, order),
      'POST /api/dev/wechat-pay/pay': () => answer(200, { outTradeNo: order.orderNo }),
    });
    render(<ProxyPayPage />);
    await typeInto('proxy-account', '9100000021');
    await tap('proxy-search');

    expect((await screen.findByText('户主 张**')).id).toBe('proxy-holder');
    expect(byId('proxy-address').textContent).toBe('地址 城东区幸*************');
    expect(byId('proxy-bill-2026-10').textContent).toContain('¥123.60');
    expect(byId('proxy-bill-2026-10').textContent).toContain('含滞纳金 ¥3.60');
    await tap('proxy-pay-2026-10');
    await waitFor(() => expect(document.getElementById('pay-amount')?.textContent).toBe('¥123.60'));
    await tap('pay-confirm');

    await waitFor(() => expect(byId('proxy-paid-2026-10').textContent).toBe('已支付'));
    expect(sent()).toEqual([
      'GET /api/pay-by-account/9100000021/bills',
      'POST /api/bills/31/pay',
      'POST /api/dev/wechat-pay/pay',
    ]);
  });

  it('an unknown 户号 or a malformed one is said plainly', async () => {
    serve({
      'GET /api/pay-by-account/9100000999/bills': () => answer(404, { code: 'NOT_FOUND', message: '未找到相关记录' }),
    });
    render(<ProxyPayPage />);
    await typeInto('proxy-account', '12345');
    await tap('proxy-search');
    expect(byId('proxy-failure').textContent).toBe('户号应为10位数字，可在燃气缴费单或卡上找到');
    await typeInto('proxy-account', '9100000999');
    await tap('proxy-search');
    await waitFor(() => expect(byId('proxy-failure').textContent).toBe('未找到该户号，请核对后重试'));
  });
});
