import { render, screen, waitFor } from '@testing-library/react';
import { Role, TicketStatus, TicketType } from '@utility/shared';
import { staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { windowChoices, windowOf } from '../../format/visit-windows';
import { saveSession } from '../../services/session';
import TicketPage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const repair = (status: TicketStatus, type = TicketType.Repair) =>
  ticketDetail({ id: 5, type, status, windowStart: '2026-11-24T01:00:00Z', windowEnd: '2026-11-24T04:00:00Z' });

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
  saveSession(staffLogin(Role.Agent));
});

describe('改约 on the staff ticket page', () => {
  it('moves the visit to the half-day picked, with the reason the server requires', async () => {
    const choice = windowChoices(new Date())[2];
    const moved = windowOf(choice)!;
    serve({
      'GET /api/tickets/5': () => answer(200, repair(TicketStatus.Assigned)),
      'POST /api/tickets/5/window': () => answer(200, repair(TicketStatus.Assigned)),
    });
    render(<TicketPage />);
    await screen.findByText('改约上门时间');

    pick('ticket-window-picker', 2);
    expect(byId('ticket-window-value').textContent).toBe(choice.label);
    await tap('ticket-window-confirm');
    expect(byId('ticket-window-error').textContent).toBe('请说明改约原因');
    expect(posts()).toEqual([]);

    await typeInto('ticket-window-reason', '用户来电改到周末');
    await tap('ticket-window-confirm');
    expect(posts()).toEqual([
      expect.objectContaining({
        url: '/api/tickets/5/window',
        data: { windowStart: moved.start, windowEnd: moved.end, reason: '用户来电改到周末' },
      }),
    ]);
    await waitFor(() => expect(document.getElementById('ticket-window-confirm')).toBeNull());
  });

  it.each([
    ['once the technician has set off', repair(TicketStatus.EnRoute)],
    ['on work without a home visit', repair(TicketStatus.Accepted, TicketType.Billing)],
  ])('is not offered %s', async (_when, ticket) => {
    serve({ 'GET /api/tickets/5': () => answer(200, ticket) });
    render(<TicketPage />);
    await screen.findByText(ticket.no, { exact: false });
    expect(document.getElementById('ticket-window-card')).toBeNull();
  });
});
