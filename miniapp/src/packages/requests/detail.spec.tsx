import { render, screen, waitFor } from '@testing-library/react';
import { RatingLevel, ResidentStep, TicketType } from '@utility/shared';
import { NOTICE_TEMPLATES, residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { askSubscribe as askSubscribeWeapp } from '../../platform/subscribe.weapp';
import { windowChoices, windowOf } from '../../format/visit-windows';
import RequestDetailPage from './detail';

const posted = (url: string) =>
  taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST' && o.url === url);

async function openDetail(ticket = residentTicket(), extra: Parameters<typeof serve>[0] = {}) {
  serve({
    ...extra,
    'GET /api/my/tickets/5': () => answer(200, ticket),
    'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    'POST /api/my/tickets/5/cancel': () =>
      answer(200, { ...ticket, step: ResidentStep.Cancelled, stepLabel: '已取消', canCancel: false }),
    'POST /api/my/tickets/5/subscriptions': ({ data }) =>
      answer(201, { accepted: (data as { templateIds: string[] }).templateIds }),
  });
  render(<RequestDetailPage />);
  await screen.findByText(ticket.no, { exact: false });
}

const notices = () => waitFor(() => expect(byId('subscribe-notices').hasAttribute('disabled')).toBe(false));

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
  signInResident();
});

