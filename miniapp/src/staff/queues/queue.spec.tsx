import { render, screen } from '@testing-library/react';
import { ClockKind } from '@utility/shared';
import { clockView, staffLogin, ticketView } from '../../../test/factories/tickets';
import { tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import QueuePage from './queue';

const NOW = new Date('2026-11-23T06:00:00Z'); // 14:00 in Shanghai
const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });

beforeEach(() => {
  taro.resetTaroMock();
  jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  saveSession(staffLogin());
  taro.setRouterParams({ id: '3' });
});
afterEach(() => jest.useRealTimers());

describe('queue page', () => {
  it('shows each clock with its Shanghai deadline, 已超时 in red and 临期 in orange', async () => {
    const late = ticketView({
      id: 1,
      no: 'T-LATE',
      clocks: [clockView({ kind: ClockKind.Respond, dueAt: '2026-11-23T05:30:00Z', breached: true })],
    });
    const soon = ticketView({
      id: 2,
      no: 'T-SOON',
      assigneeName: '赵师傅',
      clocks: [clockView({ kind: ClockKind.OnSite, dueAt: '2026-11-23T06:10:00Z', atRisk: true })],
    });
    taro.request.mockImplementation(() => answer(200, [late, soon]));

    render(<QueuePage />);

    const breached = await screen.findByText('已超时');
    expect(breached.closest('.clock')?.classList).toContain('clock--breached');
    expect(screen.getByText('截止 11-23 13:30')).toBeTruthy();
    const atRisk = screen.getByText('临期 · 剩余10分钟');
    expect(atRisk.closest('.clock')?.classList).toContain('clock--at-risk');
    expect(screen.getByText('处理人：赵师傅')).toBeTruthy();
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/queues/3/tickets' }));
  });

  it('领取下一单 opens the claimed ticket', async () => {
    taro.request.mockImplementation(({ url }: { url: string }) =>
      url.endsWith('/claim') ? answer(200, ticketView({ id: 42 })) : answer(200, []),
    );
    render(<QueuePage />);
    await screen.findByText('队列中暂无工单');

    await tap('claim-next');

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=42' });
  });

  it('an empty queue says so when someone tries to claim', async () => {
    taro.request.mockImplementation(({ url }: { url: string }) =>
      url.endsWith('/claim')
        ? answer(404, { code: 'QUEUE_EMPTY', message: '队列中暂无可领取的工单' })
        : answer(200, []),
    );
    render(<QueuePage />);
    await screen.findByText('队列中暂无工单');

    await tap('claim-next');

    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '队列中暂无可领取的工单' }));
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });
});
