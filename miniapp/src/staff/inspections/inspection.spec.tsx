import { render, screen, waitFor } from '@testing-library/react';
import {
  BookingState,
  ErrorCode,
  HazardSeverity,
  InspectionItemCode,
  Role,
  TicketStatus,
  VisitKind,
  type InspectionResultView,
} from '@utility/shared';
import { fieldInspection, hazardView } from '../../../test/factories/inspections';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, offline, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import InspectionsPage from './index';
import VisitPage from './inspection';
import {
  emptyInspectionForm,
  passRemaining,
  validateInspection,
  type InspectionForm,
  type ItemEntry,
} from './inspection-form';

const C = InspectionItemCode;
const CHECKLIST = fieldInspection().checklist;
const DAY = 'GET /api/field/inspections?date=2026-11-25';
const RESULT = 'POST /api/field/inspections/40/result';
const ARRIVE = 'POST /api/field/inspections/40/arrive';
const allPosts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
/** What was sent as the visit's result (an 到场 before it is its own request). */
const posts = () => allPosts().filter((o) => !String(o.url).endsWith('/arrive'));

function resultView(over: Partial<InspectionResultView> = {}): InspectionResultView {
  return {
    visit: fieldInspection({ recorded: true }),
    hazardsOpened: [],
    hazardsClosed: [],
    reinspectionTicket: null,
    stopSupplyTicket: null,
    ...over,
  };
}

function openVisit(result: () => Promise<unknown>, visit = fieldInspection()) {
  taro.setRouterParams({ id: String(visit.id), date: '2026-11-25' });
  serve({
    [DAY]: () => answer(200, [visit]),
    [ARRIVE]: () => answer(200, { ...visit, ticketStatus: TicketStatus.OnSite }),
    [RESULT]: result,
  });
  return render(<VisitPage />);
}

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Inspector));
});

describe('validateInspection', () => {
  const failedHose = (over: Partial<ItemEntry> = {}): InspectionForm =>
    passRemaining(
      {
        ...emptyInspectionForm(40),
        items: { [C.Hoses]: { ok: false, note: '胶管老化', photos: [{ id: 9, path: 'p' }], severity: '', ...over } },
        confirmation: 'in_app',
      },
      CHECKLIST,
    );

  it('names every item not marked and the missing confirmation', () => {
    expect(validateInspection(emptyInspectionForm(40), CHECKLIST)).toEqual({
      ok: false,
      errors: {
        pipes: '请选择合格或不合格',
        hoses: '请选择合格或不合格',
        alarm: '请选择合格或不合格',
        confirmation: '请选择居民确认方式',
      },
    });
  });

  it.each([
    ['a failure without a note', { note: ' ' }, '不合格项请填写隐患说明'],
    ['a failure without a photo', { photos: [] }, '不合格项请拍照留证'],
  ])('refuses %s, on that item', (_name, over, message) => {
    expect(validateInspection(failedHose(over), CHECKLIST)).toEqual({ ok: false, errors: { hoses: message } });
  });

  it('sends every item in checklist order; a failure with its photos and, when chosen, its severity', () => {
    expect(validateInspection(failedHose({ severity: HazardSeverity.Critical }), CHECKLIST)).toEqual({
      ok: true,
      request: {
        outcome: 'completed',
        items: [
          { code: 'pipes', ok: true, note: '', photoIds: [] },
          { code: 'hoses', ok: false, note: '胶管老化', photoIds: [9], severity: 'critical' },
          { code: 'alarm', ok: true, note: '', photoIds: [] },
        ],
        confirmation: { kind: 'in_app' },
      },
    });
    const withoutSeverity = validateInspection(failedHose(), CHECKLIST);
    expect(withoutSeverity.ok && withoutSeverity.request.items![1]).toEqual({
      code: 'hoses',
      ok: false,
      note: '胶管老化',
      photoIds: [9],
    });
  });

  it('asks for a saved signature when the resident signs', () => {
    expect(validateInspection({ ...failedHose(), confirmation: 'signature' }, CHECKLIST)).toEqual({
      ok: false,
      errors: { confirmation: '请居民签字并保存签名' },
    });
  });
});

