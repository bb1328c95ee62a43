import { act, fireEvent, render, screen } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { getToken, saveSession } from '../../services/session';
import QueuesPage from './index';

const queue = {
  id: 3,
  code: 'east_repair',
  name: '城东站维修队列',
  districtId: 1,
  stationId: 2,
  counts: { open: 5, atRisk: 2, breached: 1 },
};

beforeEach(() => {
  taro.resetTaroMock();
  taro.request.mockResolvedValue({ statusCode: 200, data: [queue], header: {} });
});

describe('my queues', () => {
  it('lists each queue with its counts and opens it on tap', async () => {
    saveSession(staffLogin(Role.Technician));
    render(<QueuesPage />);

    const card = await screen.findByText('城东站维修队列');
    const row = document.getElementById('queue-east_repair')!;
    expect(row.contains(card)).toBe(true);
    expect(row.querySelector('.count--breached')?.textContent).toBe('1超时');
    expect(row.querySelector('.count--at-risk')?.textContent).toBe('2临期');
    expect(screen.getByText('王调度')).toBeTruthy();
    // Only agents, supervisors and admins take calls.
    expect(document.getElementById('intake-entry')).toBeNull();

    await act(async () => fireEvent.click(row));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/staff/queues/queue?id=3&name=${encodeURIComponent('城东站维修队列')}`,
    });
  });

  it('gives an agent the 电话受理 entry', async () => {
    saveSession(staffLogin(Role.Agent));
    render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    expect(document.getElementById('intake-entry')?.textContent).toBe('电话受理');
  });

  it('gives the desk roles 客户查询 (agents, dispatchers…), not the field', async () => {
    saveSession(staffLogin(Role.Dispatcher));
    const { unmount } = render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    await tap('customers-entry');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/customers/index' });
    unmount();

    saveSession(staffLogin(Role.Technician));
    render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    expect(document.getElementById('customers-entry')).toBeNull();
  });

  it('gives supervisors and admins the dashboard entry, nobody else', async () => {
    saveSession(staffLogin(Role.Supervisor));
    const { unmount } = render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    await tap('dashboard-entry');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff-dashboard/index' });
    unmount();

    saveSession(staffLogin(Role.Agent));
    render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    expect(document.getElementById('dashboard-entry')).toBeNull();
  });

  it('gives billing agents 银行代扣导入 and supervisors 滞纳金减免, each only to them', async () => {
    saveSession(staffLogin(Role.Agent));
    const { unmount } = render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    expect(document.getElementById('late-fees-entry')).toBeNull();
    await tap('bank-debit-entry');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/bank-debit/index' });
    unmount();

    saveSession(staffLogin(Role.Supervisor));
    render(<QueuesPage />);
    await screen.findByText('城东站维修队列');
    expect(document.getElementById('bank-debit-entry')).toBeNull();
    await tap('late-fees-entry');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/late-fees/index' });
  });

  it('sends a visitor without a session to the login page', () => {
    render(<QueuesPage />);
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' });
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('signs out', async () => {
    saveSession(staffLogin(Role.Agent));
    render(<QueuesPage />);
    await screen.findByText('城东站维修队列');

    await tap('logout');

    expect(getToken()).toBeNull();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' });
  });
});
