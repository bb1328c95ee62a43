import { render, screen } from '@testing-library/react';
import { HazardSeverity, HazardStatus, InspectionItemCode } from '@utility/shared';
import { hazardView } from '../../../test/factories/inspections';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import HazardsPage from './hazards';

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('我的隐患', () => {
  it('shows each hazard with its severity, the advice and the deadline; a closed one as rectified', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/accounts/1/hazards': () =>
        answer(200, [
          hazardView({ id: 3, overdue: true }),
          hazardView({
            id: 2,
            code: InspectionItemCode.Alarm,
            itemLabel: '报警器',
            severity: HazardSeverity.General,
            severityLabel: '一般隐患',
            status: HazardStatus.Closed,
            statusLabel: '已整改',
            closedAt: '2026-11-30T06:00:00Z',
            reinspectionTicket: null,
          }),
        ]),
    });
    render(<HazardsPage />);
    await screen.findByText('软管');

    const open = byId('hazard-3');
    expect(open.querySelector('.hazard__severity')?.textContent).toBe('较大隐患');
    expect(open.querySelector('.hazard__severity')?.className).toContain('badge--serious');
    expect(open.querySelector('.hazard__status')?.textContent).toBe('待整改');
    expect(open.querySelector('.hazard__note')?.textContent).toBe('灶前胶管老化龟裂');
    expect(open.querySelector('.hazard__advice')?.textContent).toBe('请更换为金属波纹管，整改前使用时注意通风');
    // 15:59:59 UTC is 23:59 in Shanghai.
    expect(open.querySelector('.hazard__deadline')?.textContent).toBe('已超过整改期限：2026-12-02 23:59');
    expect(open.textContent).toContain('复检工单 T202611250044');

    const closed = byId('hazard-2');
    expect(closed.querySelector('.hazard__status')?.textContent).toBe('已整改');
    expect(closed.querySelector('.hazard__deadline')?.textContent).toBe('复检合格，已于 2026-11-30 14:00 消除');
    expect(byId('hazards-summary').textContent).toContain('有1项隐患待整改');
  });

  it('switches between bound accounts', async () => {
    serve({
      'GET /api/accounts': () =>
        answer(200, [
          boundAccount(),
          boundAccount({ id: 2, accountNo: '9100000002', label: undefined, isDefault: false }),
        ]),
      'GET /api/accounts/1/hazards': () => answer(200, [hazardView()]),
      'GET /api/accounts/2/hazards': () => answer(200, []),
    });
    render(<HazardsPage />);
    await screen.findByText('软管');
    await tap('hazards-account-9100000002');
    expect(await screen.findByText('安检未发现隐患')).toBeTruthy();
  });
});