describe('入户安检', () => {
  it('records a failed item with its photo and shows the hazard and its re-inspection', async () => {
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify({ id: 91, url: '/api/uploads/91' }) });
    openVisit(() =>
      answer(
        200,
        resultView({
          hazardsOpened: [hazardView()],
          reinspectionTicket: { id: 44, no: 'T202611250044', status: TicketStatus.Accepted },
        }),
      ),
    );
    await screen.findByText('软管');
    await tap('visit-item-hoses-fail');
    await typeInto('visit-item-hoses-note', '灶前胶管老化龟裂');
    await tap('visit-item-hoses-severity-serious');
    await tap('visit-item-hoses-photo');
    await waitFor(() => expect(byId('visit-item-hoses-photo-count').textContent?.trim()).toBe('1/6'));
    await tap('visit-pass-remaining');
    await tap('visit-confirm-in-app');
    // Confirming in the app needs the visit on site: the page marks the inspector's arrival.
    await waitFor(() => expect(allPosts().map((o) => o.url)).toEqual([expect.stringMatching(/\/arrive$/)]));
    expect(byId('visit-in-app-hint').textContent).toContain('确认完成');
    await tap('visit-submit');

    await screen.findByText('检查结果已提交');
    expect(posts()[0].data).toEqual({
      outcome: 'completed',
      items: [
        { code: 'pipes', ok: true, note: '', photoIds: [] },
        { code: 'hoses', ok: false, note: '灶前胶管老化龟裂', photoIds: [91], severity: 'serious' },
        { code: 'alarm', ok: true, note: '', photoIds: [] },
      ],
      confirmation: { kind: 'in_app' },
    });
    expect(byId('visit-hazards-opened').textContent).toContain('发现隐患 1 项');
    expect(byId('visit-reinspection').textContent).toBe('复检工单 T202611250044');
    expect(document.getElementById('visit-submit')).toBeNull();
  });

  it('marks what is missing instead of sending', async () => {
    openVisit(() => answer(200, resultView()));
    await screen.findByText('软管');
    await tap('visit-item-pipes-ok');
    await tap('visit-submit');
    expect(byId('visit-error').textContent).toBe('请补全标红的内容');
    expect(byId('visit-item-hoses-error').textContent).toBe('请选择合格或不合格');
    expect(byId('visit-confirmation-error').textContent).toBe('请选择居民确认方式');
    expect(posts()).toEqual([]);
  });

  it('keeps a checklist the network swallowed and restores it when the visit opens again', async () => {
    const first = openVisit(() => offline());
    await screen.findByText('软管');
    await tap('visit-pass-remaining');
    await tap('visit-confirm-in-app');
    await tap('visit-submit');
    await screen.findByText('网络异常，检查结果已暂存在本机，有信号后请再次提交');
    first.unmount();

    openVisit(() => answer(200, resultView()));
    await screen.findByText('已恢复上次未提交成功的检查结果，请核对后提交');
    taro.request.mockClear();
    await tap('visit-submit');
    await screen.findByText('检查结果已提交');
    expect(posts()[0].data.items).toHaveLength(3);
  });

  it('a result already recorded (a lost answer) shows the visit as it stands', async () => {
    let recorded = false;
    taro.setRouterParams({ id: '40', date: '2026-11-25' });
    serve({
      [DAY]: () =>
        answer(200, [fieldInspection({ recorded, bookingState: recorded ? BookingState.Done : BookingState.Booked })]),
      [RESULT]: () => (
        (recorded = true),
        answer(409, { code: ErrorCode.VisitAlreadyRecorded, message: '该次安检已记录结果' })
      ),
    });
    render(<VisitPage />);
    await screen.findByText('软管');
    await tap('visit-pass-remaining');
    await tap('visit-confirm-in-app');
    await tap('visit-submit');
    expect((await screen.findByText('该次安检已记录结果')).id).toBe('visit-error');
    await waitFor(() => expect(document.getElementById('visit-submit')).toBeNull());
    expect(byId('visit-status').textContent).toBe('已安检');
  });

  it('上门未遇 after a confirmation, and a refusal with its reason', async () => {
    openVisit(() => answer(200, resultView()));
    await screen.findByText('软管');
    await tap('visit-nobody-home');
    await screen.findByText('已记录上门未遇，已请居民重新预约');
    expect(posts()[0].data).toEqual({ outcome: 'nobody_home' });

    const reinspection = fieldInspection({
      kind: VisitKind.Reinspection,
      half: null,
      halfLabel: null,
      bookingId: null,
      bookingState: null,
      openHazards: [hazardView()],
    });
    taro.resetTaroMock();
    saveSession(staffLogin(Role.Inspector));
    document.body.innerHTML = '';
    openVisit(() => answer(200, resultView()), reinspection);
    await screen.findByText('待复检隐患');
    await tap('visit-refused');
    expect(byId('visit-refuse-panel').textContent).toContain('提交后将生成停气申请');
    expect(byId('visit-refuse-confirm').hasAttribute('disabled')).toBe(true);
    await typeInto('visit-refuse-note', '居民不同意更换胶管');
    await tap('visit-refuse-confirm');
    await screen.findByText('已记录拒绝');
    expect(posts()[0].data).toEqual({ outcome: 'refused', note: '居民不同意更换胶管' });
  });
});

describe('今日安检', () => {
  it("lists the day's visits in the server's order and switches days", async () => {
    taro.setRouterParams({ date: '2026-11-25' });
    serve({
      [DAY]: () =>
        answer(200, [
          fieldInspection(),
          fieldInspection({
            id: 44,
            ticketNo: 'T202611250044',
            kind: VisitKind.Reinspection,
            half: null,
            halfLabel: null,
            dueAt: '2026-11-28T15:59:59Z',
          }),
        ]),
      'GET /api/field/inspections?date=2026-11-26': () => answer(200, []),
    });
    render(<InspectionsPage />);
    await screen.findByText('共 2 户，待检查 2 户');
    expect([...document.querySelectorAll('.visit-row')].map((r) => r.id)).toEqual([
      'field-inspection-T202611230040',
      'field-inspection-T202611250044',
    ]);
    expect(byId('field-inspection-T202611230040').textContent).toContain('预约 上午 09:00–12:00');
    expect(byId('field-inspection-T202611250044').textContent).toContain('复检 · 整改期限 11-28 23:59');
    await tap('field-inspection-T202611250044');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/inspections/inspection?id=44&date=2026-11-25' });

    await tap('inspections-next');
    expect(await screen.findByText('当天没有安检任务')).toBeTruthy();
    expect(byId('inspections-day').textContent).toContain('11月26日');
  });
});
