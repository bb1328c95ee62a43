import { act, render } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin, ticketView } from '../../../test/factories/tickets';
import { tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import CustomersPage from './index';

const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

const ACCOUNT = {
  accountNo: '9100000001',
  holderName: '张*',
  address: '城东区幸福路11号2单元202室',
  utility: 'heating',
  districtId: 1,
  districtName: '城东片区',
  stationId: 1,
  stationName: '东城供热站',
  keyCustomer: false,
  active: true,
};
const OPEN = ticketView({ id: 5, no: '20261201000005', accountNo: '9100000001' });

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
  taro.request.mockImplementation(({ url }: { url: string }) =>
    url.includes('/api/staff/search')
      ? answer(200, { matchedBy: 'accountNo', accounts: [ACCOUNT], tickets: [OPEN] })
      : answer(200, {
          account: ACCOUNT,
          openTickets: [OPEN],
          pastTickets: [],
          bills: [],
          payments: [],
          arrears: { unpaidFen: 0, overdueFen: 0 },
          hazards: [],
          inspections: [],
          ratings: [],
          returnVisits: [],
        }),
  );
});

describe('客户查询 on a phone', () => {
  it('searches, lists the account and its tickets, and shows the chosen account’s history', async () => {
    render(<CustomersPage />);
    await typeInto('customer-q', '9100000001');
    await tap('customer-search');
    await settle();
    expect(taro.request.mock.calls[0][0].url).toMatch(/\/api\/staff\/search\?q=9100000001$/);
    expect(document.getElementById('customer-ticket-20261201000005')).not.toBeNull();

    await tap('customer-account-9100000001');
    await settle();
    expect(document.getElementById('customer-history-title')?.textContent).toBe('户号 9100000001 · 张*');
    expect(document.getElementById('customer-history-open')?.textContent).toContain('20261201000005');
    expect(document.getElementById('customer-history-hazards')?.textContent).toContain('无隐患记录');
  });
});
