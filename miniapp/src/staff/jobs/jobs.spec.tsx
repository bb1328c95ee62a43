import { render, screen } from '@testing-library/react';
import { Priority, Role, TicketStatus, TicketType } from '@utility/shared';
import { fieldJob } from '../../../test/factories/field-jobs';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import QueuesPage from '../queues/index';
import JobsPage from './index';

beforeEach(() => taro.resetTaroMock());

describe('我的工单', () => {
  it("lists the technician's jobs in the server's order, each opening its job page", async () => {
    saveSession(staffLogin(Role.Technician));
    serve({
      'GET /api/field/jobs': () =>
        answer(200, [
          fieldJob({
            id: 30,
            no: 'T202611230030',
            type: TicketType.Leak,
            typeLabel: '燃气泄漏/跑冒滴漏',
            priority: Priority.Emergency,
            category: null,
            categoryLabel: null,
            window: null,
          }),
          fieldJob({ status: TicketStatus.EnRoute, accepted: true, eta: '2026-11-23T06:15:00Z' }),
        ]),
    });
    render(<JobsPage />);
    await screen.findByText('燃气泄漏/跑冒滴漏');

    const rows = [...document.querySelectorAll('.job-row')].map((r) => r.id);
    expect(rows).toEqual(['field-job-T202611230030', 'field-job-T202611230021']);
    expect(byId('field-job-T202611230030').textContent).toContain('待接单');
    expect(byId('field-job-T202611230021').textContent).toContain('预约 11-24 09:00–12:00');
    expect(byId('field-job-T202611230021').textContent).toContain('预计 14:15 到达');

    await tap('field-job-T202611230021');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/job/index?id=21' });
  });

  it('says when there is nothing to do', async () => {
    saveSession(staffLogin(Role.Technician));
    serve({ 'GET /api/field/jobs': () => answer(200, []) });
    render(<JobsPage />);
    expect(await screen.findByText('暂无待处理的工单')).toBeTruthy();
  });

  it('is reached from the queues page by technicians only', async () => {
    const queues = { 'GET /api/queues': () => answer(200, []) };
    saveSession(staffLogin(Role.Technician));
    serve(queues);
    const page = render(<QueuesPage />);
    await screen.findByText('暂无可处理的队列');
    await tap('field-jobs');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/jobs/index' });
    page.unmount();

    saveSession(staffLogin(Role.Dispatcher));
    render(<QueuesPage />);
    await screen.findByText('暂无可处理的队列');
    expect(document.getElementById('field-jobs')).toBeNull();
  });
});
