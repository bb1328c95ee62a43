import { render, screen } from '@testing-library/react';
import { ClockKind, Role, TicketStatus, TicketType } from '@utility/shared';
import { clockView, staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import TicketPage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const replyClock = (over = {}) => clockView({ kind: ClockKind.FirstReply, dueAt: '2026-11-24T10:00:00Z', ...over });
const billing = (stoppedAt: string | null) =>
  ticketDetail({
    id: 5,
    type: TicketType.Billing,
    status: TicketStatus.Assigned,
    assigneeId: 7,
    clocks: [replyClock({ stoppedAt }), clockView({ kind: ClockKind.Resolve, dueAt: '2026-11-30T10:00:00Z' })],
  });

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
});

describe("a billing ticket's reply on the ticket page", () => {
  it('shows when the reply is due and records it; then shows when it was given, with no form', async () => {
    saveSession(staffLogin(Role.Agent));
    let replied = false;
    serve({
      'GET /api/tickets/5': () => answer(200, billing(replied ? '2026-11-23T08:00:00Z' : null)),
      'POST /api/tickets/5/first-reply': () => {
        replied = true;
        return answer(200, billing('2026-11-23T08:00:00Z'));
      },
    });
    render(<TicketPage />);
    expect((await screen.findByText(/须于/)).textContent).toBe('须于2026-11-24 18:00前答复用户');

    await tap('billing-reply-send');
    expect(byId('billing-reply-error').textContent).toBe('请填写答复内容');
    expect(posts()).toEqual([]);

    await typeInto('billing-reply', '重复扣款已核实，3个工作日内原路退回');
    await tap('billing-reply-send');
    expect(posts()).toEqual([
      expect.objectContaining({
        url: '/api/tickets/5/first-reply',
        data: { text: '重复扣款已核实，3个工作日内原路退回' },
      }),
    ]);
    expect((await screen.findByText(/已于/)).textContent).toBe('已于2026-11-23 16:00答复');
    expect(document.getElementById('billing-reply-send')).toBeNull();
  });

  it('offers the due time but no form to a technician', async () => {
    saveSession(staffLogin(Role.Technician));
    serve({ 'GET /api/tickets/5': () => answer(200, billing(null)) });
    render(<TicketPage />);
    await screen.findByText(/须于/);
    expect(document.getElementById('billing-reply-send')).toBeNull();
  });
});
