import { render, screen, waitFor } from '@testing-library/react';
import { billView, paidBill, payResponse } from '../../../test/factories/bills';
import { signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { lineFormula, lineName } from './bill-format';
import BillDetailPage from './detail';

async function openDetail(bill = billView(), extra: Parameters<typeof serve>[0] = {}) {
  serve({ 'GET /api/bills/11': () => answer(200, bill), ...extra });
  render(<BillDetailPage />);
  await screen.findByText('费用明细');
}

const text = (id: string) => byId(id).textContent;

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '11' });
  signInResident();
});

describe('bill detail', () => {
  it('shows period, readings and volume in m³ with two decimals, each tier as quantity × unit price = amount, and the total', async () => {
    await openDetail();

    expect(text('bill-detail-period')).toBe('2026年10月燃气账单');
    expect(text('bill-detail-readings')).toBe('1,234.00 → 1,354.50');
    expect(text('bill-detail-volume')).toBe('120.50 m³');
    expect(text('bill-detail-line-1')).toBe('第1阶梯¥300.00100.00 m³ × ¥3.00/m³ = ¥300.00');
    expect(text('bill-detail-line-2')).toBe('第2阶梯¥73.8020.50 m³ × ¥3.60/m³ = ¥73.80');
    expect(text('bill-detail-total')).toBe('合计¥373.80');
    expect(text('bill-detail-due')).toBe('2026-11-20');
    expect(text('bill-detail-status')).toBe('待缴');
    expect(text('bill-detail-pay')).toContain('立即缴费 ¥373.80');
  });

  it('says which days a line covers when a new year splits the period', async () => {
    const base = billView();
    await openDetail(
      billView({
        lines: [
          { ...base.lines[0], year: 2025, from: '2025-12-01', to: '2025-12-31', quantity: 6_001, amountFen: 18_003 },
          { ...base.lines[0], year: 2026, from: '2026-01-01', to: '2026-01-31', quantity: 6_049, amountFen: 18_147 },
        ],
        amountFen: 36_150,
      }),
    );
    expect(text('bill-detail-line-1')).toContain('2025-12-01 至 2025-12-31');
    expect(text('bill-detail-line-2')).toContain('60.49 m³ × ¥3.00/m³ = ¥181.47');
    expect(text('bill-detail-total')).toBe('合计¥361.50');
  });

  it('a paid bill shows when it was paid and offers no payment', async () => {
    await openDetail(paidBill());
    expect(text('bill-detail-status')).toBe('已缴清');
    expect(text('bill-detail-paid-at')).toBe('2026-11-05 10:30');
    expect(document.getElementById('bill-detail-pay')).toBeNull();
  });

  it('an overdue bill says so in red', async () => {
    await openDetail(billView({ overdue: true }));
    expect(text('bill-detail-status')).toBe('已逾期');
    expect(byId('bill-detail-status').className).toContain('badge--high');
    expect(screen.getByText('已超过缴费截止日期，请尽快缴费').className).toContain('text-breached');
  });

  it('立即缴费 tapped twice opens one cashier for one order', async () => {
    await openDetail(billView(), { 'POST /api/bills/11/pay': () => answer(200, payResponse()) });

    await tap('bill-detail-pay');
    await tap('bill-detail-pay');
    await waitFor(() => expect(document.querySelectorAll('.mock-cashier')).toHaveLength(1));
    expect(sent().filter((s) => s === 'POST /api/bills/11/pay')).toHaveLength(1);

    byId('pay-cancel').click();
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消支付' })));
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('bill line wording', () => {
  it('heating is 采暖费 by area', () => {
    const line = {
      kind: 'heating',
      year: 2026,
      from: '2026-11-15',
      to: '2027-03-15',
      quantity: 8_850,
      unitPriceFen: 2_400,
      amountFen: 212_400,
    };
    expect(lineName(line)).toBe('采暖费');
    expect(lineFormula(line)).toBe('88.50 m² × ¥24.00/m²');
  });

  it('names a power line by its step and 峰谷 register and prints the exact price per kWh', () => {
    const line = {
      kind: 'power_tier',
      tier: 2,
      from: '2026-07-01',
      to: '2026-07-31',
      quantity: 2_400,
      unitPriceFen: 62,
      unitPriceCentiFen: 6183,
      timeOfUse: 'peak' as const,
      amountFen: 1484,
    };
    expect(lineName(line)).toBe('第2阶梯（峰）');
    expect(lineFormula(line)).toBe('24.00 kWh × ¥0.6183/kWh');
  });
});
