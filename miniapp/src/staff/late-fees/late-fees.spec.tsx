import { render, screen, waitFor } from '@testing-library/react';
import { Role } from '@utility/shared';
import { billView } from '../../../test/factories/bills';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import LateFeeWaiverPage from './index';
import { validateWaiverReason } from './waiver-form';

const overdue = billView({ id: 21, period: '2026-10', overdue: true, lateFeeFen: 1_121, payableFen: 38_501 });
const current = billView({ id: 22, period: '2026-11' });

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Supervisor));
});

async function lookUp() {
  render(<LateFeeWaiverPage />);
  await typeInto('late-fee-account', '9100000001');
  await tap('late-fee-search');
  await screen.findByText('2026-10 · 应缴 ¥385.01（含滞纳金 ¥11.21）');
}

describe('滞纳金减免 (late fee waiver)', () => {
  it('waives an overdue bill’s late fee with the supervisor’s reason and shows what is owed now', async () => {
    serve({
      'GET /api/staff/bills?accountNo=9100000001': () => answer(200, [overdue, current]),
      'POST /api/staff/bills/21/late-fee-waiver': () =>
        answer(200, { ...overdue, lateFeeFen: 0, payableFen: 37_380, lateFeeWaived: true }),
    });
    await lookUp();
    expect(document.getElementById('late-fee-waive-2026-11')).toBeNull();
    await tap('late-fee-waive-2026-10');
    await typeInto('late-fee-reason', '  银行系统故障导致代扣延迟 ');
    await tap('late-fee-submit');

    await waitFor(() => expect(byId('late-fee-done').textContent).toContain('已减免滞纳金 ¥11.21'));
    expect(byId('late-fee-done').textContent).toContain('户号 9100000001 · 2026-10 · 现应缴 ¥373.80');
    expect(byId('late-fee-bill-2026-10').textContent).toBe('2026-10 · 应缴 ¥373.80（滞纳金已减免）');
    const post = taro.request.mock.calls.map(([o]) => o).find((o) => o.method === 'POST');
    expect(post.data).toEqual({ reason: '银行系统故障导致代扣延迟' });
  });

  it('refuses an empty reason without asking the server', async () => {
    serve({ 'GET /api/staff/bills?accountNo=9100000001': () => answer(200, [overdue]) });
    await lookUp();
    await tap('late-fee-waive-2026-10');
    await typeInto('late-fee-reason', '   ');
    await tap('late-fee-submit');
    expect(byId('late-fee-reason-error').textContent).toBe('请填写减免原因');
    expect(sent()).toEqual(['GET /api/staff/bills?accountNo=9100000001']);
  });

  it('shows the server’s refusal (the bill was paid meanwhile)', async () => {
    serve({
      'GET /api/staff/bills?accountNo=9100000001': () => answer(200, [overdue]),
      'POST /api/staff/bills/21/late-fee-waiver': () =>
        answer(409, { code: 'BILL_ALREADY_PAID', message: '该账单已缴清' }),
    });
    await lookUp();
    await tap('late-fee-waive-2026-10');
    await typeInto('late-fee-reason', '用户投诉抄表延误');
    await tap('late-fee-submit');
    await waitFor(() => expect(byId('late-fee-failure').textContent).toBe('该账单已缴清'));
    expect(document.getElementById('late-fee-done')).toBeNull();
  });

  it.each([
    ['', false],
    ['好', false],
    ['  抄表延误  ', true],
  ])('checks the reason %j before sending', (reason, ok) => {
    expect(validateWaiverReason(reason).ok).toBe(ok);
  });
});