describe('request detail', () => {
  it("tells the progress in the resident's words, oldest first, in Shanghai time, with the technician's surname", async () => {
    await openDetail(
      residentTicket({
        step: ResidentStep.OnTheWay,
        stepLabel: '师傅在路上',
        technician: { surname: '张', phone: null },
        canCancel: false,
        timeline: [
          { at: '2026-11-23T05:40:00Z', step: ResidentStep.OnTheWay, label: '师傅在路上' },
          { at: '2026-11-23T05:00:00Z', step: ResidentStep.Submitted, label: '已提交' },
          { at: '2026-11-23T05:10:00Z', step: ResidentStep.Accepted, label: '已受理' },
          { at: '2026-11-23T05:20:00Z', step: ResidentStep.Dispatched, label: '已派单' },
        ],
      }),
    );

    const items = [...document.querySelectorAll('.resident-timeline-item')].map((i) => i.textContent);
    expect(items).toEqual([
      '已提交2026-11-23 13:00',
      '已受理2026-11-23 13:10',
      '已派单2026-11-23 13:20',
      '师傅在路上2026-11-23 13:40',
    ]);
    expect(byId('request-technician').textContent).toBe('上门师傅：张师傅');
    expect(document.getElementById('request-cancel')).toBeNull();
  });

  it('cancels after the resident confirms, with the reason', async () => {
    await openDetail();

    await tap('request-cancel');
    expect(posted('/api/my/tickets/5/cancel')).toHaveLength(0);
    await typeInto('cancel-reason', '已自行修好');
    await tap('cancel-confirm');

    expect(posted('/api/my/tickets/5/cancel')).toEqual([expect.objectContaining({ data: { reason: '已自行修好' } })]);
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(document.getElementById('request-cancel')).toBeNull();
  });

  it('sends a resident who is not signed in to login, coming back here', () => {
    taro.resetTaroMock();
    taro.setRouterParams({ id: '5' });
    render(<RequestDetailPage />);
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/packages/auth/login?from=${encodeURIComponent('/packages/requests/detail?id=5')}`,
    });
  });
});

describe('technician, arrival and sign-off', () => {
  const resolved = (over = {}) =>
    residentTicket({
      step: ResidentStep.ToRate,
      stepLabel: '待评价',
      technician: { surname: '张', phone: '139****0001' },
      canCancel: false,
      canConfirm: true,
      canReportNotFixed: true,
      ...over,
    });

  it("shows the technician's surname and masked phone, and the arrival time while on the way", async () => {
    await openDetail(
      residentTicket({
        step: ResidentStep.OnTheWay,
        stepLabel: '师傅在路上',
        technician: { surname: '张', phone: '139****0001' },
        eta: '2026-11-23T06:05:00Z',
        canCancel: false,
      }),
    );
    expect(byId('request-technician').textContent).toBe('上门师傅：张师傅 139****0001');
    expect(byId('request-eta').textContent).toBe('师傅预计 14:05 到达');
    expect(document.getElementById('request-confirm')).toBeNull();
    expect(document.getElementById('request-not-fixed')).toBeNull();
  });

  it('no arrival time once the technician is there', async () => {
    await openDetail(residentTicket({ step: ResidentStep.Arrived, stepLabel: '已到达', eta: null, canCancel: false }));
    expect(document.getElementById('request-eta')).toBeNull();
  });

  it('确认完成 confirms the resolved work', async () => {
    await openDetail(resolved(), {
      'POST /api/my/tickets/5/confirm': () => answer(200, resolved({ canConfirm: false })),
    });

    await tap('request-confirm');

    expect(posted('/api/my/tickets/5/confirm')).toHaveLength(1);
    expect(document.getElementById('request-confirm')).toBeNull();
    expect(byId('request-not-fixed')).toBeTruthy();
  });

  it('没有修好 asks what is still wrong, then reopens the ticket with it', async () => {
    await openDetail(resolved(), {
      'POST /api/my/tickets/5/not-fixed': () =>
        answer(
          200,
          resolved({ step: ResidentStep.Accepted, stepLabel: '已受理', canConfirm: false, canReportNotFixed: false }),
        ),
    });

    await tap('request-not-fixed');
    await tap('not-fixed-submit');
    expect(byId('not-fixed-reason-error').textContent).toBe('请说明哪里没有修好');
    expect(posted('/api/my/tickets/5/not-fixed')).toHaveLength(0);

    await typeInto('not-fixed-reason', '修完第二天又打不着火了');
    await tap('not-fixed-submit');

    expect(posted('/api/my/tickets/5/not-fixed')).toEqual([
      expect.objectContaining({ data: { reason: '修完第二天又打不着火了' } }),
    ]);
    await waitFor(() => expect(document.querySelector('.step-badge')?.textContent).toBe('已受理'));
    expect(document.getElementById('request-not-fixed')).toBeNull();
  });
});

describe('consent before the work, and reaching the technician', () => {
  const quote = {
    id: 8,
    lines: [{ code: 'gas-valve', name: '灶前阀更换（含材料）', unit: '个', qty: 1, unitFen: 6000, amountFen: 6000 }],
    totalFen: 6000,
    status: 'pending' as const,
    sentAt: '2026-11-23T06:10:00Z',
    acceptedAt: null,
    acceptedVia: null,
  };
  const onSite = (over = {}) =>
    residentTicket({
      step: ResidentStep.Arrived,
      stepLabel: '已到达',
      technician: { surname: '张', phone: '139****0001', dialPhone: '13900000001', employeeNo: 'GR-0107' },
      canCancel: false,
      canConfirm: true,
      quote,
      ...over,
    });

  it("shows the technician's 工号 and a call button to their work phone, the number masked in the text", async () => {
    await openDetail(onSite());
    expect(byId('request-technician').textContent).toBe('上门师傅：张师傅 139****0001');
    expect(byId('request-technician-employee-no').textContent).toBe('工号 GR-0107');
    expect(byId('request-technician-call').getAttribute('href')).toBe('tel:13900000001');
  });

  it('offers the hotline at one tap, also once the request is done', async () => {
    await openDetail(residentTicket({ step: ResidentStep.Done, stepLabel: '已完成', canCancel: false }));
    // H5 build: a tel: link (the mini-program's twin calls Taro.makePhoneCall).
    expect(byId('request-hotline').getAttribute('href')).toBe('tel:96777');
    expect(byId('request-hotline').textContent).toBe('拨打服务热线 96777');
  });

  it('no call button once the job is over (the server gives no number to dial)', async () => {
    await openDetail(
      onSite({ step: ResidentStep.ToRate, technician: { surname: '张', phone: '139****0001', dialPhone: null } }),
    );
    expect(document.getElementById('request-technician-call')).toBeNull();
  });

  it('shows the quote with its total and accepts exactly the quote shown', async () => {
    await openDetail(onSite(), {
      'POST /api/my/tickets/5/quote/accept': () =>
        answer(
          200,
          onSite({
            quote: { ...quote, status: 'accepted', acceptedAt: '2026-11-23T06:12:00Z', acceptedVia: 'in_app' },
          }),
        ),
    });
    expect(byId('request-quote').textContent).toContain('灶前阀更换（含材料） × 1个');
    expect(byId('request-quote-total').textContent).toBe('¥60.00');

    await tap('request-quote-accept');

    expect(posted('/api/my/tickets/5/quote/accept')).toEqual([expect.objectContaining({ data: { quoteId: 8 } })]);
    await waitFor(() => expect(byId('request-quote-status').textContent).toBe('您已同意报价'));
    expect(document.getElementById('request-quote-accept')).toBeNull();
  });

  it('on site, 确认完成 is asked for while the technician is there', async () => {
    await openDetail(onSite({ quote: null }));
    expect(document.querySelector('.sign-off .card__title')?.textContent).toBe('师傅在现场，请确认维修结果');
    expect(byId('request-confirm')).toBeTruthy();
  });
});

describe('改约上门时间', () => {
  const inDays = (days: number, hours = 0) => new Date(Date.now() + (days * 24 + hours) * 3_600_000).toISOString();
  const booked = (over: Parameters<typeof residentTicket>[0] = {}) =>
    residentTicket({ windowStart: inDays(3), windowEnd: inDays(3, 3), ...over });

  it('moves the booked visit to the half-day picked, before anyone sets off', async () => {
    const choice = windowChoices(new Date())[1];
    const moved = windowOf(choice)!;
    await openDetail(booked(), {
      'POST /api/my/tickets/5/window': () =>
        answer(200, booked({ windowStart: new Date(moved.start).toISOString(), windowEnd: moved.end })),
    });
    expect(byId('request-move-window').textContent).toContain('改约上门时间');
    expect(document.getElementById('request-move-window-confirm')).toBeNull();

    pick('request-move-window-picker', 1);
    expect(byId('request-move-window-value').textContent).toBe(choice.label);
    await tap('request-move-window-confirm');

    expect(posted('/api/my/tickets/5/window')).toEqual([
      expect.objectContaining({ data: { windowStart: moved.start, windowEnd: moved.end } }),
    ]);
    await waitFor(() => expect(document.getElementById('request-move-window-confirm')).toBeNull());
  });

  it.each([
    ['once the technician has set off', booked({ step: ResidentStep.OnTheWay, stepLabel: '师傅在路上' })],
    ['once the booked window has begun', booked({ windowStart: inDays(0, -1), windowEnd: inDays(0, 2) })],
    ['for work with no home visit (a complaint)', booked({ type: TicketType.Complaint, typeLabel: '投诉' })],
  ])('is not offered %s', async (_when, ticket) => {
    await openDetail(ticket);
    expect(document.getElementById('request-move-window')).toBeNull();
  });
});

describe('what was asked for', () => {
  it('names the fault reported and the agreed window, not just 一般报修', async () => {
    await openDetail(
      residentTicket({
        categoryLabel: '没气',
        windowStart: '2026-11-25T01:00:00.000Z',
        windowEnd: '2026-11-25T04:00:00.000Z',
      }),
    );
    expect(byId('request-title').textContent).toBe('一般报修 · 没气');
    expect(byId('request-window').textContent).toBe('预约时段：11月25日 09:00–12:00');
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '一般报修详情' });
  });

  it('titles an inspection as one, with its booked half-day', async () => {
    await openDetail(
      residentTicket({
        type: TicketType.Inspection,
        typeLabel: '安检预约',
        windowStart: '2026-12-10T01:00:00.000Z',
        windowEnd: '2026-12-10T04:00:00.000Z',
      }),
    );
    expect(byId('request-title').textContent).toBe('安检预约');
    expect(byId('request-window').textContent).toBe('预约时段：12月10日 09:00–12:00');
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '安检预约详情' });
  });
});

describe('progress notices', () => {
  it('H5: posts exactly the templates the tester leaves ticked', async () => {
    await openDetail();
    await notices();

    await tap('subscribe-notices');
    (byId('subscribe-template-progress') as HTMLInputElement).click(); // untick
    await tap('subscribe-confirm');

    await waitFor(() => expect(posted('/api/my/tickets/5/subscriptions')).toHaveLength(1));
    expect(posted('/api/my/tickets/5/subscriptions')[0].data).toEqual({ templateIds: ['TPL_ACC', 'TPL_RES'] });
    expect(document.querySelector('.mock-sheet')).toBeNull();
  });

  it('H5: nothing is posted when the tester cancels the sheet', async () => {
    await openDetail();
    await notices();

    await tap('subscribe-notices');
    await tap('subscribe-cancel');

    expect(sent()).not.toContain('POST /api/my/tickets/5/subscriptions');
  });

  it('weapp: asks WeChat for the three templates and keeps only the accepted ones', async () => {
    taro.requestSubscribeMessage.mockResolvedValue({
      TPL_ACC: 'accept',
      TPL_PRO: 'reject',
      TPL_RES: 'accept',
      errMsg: 'requestSubscribeMessage:ok',
    });

    await expect(askSubscribeWeapp(NOTICE_TEMPLATES)).resolves.toEqual(['TPL_ACC', 'TPL_RES']);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL_ACC', 'TPL_PRO', 'TPL_RES'] });
  });

  it('weapp: a failed sheet accepts nothing', async () => {
    taro.requestSubscribeMessage.mockRejectedValue({
      errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture',
    });
    await expect(askSubscribeWeapp(NOTICE_TEMPLATES)).resolves.toEqual([]);
  });

  it('is not offered again once every progress template is subscribed', async () => {
    await openDetail(residentTicket({ subscribedTemplateIds: ['TPL_ACC', 'TPL_PRO', 'TPL_RES'] }));
    await waitFor(() => expect(byId('subscribe-done').textContent).toContain('已订阅进度通知'));
    expect(document.getElementById('subscribe-notices')).toBeNull();
  });

  it('is still offered when only some templates were accepted', async () => {
    await openDetail(residentTicket({ subscribedTemplateIds: ['TPL_ACC'] }));
    await notices();
    expect(document.getElementById('subscribe-done')).toBeNull();
  });

  it('is not offered once the request is finished', async () => {
    await openDetail(residentTicket({ step: ResidentStep.Done, stepLabel: '已完成', canCancel: false }));
    expect(document.getElementById('subscribe-notices')).toBeNull();
  });
});

describe('request detail: rating and complaint', () => {
  const resolved = { step: ResidentStep.ToRate, stepLabel: '待评价', canCancel: false };

  it('asks for a rating while the window is open and opens the rating page', async () => {
    await openDetail(
      residentTicket({ ...resolved, rating: { canRate: true, closesAt: '2026-11-30T05:00:00Z', rated: null } }),
    );
    expect(byId('request-rating').textContent).toContain('2026-11-30 13:00 前有效');
    await tap('request-rate');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/rating/index?id=5' });
  });

  it('shows the rating given instead, and nothing for a ticket that is not rated', async () => {
    const rated = {
      id: 9,
      ticketId: 5,
      resolution: 1,
      level: RatingLevel.Satisfied,
      levelLabel: '比较满意',
      comment: null,
      ratedAt: '2026-11-23T08:00:00Z',
      answers: {
        speed: RatingLevel.Satisfied,
        attitude: RatingLevel.Satisfied,
        quality: RatingLevel.Satisfied,
        tidiness: RatingLevel.Satisfied,
      },
    };
    await openDetail(residentTicket({ ...resolved, rating: { canRate: false, closesAt: null, rated } }));
    expect(byId('request-rated-level').textContent).toBe('比较满意');
    expect(document.getElementById('request-rate')).toBeNull();
  });

  it('offers a complaint about the ticket', async () => {
    await openDetail(residentTicket({ rating: null }));
    expect(document.getElementById('request-rating')).toBeNull();
    await tap('request-complain');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/complaint/index?ticketId=5' });
  });

  it('offers no complaint about a report of misconduct (that is for the supervisors already)', async () => {
    await openDetail(residentTicket({ type: TicketType.MisconductReport, typeLabel: '举报', anonymous: true }));
    expect(document.getElementById('request-complain')).toBeNull();
    expect(byId('request-anonymous').textContent).toBe('匿名举报：处理人员看不到您的身份');
  });
});
