import { render, screen, waitFor } from '@testing-library/react';
import { billView, paidBill, payResponse, usagePoint } from '../../../test/factories/bills';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { clearResidentSession } from '../../services/resident-session';
import { splitBills } from './bill-format';
import BillsPage from './bills';

const home = boundAccount();
const parents = boundAccount({ id: 2, accountNo: '9100000002', label: '父母家', isDefault: false });

const september = billView({ id: 10, period: '2026-09', dueOn: '2026-10-20', overdue: true, amountFen: 25_000 });
const october = billView();
const august = paidBill({ id: 9, period: '2026-08', amountFen: 18_800 });
const july = paidBill({ id: 8, period: '2026-07', amountFen: 20_010 });

function routes(extra: Parameters<typeof serve>[0] = {}) {
  serve({
    'GET /api/accounts': () => answer(200, [home, parents]),
    'GET /api/accounts/1/bills': () => answer(200, [october, july, september, august]),
    'GET /api/accounts/1/usage': () =>
      answer(200, [usagePoint('2026-08', 5_000), usagePoint('2026-09', 20_000), usagePoint('2026-10', 12_050)]),
    'GET /api/accounts/2/bills': () => answer(200, [paidBill({ id: 21, accountNo: '9100000002' })]),
    'GET /api/accounts/2/usage': () => answer(200, []),
    ...extra,
  });
}

async function renderPage() {
  render(<BillsPage />);
  await screen.findByText('待缴账单');
}

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('splitBills', () => {
  it('puts unpaid bills first, the oldest due first, then the history newest first, whatever the order given', () => {
    const { unpaid, history } = splitBills([august, october, july, september]);
    expect(unpaid.map((b) => b.period)).toEqual(['2026-09', '2026-10']);
    expect(history.map((b) => b.period)).toEqual(['2026-08', '2026-07']);
  });
});

describe('bills page', () => {
  it('lists unpaid bills with amount and due date, overdue in red, then the paid history', async () => {
    routes();
    await renderPage();

    const rows = [...document.querySelectorAll('.bill-row')].map((row) => row.id);
    expect(rows).toEqual(['bill-2026-09', 'bill-2026-10', 'bill-2026-08', 'bill-2026-07']);
    expect(byId('bill-2026-09').textContent).toContain('¥250.00');
    expect(byId('bill-2026-09').querySelector('.text-breached')?.textContent).toBe('已逾期 · 应于 2026-10-20 前缴清');
    expect(byId('bill-2026-09').className).toContain('bill-row--overdue');
    expect(byId('bill-2026-10').textContent).toContain('缴费截止 2026-11-20');
    expect(byId('bill-2026-10').querySelector('.text-breached')).toBeNull();
    expect(byId('bill-2026-08').textContent).toContain('已缴清 · 2026-11-05 10:30');
    expect(document.getElementById('bill-pay-2026-08')).toBeNull();
    expect(byId('bill-pay-2026-10').textContent).toBe('缴费');
  });

  it('draws the usage as bars proportional to the largest month, with month labels', async () => {
    routes();
    await renderPage();

    const bars = [...byId('usage-chart').querySelectorAll<HTMLElement>('.usage-chart__bar')].map(
      (bar) => bar.style.height,
    );
    expect(bars).toEqual(['25%', '100%', '60.3%']);
    const months = [...byId('usage-chart').querySelectorAll('.usage-chart__month')].map((m) => m.textContent);
    expect(months).toEqual(['8月', '9月', '10月']);
    expect(byId('usage-2026-10').textContent).toContain('121');
  });

  it("switches between bound accounts and opens a bill's detail", async () => {
    routes();
    await renderPage();

    await tap('bills-account-9100000002');
    await waitFor(() => expect(document.getElementById('bill-2026-10')?.textContent).toContain('已缴清'));
    expect(document.getElementById('usage-chart')).toBeNull();
    expect(byId('bills-none-unpaid').textContent).toBe('当前没有待缴账单');
    expect(byId('bills-account-9100000002').className).toContain('chip--on');

    await tap('bill-open-2026-10');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pay/detail?id=21' });
  });

  it('缴费 pays through the cashier and opens the result page with the order', async () => {
    const order = payResponse();
    routes({
      'POST /api/bills/10/pay': () => answer(200, order),
      'POST /api/dev/wechat-pay/pay': () => answer(200, {}),
      'GET /api/bills/10': () => answer(200, paidBill({ id: 10, period: '2026-09' })),
    });
    await renderPage();

    await tap('bill-pay-2026-09');
    await waitFor(() => byId('pay-confirm').click());

    await waitFor(() =>
      expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/pay/result?billId=10&orderNo=${order.orderNo}` }),
    );
    expect(taro.showLoading).toHaveBeenCalledWith(expect.objectContaining({ title: '正在确认支付结果' }));
    expect(taro.hideLoading).toHaveBeenCalled();
    expect(taro.navigateTo).toHaveBeenCalledTimes(1); // not the detail as well
  });

  it('a bill paid meanwhile: the server says so and the list reloads', async () => {
    routes({
      'POST /api/bills/10/pay': () => answer(409, { code: 'BILL_ALREADY_PAID', message: '该账单已缴清，无需重复缴费' }),
    });
    await renderPage();

    await tap('bill-pay-2026-09');

    await waitFor(() => expect(sent().filter((s) => s === 'GET /api/accounts/1/bills')).toHaveLength(2));
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该账单已缴清，无需重复缴费' }));
    expect(document.querySelector('.mock-cashier')).toBeNull();
  });

  it('sends a visitor to the login page', () => {
    clearResidentSession();
    render(<BillsPage />);
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/packages/auth/login?from=${encodeURIComponent('/packages/pay/bills')}`,
    });
    expect(taro.request).not.toHaveBeenCalled();
  });
});
