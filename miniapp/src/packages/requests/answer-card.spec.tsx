import { render, screen } from '@testing-library/react';
import { ResidentStep, TicketType } from '@utility/shared';
import { NOTICE_TEMPLATES, residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import RequestDetailPage from './detail';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const consultation = (canCheck: boolean) =>
  residentTicket({
    type: TicketType.Consultation,
    typeLabel: '咨询',
    step: ResidentStep.Done,
    stepLabel: '已处理',
    canCancel: false,
    answer: { text: '可以分期，请到营业厅签订协议。', articleId: 12, at: '2026-12-08T03:00:00Z', canCheck },
  });

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
  taro.setRouterParams({ id: '5' });
});

describe('an answered question on its request page', () => {
  it('shows the answer and its article, and 未解决 sends it back to customer service', async () => {
    serve({
      'GET /api/my/tickets/5': () => answer(200, consultation(true)),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/my/tickets/5/answer-check': () => answer(200, consultation(false)),
    });
    render(<RequestDetailPage />);
    await screen.findByText('可以分期，请到营业厅签订协议。');
    await tap('request-answer-article');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/info/article?id=12' });
    await tap('request-answer-unsolved');
    expect(posts()[0]).toMatchObject({ url: '/api/my/tickets/5/answer-check', data: { solved: false } });
    expect(document.getElementById('request-answer-solved')).toBeNull();
  });

  it('asks nothing once checked', async () => {
    serve({
      'GET /api/my/tickets/5': () => answer(200, consultation(false)),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    });
    render(<RequestDetailPage />);
    await screen.findByText('客服答复');
    expect(byId('request-answer-text').textContent).toBe('可以分期，请到营业厅签订协议。');
    expect(document.getElementById('request-answer-unsolved')).toBeNull();
  });
});
