import { render, screen } from '@testing-library/react';
import { TicketType, type FeedbackRequestCreated } from '@utility/shared';
import { NOTICE_TEMPLATES, boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import ConsultPage from './index';
import SuggestionPage from './suggestion';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const filed = (over: Partial<FeedbackRequestCreated> = {}): FeedbackRequestCreated => ({
  ticketId: 41,
  no: '20261208000041',
  type: TicketType.Consultation,
  typeLabel: '咨询',
  status: 'submitted' as FeedbackRequestCreated['status'],
  resolveBy: '2026-12-09T16:00:00Z',
  anonymous: false,
  ...over,
});

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('咨询 page', () => {
  it('sends the question without an account, with a key, and says by when it is answered', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/consultations': () => answer(201, filed()),
    });
    render(<ConsultPage />);
    await screen.findByText('不涉及具体户号');
    await typeInto('consult-question', '燃气表余额不足怎么充值？');
    await tap('consult-submit');
    expect(posts()[0].url).toBe('/api/consultations');
    expect(posts()[0].data).toEqual({ question: '燃气表余额不足怎么充值？' });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts()[0].header.Authorization).toBe('Bearer res-tok-1');
    expect(byId('filed-no').textContent).toBe('咨询 · 工单号 20261208000041');
    expect(byId('filed-due').textContent).toBe('我们将在 2026-12-10 00:00 前答复您');
  });

  it('names the chosen account, and refuses a question of fewer than 5 characters without sending it', async () => {
    serve({ 'GET /api/accounts': () => answer(200, [boundAccount()]) });
    render(<ConsultPage />);
    // The text alone is not enough: an earlier test's picker overlay stays in <body> with it.
    await screen.findByText('不涉及具体户号', { selector: '#consult-account-value' });
    pick('consult-account', 1);
    expect(byId('consult-account-value').textContent).toContain('9100000001');
    await typeInto('consult-question', '充值');
    await tap('consult-submit');
    expect(byId('consult-question-error').textContent).toBe('请描述咨询的问题（至少5个字）');
    expect(posts()).toEqual([]);
  });
});

describe('建议 page', () => {
  it('sends the suggestion with the account chosen', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/suggestions': () => answer(201, filed({ type: TicketType.Suggestion, typeLabel: '建议' })),
    });
    render(<SuggestionPage />);
    await screen.findByText('不涉及具体户号', { selector: '#suggestion-account-value' });
    pick('suggestion-account', 1);
    await typeInto('suggestion-text', '建议营业厅周末也开放半天');
    await tap('suggestion-submit');
    expect(posts()[0].url).toBe('/api/suggestions');
    expect(posts()[0].data).toEqual({ text: '建议营业厅周末也开放半天', accountId: boundAccount().id });
    expect(byId('filed-no').textContent).toBe('建议 · 工单号 20261208000041');
  });
});
