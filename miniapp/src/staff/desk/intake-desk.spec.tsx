import { act, fireEvent, render, screen } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin, ticketView } from '../../../test/factories/tickets';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { IntakeDesk } from './intake-desk.h5';

const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

const HISTORY = {
  account: {
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
  },
  openTickets: [ticketView({ id: 5, no: '20261201000005' })],
  pastTickets: [],
  bills: [],
  payments: [],
  arrears: { unpaidFen: 12345, overdueFen: 0 },
  hazards: [],
  inspections: [],
  ratings: [],
  returnVisits: [],
};

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
});

describe('desk intake: the 户号 lookup', () => {
  it('fills holder, utility, district and address, and shows open tickets and arrears', async () => {
    taro.request.mockImplementation(() => answer(200, HISTORY));
    render(<IntakeDesk onOpenTicket={() => undefined} onOpenHistory={() => undefined} />);
    expect(document.activeElement?.id).toBe('desk-intake-accountNo');
    fireEvent.change(input('desk-intake-accountNo'), { target: { value: '9100000001' } });
    await settle();

    expect(taro.request.mock.calls[0][0].url).toMatch(/\/api\/staff\/accounts\/9100000001\/history$/);
    expect(input('desk-account-holder').value).toBe('张*');
    expect(input('desk-account-utility').value).toBe('供热 · 城东片区 · 东城供热站');
    expect(input('desk-intake-address').value).toBe('城东区幸福路11号2单元202室');
    expect(screen.getByText('20261201000005')).toBeTruthy();
    expect(document.getElementById('desk-account-arrears')!.textContent).toBe('未缴 ¥123.45');
  });

  it('links the found account to its whole history', async () => {
    taro.request.mockImplementation(() => answer(200, HISTORY));
    const onOpenHistory = jest.fn();
    render(<IntakeDesk onOpenTicket={() => undefined} onOpenHistory={onOpenHistory} />);
    fireEvent.change(input('desk-intake-accountNo'), { target: { value: '9100000001' } });
    await settle();
    fireEvent.click(document.getElementById('desk-account-history')!);
    expect(onOpenHistory).toHaveBeenCalledWith('9100000001');
  });

  it('goes on by hand when there is no such account (404), with nothing filled and no toast', async () => {
    taro.request.mockImplementation(() => answer(404, { code: 'NOT_FOUND', message: '未找到' }));
    render(<IntakeDesk onOpenTicket={() => undefined} onOpenHistory={() => undefined} />);
    fireEvent.change(input('desk-intake-accountNo'), { target: { value: '9199999999' } });
    await settle();

    expect(document.getElementById('desk-account-missing')!.textContent).toContain('未找到户号 9199999999');
    expect(input('desk-intake-address').value).toBe('');
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('asks nothing before the tenth digit', async () => {
    render(<IntakeDesk onOpenTicket={() => undefined} onOpenHistory={() => undefined} />);
    fireEvent.change(input('desk-intake-accountNo'), { target: { value: '910000000' } });
    await settle();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
