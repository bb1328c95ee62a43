import { render, screen, waitFor } from '@testing-library/react';
import { ComplaintGrade, Role, TicketStatus, TicketType, type TicketFeedbackView } from '@utility/shared';
import { staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { yuanToFen } from './compensation-amount';
import TicketPage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const feedback = (over: Partial<TicketFeedbackView> = {}): TicketFeedbackView => ({
  ticketId: 5,
  grade: null,
  gradeLabel: null,
  firstReplyAt: null,
  compensation: null,
  anonymous: false,
  relatedTicket: { id: 2, no: '20261123000002' },
  ratings: [],
  ...over,
});
const complaint = ticketDetail({ id: 5, type: TicketType.Complaint, status: TicketStatus.Assigned, assigneeId: 7 });

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
});

describe('yuanToFen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.35', 1235],
    [' 0.01 ', 1],
    ['0', null],
    ['12.345', null],
    ['-3', null],
    ['1e3', null],
    ['', null],
  ])('%j → %j', (text, fen) => expect(yuanToFen(text)).toBe(fen));
});

describe('complaint handling on the ticket page', () => {
  it('lets an agent grade the complaint and record the first reply, but not approve a compensation', async () => {
    saveSession(staffLogin(Role.Agent));
    serve({
      'GET /api/tickets/5': () => answer(200, complaint),
      'GET /api/tickets/5/feedback': () => answer(200, feedback()),
      'POST /api/tickets/5/grade': () => answer(200, complaint),
      'POST /api/tickets/5/first-reply': () => answer(200, complaint),
    });
    render(<TicketPage />);
    await waitFor(() => expect(byId('complaint-grade').textContent).toBe('未定级'));
    expect(screen.getByText('关联工单 20261123000002')).toBeTruthy();
    expect(document.getElementById('compensation-amount')).toBeNull();

    await tap('grade-1');
    expect(byId('grade-submit').textContent).toBe('定为一级并转主管');
    await tap('grade-submit');
    expect(posts()[0]).toMatchObject({ url: '/api/tickets/5/grade', data: { grade: 1 } });

    await typeInto('first-reply-text', '已联系居民说明情况');
    await tap('first-reply-submit');
    expect(posts()[1]).toMatchObject({ url: '/api/tickets/5/first-reply', data: { text: '已联系居民说明情况' } });
  });

  it('tells an agent that a grade-1 complaint is the supervisor’s to close', async () => {
    saveSession(staffLogin(Role.Agent));
    serve({
      'GET /api/tickets/5': () => answer(200, complaint),
      'GET /api/tickets/5/feedback': () => answer(200, feedback({ grade: ComplaintGrade.One, gradeLabel: '一级' })),
    });
    render(<TicketPage />);
    await screen.findByText('一级投诉须由主管办结、批准补偿。');
    expect(byId('complaint-grade').textContent).toBe('一级投诉');
  });

  it('lets a supervisor approve a compensation in integer fen, after checking the amount', async () => {
    saveSession(staffLogin(Role.Supervisor));
    serve({
      'GET /api/tickets/5': () => answer(200, complaint),
      'GET /api/tickets/5/feedback': () =>
        answer(200, feedback({ grade: ComplaintGrade.One, gradeLabel: '一级', firstReplyAt: '2026-11-23T06:00:00Z' })),
      'POST /api/tickets/5/compensation': () => answer(201, {}),
    });
    render(<TicketPage />);
    await waitFor(() => expect(byId('compensation-amount')).toBeTruthy());
    expect(screen.queryByText('一级投诉须由主管办结、批准补偿。')).toBeNull();
    await typeInto('compensation-amount', '12.345');
    await typeInto('compensation-reason', '上门超时');
    await tap('compensation-submit');
    expect(byId('complaint-panel-error').textContent).toBe('请输入补偿金额（元，最多两位小数）');
    expect(posts()).toEqual([]);

    await typeInto('compensation-amount', '50.5');
    await tap('compensation-submit');
    expect(posts()[0]).toMatchObject({
      url: '/api/tickets/5/compensation',
      data: { amountFen: 5050, reason: '上门超时' },
    });
  });

  it('shows an anonymous report without anything about who sent it', async () => {
    saveSession(staffLogin(Role.Supervisor));
    const report = ticketDetail({ id: 5, type: TicketType.MisconductReport, contactName: '匿名', contactPhone: '' });
    serve({
      'GET /api/tickets/5': () => answer(200, report),
      'GET /api/tickets/5/feedback': () => answer(200, feedback({ anonymous: true, relatedTicket: null })),
    });
    render(<TicketPage />);
    await waitFor(() => expect(byId('complaint-anonymous').textContent).toContain('匿名举报'));
    // Reports are not graded.
    expect(document.getElementById('grade-1')).toBeNull();
    expect(document.getElementById('complaint-grade')).toBeNull();
  });
});

describe('application form on the ticket page', () => {
  it('shows what the resident filed, masked, and which documents came without a photo', async () => {
    saveSession(staffLogin(Role.Agent));
    const application = ticketDetail({ id: 5, type: TicketType.Application });
    serve({
      'GET /api/tickets/5': () => answer(200, application),
      'GET /api/applications/5': () =>
        answer(200, {
          ticketId: 5,
          kind: 'transfer',
          kindLabel: '过户',
          fields: [
            { key: 'newHolderName', label: '新户主姓名', value: '李建华' },
            { key: 'idNumber', label: '身份证号', value: '110***********1234' },
          ],
          documents: [
            { document: 'id_card', label: '申请人身份证', photoIds: [3, 4] },
            { document: 'previous_holder_consent', label: '原户主同意书', photoIds: [] },
          ],
        }),
    });
    render(<TicketPage />);
    await screen.findByText('申请内容 · 过户');
    const text = byId('application-form').textContent;
    expect(text).toContain('身份证号110***********1234');
    expect(text).toContain('申请人身份证2 张照片');
    expect(text).toContain('原户主同意书未上传');
    expect(taro.request.mock.calls.map(([o]) => o.header.Authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1']);
  });
});
