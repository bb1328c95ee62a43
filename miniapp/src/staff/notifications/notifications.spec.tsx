import { render, screen, waitFor } from '@testing-library/react';
import { Role, type StaffNotificationView } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, sent, serve } from '../../../test/serve';
import { tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import QueuesPage from '../queues/index';
import NotificationsPage from './index';

const breach: StaffNotificationView = {
  id: 41,
  kind: 'sla_breach',
  title: '工单超时：20260803000012',
  body: '报修工单 20260803000012 响应已超时，优先级已升为「加急」，请尽快督办。',
  url: '/staff/ticket/index?id=12',
  ticketId: 12,
  createdAt: '2026-08-03T02:31:00.000Z',
  readAt: null,
};
const older: StaffNotificationView = {
  ...breach,
  id: 40,
  title: '旧通知',
  url: null,
  readAt: '2026-08-02T01:00:00.000Z',
};

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Supervisor));
});

describe('the notification centre', () => {
  it('lists notifications, marks an unread one read on tap and opens its ticket', async () => {
    serve({
      'GET /api/staff/notifications': () => answer(200, [breach, older]),
      'POST /api/staff/notifications/41/read': () => answer(201, { ...breach, readAt: '2026-08-03T03:00:00.000Z' }),
    });
    render(<NotificationsPage />);
    await screen.findByText('工单超时：20260803000012');
    expect(document.getElementById('notification-41')?.textContent).toContain('未读');
    expect(document.getElementById('notification-40')?.textContent).toContain('已读');

    await tap('notification-41');
    await waitFor(() => expect(document.getElementById('notification-41')?.textContent).toContain('已读'));
    expect(sent()).toContain('POST /api/staff/notifications/41/read');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=12' });
  });

  it('does not mark a read notification again', async () => {
    serve({ 'GET /api/staff/notifications': () => answer(200, [older]) });
    render(<NotificationsPage />);
    await screen.findByText('旧通知');
    await tap('notification-40');
    expect(sent().filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('says so when there is nothing', async () => {
    serve({ 'GET /api/staff/notifications': () => answer(200, []) });
    render(<NotificationsPage />);
    await screen.findByText('暂无通知');
  });
});

describe('the unread badge on the staff home', () => {
  it('shows the unread count and opens the centre', async () => {
    serve({
      'GET /api/queues': () => answer(200, []),
      'GET /api/staff/notifications?unread=true': () => answer(200, [breach, { ...breach, id: 42 }]),
    });
    render(<QueuesPage />);
    await waitFor(() => expect(document.getElementById('notifications-unread')?.textContent).toBe('2'));
    await tap('notifications-entry');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/notifications/index' });
  });

  it('shows no badge when all are read', async () => {
    serve({
      'GET /api/queues': () => answer(200, []),
      'GET /api/staff/notifications?unread=true': () => answer(200, []),
    });
    render(<QueuesPage />);
    await screen.findByText('暂无可处理的队列');
    expect(document.getElementById('notifications-unread')).toBeNull();
  });
});
