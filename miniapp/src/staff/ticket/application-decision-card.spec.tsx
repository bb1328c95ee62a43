import { render, screen } from '@testing-library/react';
import { ClockKind, Role, TicketStatus, TicketType } from '@utility/shared';
import { clockView, staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import TicketPage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const form = {
  ticketId: 5,
  kind: 'transfer',
  kindLabel: '过户',
  fields: [{ key: 'newHolderName', label: '新户主姓名', value: '李*' }],
  documents: [{ document: 'id_card', label: '身份证', photoIds: [3] }],
};
const application = (status: TicketStatus) =>
  ticketDetail({
    id: 5,
    type: TicketType.Application,
    status,
    clocks: [clockView({ kind: ClockKind.Decision, dueAt: '2026-11-26T10:00:00Z' })],
  });

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
});

describe("an application's decision on the ticket page", () => {
  it.each([
    ['application-approve', true],
    ['application-refuse', false],
  ])('%s sends the decision with the reason the resident reads, once one is written', async (button, approve) => {
    saveSession(staffLogin(Role.Agent));
    let decided = false;
    serve({
      'GET /api/tickets/5': () => answer(200, application(decided ? TicketStatus.Resolved : TicketStatus.Accepted)),
      'GET /api/applications/5': () => answer(200, form),
      'POST /api/applications/5/decision': () => {
        decided = true;
        return answer(200, application(TicketStatus.Resolved));
      },
    });
    render(<TicketPage />);
    expect((await screen.findByText(/须于/)).textContent).toBe('须于2026-11-26 18:00前答复是否办理');

    await tap(button);
    expect(byId('application-decision-reason-error').textContent).toBe('请填写办理意见');
    expect(posts()).toEqual([]);

    await typeInto('application-decision-reason', '材料齐全，3个工作日内办结');
    await tap(button);
    expect(posts()).toEqual([
      expect.objectContaining({
        url: '/api/applications/5/decision',
        data: { approve, reason: '材料齐全，3个工作日内办结' },
      }),
    ]);
    // Decided: the ticket is resolved and nothing is offered any more.
    await screen.findByText('已处理');
    expect(document.getElementById('application-decision')).toBeNull();
  });

  it('is not offered to a technician', async () => {
    saveSession(staffLogin(Role.Technician));
    serve({
      'GET /api/tickets/5': () => answer(200, application(TicketStatus.Accepted)),
      'GET /api/applications/5': () => answer(200, form),
    });
    render(<TicketPage />);
    await screen.findByText('申请内容 · 过户');
    expect(document.getElementById('application-decision')).toBeNull();
  });
});
