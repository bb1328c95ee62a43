import { render, screen } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import OutagesPage from './index';

const posted = () =>
  taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST' && o.url === '/api/staff/outages');
const HOUR = 3_600_000;

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Dispatcher));
  serve({
    'GET /api/staff/outages?phase=current': () => answer(200, []),
    'POST /api/staff/outages': () => answer(201, {}),
  });
});

describe('停供管理: declaring an outage', () => {
  it('an unplanned outage starts now and lasts the hours given', async () => {
    render(<OutagesPage />);
    await screen.findByText('当前没有停供');
    await typeInto('outage-buildings', '城东区幸福路11号');
    await typeInto('outage-reason', '中压管线抢修');
    const before = Date.now();
    await tap('outage-declare');

    const [{ data }] = posted();
    expect(data).toMatchObject({ utility: 'gas', kind: 'unplanned', area: { buildings: ['城东区幸福路11号'] } });
    expect(Date.parse(data.startsAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(data.restoreBy) - Date.parse(data.startsAt)).toBe(4 * HOUR);
    expect(document.getElementById('outage-starts-in')).toBeNull();
  });

  it('a planned outage is announced ahead: it starts the hours given from now', async () => {
    render(<OutagesPage />);
    await screen.findByText('当前没有停供');
    await tap('outage-kind-planned');
    await typeInto('outage-starts-in', '48');
    await typeInto('outage-hours', '6');
    await typeInto('outage-accounts', '9100000001\n9100000002');
    await typeInto('outage-reason', '计划检修调压站');
    const before = Date.now();
    await tap('outage-declare');

    const [{ data }] = posted();
    expect(data).toMatchObject({ kind: 'planned', area: { accountNos: ['9100000001', '9100000002'] } });
    expect(Date.parse(data.startsAt) - before).toBeGreaterThanOrEqual(48 * HOUR);
    expect(Date.parse(data.startsAt) - before).toBeLessThan(48 * HOUR + 60_000);
    expect(Date.parse(data.restoreBy) - Date.parse(data.startsAt)).toBe(6 * HOUR);
  });
});
