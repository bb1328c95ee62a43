import { act, render, screen, waitFor } from '@testing-library/react';
import { TicketType, type FeedbackRequestCreated } from '@utility/shared';
import { NOTICE_TEMPLATES, boundAccount, residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import ComplaintPage from './index';
import ReportPage, { ANONYMOUS_EXPLAINED, NAMED_EXPLAINED } from './report';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const filed = (over: Partial<FeedbackRequestCreated> = {}): FeedbackRequestCreated => ({
  ticketId: 31,
  no: '20261123000031',
  type: TicketType.Complaint,
  typeLabel: '投诉',
  status: 'accepted' as FeedbackRequestCreated['status'],
  resolveBy: '2026-11-30T16:00:00Z',
  anonymous: false,
  ...over,
});

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('投诉 form', () => {
  it('complains about the ticket it was opened from, with a key, and says when it will be answered', async () => {
    taro.setRouterParams({ ticketId: '5' });
    serve({
      'GET /api/my/tickets/5': () => answer(200, residentTicket()),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/complaints': () => answer(201, filed()),
    });
    render(<ComplaintPage />);
    await screen.findByText('一般报修 · T202611230005');
    await typeInto('complaint-text', '师傅敷衍了事，问题没有解决');
    await tap('complaint-submit');

    expect(posts()[0].url).toBe('/api/complaints');
    expect(posts()[0].data).toEqual({ ticketId: 5, text: '师傅敷衍了事，问题没有解决' });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts()[0].header.Authorization).toBe('Bearer res-tok-1');
    expect(byId('filed-no').textContent).toBe('投诉 · 工单号 20261123000031');
    expect(byId('filed-due').textContent).toBe('我们将在 2026-12-01 00:00 前答复您');
  });

  it('refuses a complaint of fewer than 5 characters without sending it', async () => {
    serve({ 'GET /api/accounts': () => answer(200, [boundAccount()]) });
    render(<ComplaintPage />);
    await typeInto('complaint-text', '太慢');
    await tap('complaint-submit');
    expect(byId('complaint-text-error').textContent).toBe('请描述投诉内容（至少5个字）');
    expect(posts()).toEqual([]);
  });

  it('names the chosen account on a general complaint, keeps it when offline, and resends it with the same key', async () => {
    serve({
      'GET /api/accounts': () =>
        answer(200, [boundAccount(), boundAccount({ id: 2, accountNo: '9100000002', label: '父母家' })]),
      'POST /api/complaints': offline,
    });
    const first = render(<ComplaintPage />);
    await waitFor(() => expect(byId('complaint-account-value').textContent).toBe('不涉及具体户号'));
    act(() => {
      byId('complaint-account').dispatchEvent(new CustomEvent('change', { detail: { value: 2 } }));
    });
    expect(byId('complaint-account-value').textContent).toBe('燃气 · 9100000002（父母家）');
    await typeInto('complaint-text', '营业厅工作人员态度很差');
    await tap('complaint-submit');
    expect(byId('complaint-notice').textContent).toContain('已暂存');
    const key = posts()[0].header['Idempotency-Key'];
    expect(posts()[0].data).toEqual({ accountId: 2, text: '营业厅工作人员态度很差' });
    first.unmount();

    taro.request.mockReset();
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/complaints': () => answer(201, filed()),
    });
    render(<ComplaintPage />);
    await waitFor(() => expect(byId('complaint-notice').textContent).toContain('已恢复'));
    await tap('complaint-submit');
    expect(posts()[0].header['Idempotency-Key']).toBe(key);
    await screen.findByText('投诉已提交');
  });
});

describe('举报 form', () => {
  const toggle = (value: boolean) =>
    act(() => {
      byId('report-anonymous').dispatchEvent(new CustomEvent('change', { detail: { value } }));
    });

  it('is anonymous unless turned off, and says what that means either way', async () => {
    serve({
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/misconduct-reports': () =>
        answer(201, filed({ type: TicketType.MisconductReport, typeLabel: '举报', anonymous: true })),
    });
    render(<ReportPage />);
    expect(byId('report-anonymous-explain').textContent).toBe(ANONYMOUS_EXPLAINED);
    toggle(false);
    expect(byId('report-anonymous-explain').textContent).toBe(NAMED_EXPLAINED);
    expect(byId('report-submit').textContent).toBe('实名提交举报');
    toggle(true);
    await typeInto('report-text', '抄表员收取现金不开票');
    await tap('report-submit');

    expect(posts()[0].data).toEqual({ text: '抄表员收取现金不开票', anonymous: true });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    await screen.findByText('本举报为匿名举报，处理人员看不到您的身份。');
  });
});
