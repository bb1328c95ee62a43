import { render, screen, waitFor } from '@testing-library/react';
import {
  ClockKind,
  RatingLevel,
  ReturnVisitOutcome,
  ReturnVisitReason,
  Role,
  TicketStatus,
  TicketType,
  type ReturnVisitView,
} from '@utility/shared';
import { clockView, staffLogin } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import VisitsPage from './index';
import VisitPage from './visit';
import { EMPTY_VISIT_FORM, outcomeHint, validateVisitAttempt } from './visit-form';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const visitView = (over: Partial<ReturnVisitView> = {}): ReturnVisitView => ({
  id: 12,
  no: '20261123000012',
  status: TicketStatus.Accepted,
  reason: ReturnVisitReason.Policy,
  draw: null,
  rate: null,
  dueAt: '2026-11-24T06:00:00Z',
  disaster: false,
  visited: {
    id: 4,
    no: '20261123000004',
    type: TicketType.Repair,
    typeLabel: '一般报修',
    resolution: 1,
    resolvedAt: '2026-11-23T06:00:00Z',
    handledBy: '张师傅',
    description: '暖气片不热',
  },
  contactName: '王秀英',
  contactPhone: '138****5678',
  attempts: [],
  attemptsLeft: 3,
  outcome: null,
  followUp: null,
  clocks: [clockView({ kind: ClockKind.Resolve, dueAt: '2099-11-24T06:00:00Z' })],
  ...over,
});

describe('visit attempt form', () => {
  it.each([
    ['nothing chosen', EMPTY_VISIT_FORM, { reached: '请选择是否接通' }],
    [
      'reached without a level or verdict',
      { ...EMPTY_VISIT_FORM, reached: true },
      { level: '请记录居民的满意程度', fixed: '请记录问题是否解决' },
    ],
  ])('refuses %s', (_name, form, errors) => expect(validateVisitAttempt(form)).toEqual({ ok: false, errors }));

  it('drops what was tapped before the agent switched to 未接通', () => {
    const form = { reached: false, level: RatingLevel.Satisfied, fixed: true, note: ' 关机 ' };
    expect(validateVisitAttempt(form)).toEqual({ ok: true, request: { reached: false, note: '关机' } });
  });

  it('warns of the follow-up and of the last call', () => {
    expect(outcomeHint({ ...EMPTY_VISIT_FORM, reached: true, fixed: false }, 3)).toContain('重新处理或转为投诉');
    expect(
      outcomeHint({ ...EMPTY_VISIT_FORM, reached: true, fixed: true, level: RatingLevel.Dissatisfied }, 3),
    ).toContain('居民不满意：记录后将转为投诉');
    expect(outcomeHint({ ...EMPTY_VISIT_FORM, reached: false }, 3)).toBe('未接通，还可再拨打 2 次。');
    expect(outcomeHint({ ...EMPTY_VISIT_FORM, reached: false }, 1)).toContain('最后一次');
    expect(outcomeHint({ ...EMPTY_VISIT_FORM, reached: true, fixed: true, level: RatingLevel.VerySatisfied }, 3)).toBe(
      '',
    );
  });
});

describe('回访 pages', () => {
  beforeEach(() => {
    taro.resetTaroMock();
    saveSession(staffLogin(Role.Agent));
  });

  it('lists each task with the work visited, who did it and the visit’s clock', async () => {
    serve({
      'GET /api/return-visits': () =>
        answer(200, [
          visitView({
            attempts: [
              {
                attempt: 1,
                at: '2026-11-23T07:00:00Z',
                agentName: '王晓梅',
                reached: false,
                level: null,
                levelLabel: null,
                fixed: null,
                note: '',
              },
            ],
          }),
        ]),
    });
    render(<VisitsPage />);
    const row = await screen.findByText('一般报修 · 20261123000004');
    expect(row.closest('.visit-row')!.textContent).toContain('处理人：张师傅');
    expect(byId('visit-20261123000012-attempts').textContent).toBe('已拨打 1/3');
    expect(row.closest('.visit-row')!.querySelector('.clock__label')!.textContent).toBe('办结');
  });

  it('records a reached call that finds the problem not fixed, and shows the complaint it opened', async () => {
    taro.setRouterParams({ id: '12' });
    const after = visitView({
      status: TicketStatus.Closed,
      attemptsLeft: 0,
      outcome: ReturnVisitOutcome.NotFixed,
      followUp: { kind: 'reopened', ticketId: 4, no: '20261123000004' },
      attempts: [
        {
          attempt: 1,
          at: '2026-11-23T07:00:00Z',
          agentName: '王晓梅',
          reached: true,
          level: RatingLevel.FairlySatisfied,
          levelLabel: '基本满意',
          fixed: false,
          note: '还是不热',
        },
      ],
    });
    serve({
      'GET /api/return-visits/12': () => answer(200, visitView()),
      'POST /api/return-visits/12/attempts': () => answer(201, after),
    });
    render(<VisitPage />);
    await waitFor(() => expect(byId('visit-submit')).toBeTruthy());
    await tap('visit-reached-yes');
    await tap('visit-level-fairly_satisfied');
    await tap('visit-fixed-no');
    expect(byId('visit-hint').textContent).toContain('重新处理');
    await typeInto('visit-note', '还是不热');
    await tap('visit-submit');

    expect(posts()[0]).toMatchObject({
      url: '/api/return-visits/12/attempts',
      data: { reached: true, level: 'fairly_satisfied', fixed: false, note: '还是不热' },
    });
    expect(posts()[0].header['Idempotency-Key']).toBeUndefined();
    await waitFor(() => expect(byId('visit-outcome').textContent).toContain('回访完成：问题未解决'));
    expect(byId('visit-follow-up').textContent).toBe('原工单已重新受理 20261123000004');
    expect(document.getElementById('visit-submit')).toBeNull();
    expect(byId('visit-attempt-1').textContent).toContain('基本满意 · 问题未解决');
  });
});
