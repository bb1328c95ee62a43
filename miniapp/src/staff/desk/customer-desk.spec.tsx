import { act, fireEvent, render } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin, ticketView } from '../../../test/factories/tickets';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { CustomerDesk } from './customer-desk.h5';

const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });
const byId = (id: string) => document.getElementById(id)!;
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
const HISTORY = {
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
};

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
  taro.request.mockImplementation(({ url }: { url: string }) =>
    url.includes('/api/staff/search')
      ? answer(200, { matchedBy: 'phone', accounts: [ACCOUNT], tickets: [OPEN] })
      : answer(200, HISTORY),
  );
});

describe('desk 客户查询', () => {
  it('searches on Enter, moves to the results with the arrow keys, and opens the account’s history', async () => {
    const onOpenTicket = jest.fn();
    render(<CustomerDesk onOpenTicket={onOpenTicket} />);
    const q = byId('desk-customer-q') as HTMLInputElement;
    expect(document.activeElement).toBe(q);
    fireEvent.change(q, { target: { value: '138 1234 5678' } });
    fireEvent.submit(byId('desk-customer-form'));
    await settle();
    expect(taro.request.mock.calls[0][0].url).toMatch(/\/api\/staff\/search\?q=138%201234%205678$/);

    fireEvent.keyDown(q, { key: 'ArrowDown' });
    expect(document.activeElement?.id).toBe('desk-customer-account-9100000001');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.id).toBe('desk-customer-ticket-20261201000005');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.click(document.activeElement!);
    await settle();

    expect(taro.request.mock.calls[1][0].url).toMatch(/\/api\/staff\/accounts\/9100000001\/history$/);
    expect(byId('desk-history-title').textContent).toBe('户号 9100000001 · 张*');
    expect(byId('desk-history-open').textContent).toContain('20261201000005');
    expect(byId('desk-history-bills').textContent).toContain('无账单');
    fireEvent.click(byId('desk-history-open').querySelector('button')!);
    expect(onOpenTicket).toHaveBeenCalledWith(5);
  });

  it('says what is missing before asking the server', () => {
    render(<CustomerDesk onOpenTicket={() => undefined} />);
    fireEvent.change(byId('desk-customer-q'), { target: { value: '1' } });
    fireEvent.submit(byId('desk-customer-form'));
    expect(byId('desk-customer-error').textContent).toBe('请至少输入两个字');
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('opens with the account it was asked for (from intake)', async () => {
    render(<CustomerDesk initialAccountNo="9100000001" onOpenTicket={() => undefined} />);
    await settle();
    expect(byId('desk-history-title').textContent).toBe('户号 9100000001 · 张*');
    expect(byId('desk-customer-account-9100000001').className).toContain('desk-result--open');
  });
});
