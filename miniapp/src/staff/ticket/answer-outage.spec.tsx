import { render, screen } from '@testing-library/react';
import { ClockKind, Role, TicketStatus, TicketType } from '@utility/shared';
import { clockView, staffLogin, ticketDetail, ticketView } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { TicketRow } from '../queues/ticket-row';
import TicketPage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const article = {
  id: 12,
  kind: 'faq',
  kindLabel: '常见问题',
  title: '暖气费可以分期吗',
  tags: [],
  fees: null,
  published: true,
  updatedAt: '2026-12-01T00:00:00Z',
};

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
});

describe('a question on the staff ticket page', () => {
  it('is answered from the knowledge base in one click, its article recorded', async () => {
    saveSession(staffLogin(Role.Agent));
    const question = ticketDetail({
      id: 5,
      type: TicketType.Consultation,
      status: TicketStatus.Submitted,
      clocks: [clockView({ kind: ClockKind.Answer, dueAt: '2026-12-09T16:00:00Z' })],
    });
    serve({
      'GET /api/tickets/5': () => answer(200, question),
      [`GET /api/staff/knowledge?q=${encodeURIComponent('分期')}`]: () =>
        answer(200, [{ ...article, summary: '可以分期…' }]),
      'GET /api/staff/knowledge/12': () => answer(200, { ...article, body: '可以，请到营业厅签订分期缴费协议。' }),
      'POST /api/tickets/5/answer': () => answer(200, { ...question, status: TicketStatus.Resolved }),
    });
    render(<TicketPage />);
    await screen.findByText('答复居民');
    expect(byId('answer-due').textContent).toBe('须于2026-12-10 00:00前答复');
    await typeInto('answer-knowledge-q', '分期');
    await tap('answer-knowledge-search');
    await screen.findByText('暖气费可以分期吗');
    await tap('answer-knowledge-use-12');
    expect(posts()[0]).toMatchObject({
      url: '/api/tickets/5/answer',
      data: { text: '可以，请到营业厅签订分期缴费协议。', articleId: 12 },
    });
  });

  it('refuses an empty answer without sending it', async () => {
    saveSession(staffLogin(Role.Agent));
    serve({
      'GET /api/tickets/5': () =>
        answer(200, ticketDetail({ id: 5, type: TicketType.Suggestion, status: TicketStatus.Accepted })),
    });
    render(<TicketPage />);
    await screen.findByText('答复居民');
    await tap('answer-send');
    expect(byId('answer-text-error').textContent).toBe('答复至少2个字');
    expect(posts()).toEqual([]);
  });
});

describe('a fault linked to an outage', () => {
  const linked = ticketDetail({
    id: 5,
    outage: { outageId: 3, label: '停气', reason: '中压管线抢修', restoreBy: '2026-12-08T10:00:00Z', restoredAt: null },
  });

  it('shows its outage and dispatch unlinks it', async () => {
    saveSession(staffLogin(Role.Dispatcher));
    serve({
      'GET /api/tickets/5': () => answer(200, linked),
      'POST /api/staff/outages/3/tickets/5/unlink': () => answer(204, null),
    });
    render(<TicketPage />);
    await screen.findByText('属于停气 #3，预计2026-12-08 18:00恢复');
    await tap('ticket-outage-unlink');
    expect(posts()[0].url).toBe('/api/staff/outages/3/tickets/5/unlink');
  });

  it('an agent sees it but may not unlink', async () => {
    saveSession(staffLogin(Role.Agent));
    serve({ 'GET /api/tickets/5': () => answer(200, linked) });
    render(<TicketPage />);
    await screen.findByText('属于停气 #3，预计2026-12-08 18:00恢复');
    expect(document.getElementById('ticket-outage-unlink')).toBeNull();
  });
});

describe('the queue row of a fault linked to an outage', () => {
  it('names the outage and when supply is expected back; other rows say nothing', () => {
    const outage = {
      outageId: 3,
      label: '停热',
      reason: '换热站检修',
      restoreBy: '2026-12-08T10:00:00Z',
      restoredAt: null,
    };
    render(<TicketRow ticket={ticketView({ no: 'T1', outage })} />);
    expect(byId('ticket-T1-outage').textContent).toBe('属于停热 #3，预计2026-12-08 18:00恢复');
    render(<TicketRow ticket={ticketView({ no: 'T2' })} />);
    expect(document.getElementById('ticket-T2-outage')).toBeNull();
  });
});
