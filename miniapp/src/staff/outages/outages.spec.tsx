import { render, screen } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { pickFile } from '../../platform/pick-file';
import { saveSession } from '../../services/session';
import OutagesPage from './index';

jest.mock('../../platform/pick-file', () => ({ pickFile: jest.fn() }));
const picked = pickFile as jest.MockedFunction<typeof pickFile>;

const posted = () =>
  taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST' && o.url === '/api/staff/outages');
const HOUR = 3_600_000;

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Dispatcher));
  serve({
    'GET /api/staff/outages?phase=current': () => answer(200, []),
    'GET /api/staff/outages/areas': () =>
      answer(200, {
        districts: [
          { id: 1, name: '城东片区' },
          { id: 2, name: '城西片区' },
        ],
        stations: [
          { id: 11, name: '城东供热站', districtId: 1, utility: 'heating' },
          { id: 12, name: '城东燃气营业所', districtId: 1, utility: 'gas' },
        ],
      }),
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

  it('is declared over whole districts and the stations of its utility', async () => {
    render(<OutagesPage />);
    await screen.findByText('城西片区');
    await tap('outage-utility-heating');
    // Only the heating station supplies a heating outage.
    expect(screen.queryByText('城东燃气营业所')).toBeNull();
    await tap('outage-district-2');
    await tap('outage-station-11');
    await typeInto('outage-reason', '换热站故障');
    await tap('outage-declare');

    const [{ data }] = posted();
    expect(data).toMatchObject({ utility: 'heating', area: { districtIds: [2], stationIds: [11] } });
  });

  it('takes the 户号 of a file (one a line or a CSV first column) with those typed, each once', async () => {
    picked.mockResolvedValue({
      name: '停气户号.csv',
      body: new Blob(['户号,地址\n9100000002,城东区和平街12号\n9100000003,城东区建设大道13号\n']),
    });
    render(<OutagesPage />);
    await screen.findByText('当前没有停供');
    await typeInto('outage-accounts', '9100000001\n9100000002');
    await tap('outage-accounts-file');
    expect(await screen.findByText(/停气户号.csv：2 个户号，1 行不是户号已跳过/)).toBeTruthy();
    await typeInto('outage-reason', '中压管线抢修');
    await tap('outage-declare');

    const [{ data }] = posted();
    expect(data.area.accountNos).toEqual(['9100000001', '9100000002', '9100000003']);
    expect(document.getElementById('outage-accounts-file-summary')).toBeNull();
  });
});
