import { render, screen, waitFor } from '@testing-library/react';
import { Role } from '@utility/shared';
import { billView, paidBill, paymentView } from '../../../test/factories/bills';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { validateCounter } from './counter-form';
import CounterPaymentPage from './index';

const overdue = billView({ id: 21, period: '2026-10', overdue: true, lateFeeFen: 1_121, payableFen: 38_501 });

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
});

describe('柜台收费 (counter payments)', () => {
  it('finds the unpaid bills by 户号, takes the amount due with the late fee against a receipt number', async () => {
    serve({
      'GET /api/staff/bills?accountNo=9100000001': () =>
        answer(200, [overdue, paidBill({ id: 20, period: '2026-09' })]),
      'POST /api/staff/payments/counter': () =>
        answer(201, {
          replayed: false,
          payment: paymentView({ method: 'pos', receiptNo: 'POS-1', orderNo: 'RPOS-1', amountFen: 38_501 }),
          bill: paidBill({ id: 21, paidFen: 38_501 }),
        }),
    });
    render(<CounterPaymentPage />);
    await typeInto('counter-account', '9100000001');
    await tap('counter-search');

    await screen.findByText('2026-10 · 应收 ¥385.01（含滞纳金 ¥11.21）');
    expect(document.getElementById('counter-bill-2026-09')).toBeNull();
    await tap('counter-submit');
    expect(byId('counter-bill-error').textContent).toBe('请选择要收费的账单');

    await tap('counter-bill-2026-10');
    await tap('counter-method-pos');
    await typeInto('counter-receipt', 'POS-1');
    expect(byId('counter-submit').textContent).toBe('确认收款 ¥385.01');
    await tap('counter-submit');

    await waitFor(() => expect(byId('counter-done').textContent).toContain('收费成功，账单已缴清'));
    expect(byId('counter-done').textContent).toContain('POS刷卡 · 收据号 POS-1');
    const post = taro.request.mock.calls.map(([o]) => o).find((o) => o.method === 'POST');
    expect(post.data).toEqual({ billId: 21, method: 'pos', receiptNo: 'POS-1', amountFen: 38_501 });
    expect(sent()).toEqual(['GET /api/staff/bills?accountNo=9100000001', 'POST /api/staff/payments/counter']);
  });

  it('says so when the receipt was already recorded: nothing was charged twice', async () => {
    serve({
      'GET /api/staff/bills?accountNo=9100000001': () => answer(200, [overdue]),
      'POST /api/staff/payments/counter': () =>
        answer(201, { replayed: true, payment: paymentView({ method: 'cash', receiptNo: 'SJ-1' }), bill: paidBill() }),
    });
    render(<CounterPaymentPage />);
    await typeInto('counter-account', '9100000001');
    await tap('counter-search');
    await tap('counter-bill-2026-10');
    await tap('counter-method-cash');
    await typeInto('counter-receipt', 'SJ-1');
    await tap('counter-submit');
    await waitFor(() => expect(byId('counter-done').textContent).toContain('该收据已入账（未重复收费）'));
  });

  it('shows the server’s refusal (a receipt used for another bill)', async () => {
    serve({
      'GET /api/staff/bills?accountNo=9100000001': () => answer(200, [overdue]),
      'POST /api/staff/payments/counter': () =>
        answer(409, { code: 'RECEIPT_NO_USED', message: '该收据号已用于其他账单或金额，请核对收据' }),
    });
    render(<CounterPaymentPage />);
    await typeInto('counter-account', '9100000001');
    await tap('counter-search');
    await tap('counter-bill-2026-10');
    await tap('counter-method-bank_transfer');
    await typeInto('counter-receipt', 'ZZ-0001');
    await tap('counter-submit');
    await waitFor(() => expect(byId('counter-failure').textContent).toBe('该收据号已用于其他账单或金额，请核对收据'));
  });

  it.each([
    [{ billId: null, method: null, receiptNo: '', amountFen: 0 }, ['billId', 'method', 'receiptNo']],
    [{ billId: 1, method: 'cash' as const, receiptNo: 'a b', amountFen: 100 }, ['receiptNo']],
  ])('checks the form before sending: %j', (form, fields) => {
    const checked = validateCounter(form);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors).sort()).toEqual(fields.sort());
  });
});
