import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ClockKind,
  DEFAULT_REPAIR_PRICE_LIST,
  Role,
  TicketStatus,
  TicketType,
  type FieldJobView,
} from '@utility/shared';
import { fieldJob, temperatureReading } from '../../../test/factories/field-jobs';
import { clockView, staffLogin } from '../../../test/factories/tickets';
import { answer, offline, serve } from '../../../test/serve';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { windowChoices, windowOf } from '../../format/visit-windows';
import { clearSession, saveSession } from '../../services/session';
import JobPage from './index';
import { nextStep } from './job-steps';
import { EMPTY_RESOLVE_FORM, validateResolve, type ResolveForm } from './resolve-form';

const PRIMARY = ['job-accept', 'job-depart', 'job-arrive', 'job-resolve', 'job-submit'];
const shownPrimary = () => PRIMARY.filter((id) => document.getElementById(id));
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');

describe('job steps', () => {
  it.each([
    [TicketStatus.Assigned, false, 'accept'],
    [TicketStatus.Assigned, true, 'depart'],
    [TicketStatus.EnRoute, true, 'arrive'],
    [TicketStatus.OnSite, true, 'resolve'],
    [TicketStatus.Resolved, true, null],
    [TicketStatus.Accepted, false, null],
  ])('%s (接单 %s) → %s', (status, accepted, step) => {
    expect(nextStep({ status, accepted })).toBe(step);
  });
});

describe('validateResolve', () => {
  const form = (over: Partial<ResolveForm> = {}): ResolveForm => ({
    ...EMPTY_RESOLVE_FORM,
    jobId: 21,
    diagnosis: '熄火保护针损坏',
    work: '更换熄火保护针，试火正常',
    confirmation: 'in_app',
    ...over,
  });

  it.each([
    ['no diagnosis', { diagnosis: '' }, 'diagnosis', '请填写故障原因'],
    ['no work', { work: '换' }, 'work', '请填写处理措施'],
    ['a part without a name', { parts: [{ name: ' ', qty: '2' }] }, 'parts', '请填写配件名称'],
    ['a part of 0', { parts: [{ name: '胶管', qty: '0' }] }, 'parts', '配件数量为1–999的整数'],
    ['no confirmation', { confirmation: '' as const }, 'confirmation', '请选择居民确认方式'],
    ['a signature not saved', { confirmation: 'signature' as const }, 'confirmation', '请居民签字并保存签名'],
    [
      'a charge with no quote the resident accepted',
      { chargeable: true },
      'charge',
      '收费须先发送报价，并经居民同意或签字',
    ],
  ])('refuses %s', (_name, over, field, message) => {
    const result = validateResolve(form(over as Partial<ResolveForm>), {
      quoteAccepted: false,
      residentConfirmed: true,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[field as keyof typeof result.errors]).toBe(message);
  });

  it('refuses the in-app confirmation the resident has not given', () => {
    const result = validateResolve(form(), { quoteAccepted: false, residentConfirmed: false });
    expect(!result.ok && result.errors.confirmation).toBe(
      '居民尚未在小程序中确认完成，请居民确认后刷新，或改为现场签字',
    );
  });

  it('builds the body: parts trimmed and counted, empty rows dropped, charged at the accepted quote, signature photo', () => {
    const result = validateResolve(
      form({
        parts: [
          { name: ' 熄火保护针 ', qty: '2' },
          { name: '', qty: '' },
        ],
        before: [{ id: 1, path: 'a' }],
        after: [
          { id: 2, path: 'b' },
          { id: 3, path: 'c' },
        ],
        chargeable: true,
        confirmation: 'signature',
        signature: { id: 9, path: 's' },
      }),
      { quoteAccepted: true, residentConfirmed: false },
    );
    expect(result).toEqual({
      ok: true,
      request: {
        diagnosis: '熄火保护针损坏',
        work: '更换熄火保护针，试火正常',
        parts: [{ name: '熄火保护针', qty: 2 }],
        photoIdsBefore: [1],
        photoIdsAfter: [2, 3],
        chargeable: true,
        confirmation: { kind: 'signature', photoId: 9 },
      },
    });
  });
});

/** Serves my jobs (the page finds its own there) and each step, answering with `after` (or the posted step's job). */
function serveJob(job: FieldJobView, steps: Record<string, (data: unknown) => FieldJobView | Promise<unknown>> = {}) {
  let current = job;
  const routes: Parameters<typeof serve>[0] = {
    'GET /api/field/jobs': () => answer(200, [current]),
    // The operator's price list, as the server sends it (here: the list the product starts with).
    'GET /api/field/price-list': () => answer(200, DEFAULT_REPAIR_PRICE_LIST),
  };
  for (const [step, next] of Object.entries(steps)) {
    routes[`POST /api/field/jobs/${job.id}/${step}`] = ({ data }) => {
      const result = next(data);
      if (result instanceof Promise) return result;
      current = result;
      return answer(step === 'temperature' ? 201 : 200, result);
    };
  }
  serve(routes);
}

async function openJob(job: FieldJobView, steps: Parameters<typeof serveJob>[1] = {}) {
  serveJob(job, steps);
  render(<JobPage />);
  await screen.findByText(job.address);
}

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '21' });
  saveSession(staffLogin(Role.Technician));
});

describe('field job page: one primary action per status', () => {
  it.each([
    ['assigned', 'job-accept', fieldJob({ status: TicketStatus.Assigned, accepted: false }), '接单'],
    ['assigned and acknowledged', 'job-depart', fieldJob({ status: TicketStatus.Assigned, accepted: true }), '出发'],
    [
      'en route',
      'job-arrive',
      fieldJob({ status: TicketStatus.EnRoute, accepted: true, eta: '2026-11-23T06:30:00Z' }),
      '到达现场',
    ],
    ['on site', 'job-resolve', fieldJob({ status: TicketStatus.OnSite, accepted: true }), '处理'],
  ] as const)('%s: only %s', async (_status, id, job, label) => {
    await openJob(job);
    expect(shownPrimary()).toEqual([id]);
    expect(byId(id).textContent).toBe(label);
    expect(byId('job-hand-over').textContent).toBe('无法完成，转交');
    // Address, masked phone, the reveal (the technician works this job), the appointment.
    expect(byId('job-address').textContent).toBe('城东区幸福路11号2单元302室');
    expect(document.querySelector('.ticket__contact')?.textContent).toContain('138****5678');
    expect(byId('job-reveal-phone')).toBeTruthy();
    expect(byId('job-window').textContent).toBe('预约上门：11-24 09:00–12:00');
  });

  it('接单 → 出发 with the ETA picked → 到达, each with its body', async () => {
    const job = fieldJob();
    await openJob(job, {
      accept: () => ({ ...job, accepted: true }),
      depart: () => ({ ...job, accepted: true, status: TicketStatus.EnRoute, eta: '2026-11-23T06:15:00Z' }),
      arrive: () => ({ ...job, accepted: true, status: TicketStatus.OnSite }),
    });

    await tap('job-accept');
    await screen.findByText('出发');
    expect(byId('job-eta-value').textContent).toBe('30 分钟');
    pick('job-eta', 4); // 45 minutes
    await tap('job-depart');
    await screen.findByText('到达现场');
    expect(byId('job-eta-shown').textContent).toBe('已告知居民 14:15 到达');
    await tap('job-arrive');
    await screen.findByText('处理');

    expect(posts().map((o) => [o.url, o.data])).toEqual([
      ['/api/field/jobs/21/accept', {}],
      ['/api/field/jobs/21/depart', { etaMinutes: 45 }],
      ['/api/field/jobs/21/arrive', {}],
    ]);
    expect(shownPrimary()).toEqual(['job-resolve']);
  });

  it('联系用户: records the call with what was agreed, then shows when it was made', async () => {
    const contact = (stoppedAt: string | null) =>
      clockView({ kind: ClockKind.Contact, dueAt: '2026-11-23T05:30:00Z', stoppedAt });
    let job = fieldJob({ accepted: true, clocks: [contact(null)] });
    serve({
      'GET /api/field/jobs': () => answer(200, [job]),
      'GET /api/field/price-list': () => answer(200, DEFAULT_REPAIR_PRICE_LIST),
      'POST /api/tickets/21/contacted': () => {
        job = { ...job, clocks: [contact('2026-11-23T05:12:00Z')] };
        return answer(200, {});
      },
    });
    render(<JobPage />);
    expect((await screen.findByText(/请于/)).textContent).toBe('请于13:30前电话联系用户，约定上门时间');

    await tap('job-contact-submit');
    expect(byId('job-contact-note-error').textContent).toBe('请记录联系情况');
    await typeInto('job-contact-note', '已电话联系，约定明早9点上门');
    await tap('job-contact-submit');

    expect(posts().map((o) => [o.url, o.data])).toEqual([
      ['/api/tickets/21/contacted', { note: '已电话联系，约定明早9点上门' }],
    ]);
    expect((await screen.findByText(/^已于/)).textContent).toBe('已于2026-11-23 13:12联系用户');
    expect(document.getElementById('job-contact-submit')).toBeNull();
  });

  it('联系用户 with the half-day agreed on the call: the window is sent with the note', async () => {
    let job = fieldJob({ accepted: true, clocks: [clockView({ kind: ClockKind.Contact, stoppedAt: null })] });
    serve({
      'GET /api/field/jobs': () => answer(200, [job]),
      'GET /api/field/price-list': () => answer(200, DEFAULT_REPAIR_PRICE_LIST),
      'POST /api/tickets/21/contacted': () => {
        job = { ...job, clocks: [clockView({ kind: ClockKind.Contact, stoppedAt: new Date().toISOString() })] };
        return answer(200, {});
      },
    });
    render(<JobPage />);
    await screen.findByText('约定上门时段');
    const choice = windowChoices(new Date())[2];
    pick('job-contact-window', 2);
    expect(byId('job-contact-window-value').textContent).toBe(choice.label);
    await typeInto('job-contact-note', '已电话联系，用户要求改到这个时段');
    await tap('job-contact-submit');

    expect(posts().map((o) => [o.url, o.data])).toEqual([
      ['/api/tickets/21/contacted', { note: '已电话联系，用户要求改到这个时段', agreedWindow: windowOf(choice) }],
    ]);
  });

  it('联系用户 on the way records the call only: the window can no longer be moved', async () => {
    const job = fieldJob({
      accepted: true,
      status: TicketStatus.EnRoute,
      clocks: [clockView({ kind: ClockKind.Contact, stoppedAt: null })],
    });
    serve({
      'GET /api/field/jobs': () => answer(200, [job]),
      'GET /api/field/price-list': () => answer(200, DEFAULT_REPAIR_PRICE_LIST),
    });
    render(<JobPage />);
    await screen.findByText(/请于/);
    expect(document.getElementById('job-contact-window')).toBeNull();
  });

  it('出发 before the booked window opens asks why, and sends the reason', async () => {
    const opens = new Date(Date.now() + 3 * 3_600_000);
    const job = fieldJob({
      accepted: true,
      window: { start: opens.toISOString(), end: new Date(opens.getTime() + 3 * 3_600_000).toISOString() },
    });
    await openJob(job, { depart: () => ({ ...job, status: TicketStatus.EnRoute, eta: opens.toISOString() }) });
    await typeInto('job-early-reason', '用户来电希望提前');
    await tap('job-depart');
    await screen.findByText('到达现场');
    expect(posts().map((o) => [o.url, o.data])).toEqual([
      ['/api/field/jobs/21/depart', { etaMinutes: 30, reason: '用户来电希望提前' }],
    ]);
  });

  it('出发 within or after the booked window asks no reason', async () => {
    await openJob(fieldJob({ accepted: true }));
    expect(document.getElementById('job-early-reason')).toBeNull();
  });

  it('a leak starts from a shorter ETA (on site within 30 minutes)', async () => {
    await openJob(fieldJob({ type: TicketType.Leak, typeLabel: '燃气泄漏/跑冒滴漏', accepted: true }));
    expect(byId('job-eta-value').textContent).toBe('20 分钟');
  });

  it('到达 sends where the phone is, when it may tell', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (ok: PositionCallback) =>
          ok({ coords: { latitude: 30.1, longitude: 120.2 } } as GeolocationPosition),
      },
    });
    const job = fieldJob({ status: TicketStatus.EnRoute, accepted: true });
    await openJob(job, { arrive: () => ({ ...job, status: TicketStatus.OnSite }) });

    await tap('job-arrive');

    expect(posts()[0].data).toEqual({ location: { latitude: 30.1, longitude: 120.2 } });
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
  });

  it('处理: in-app confirmation (given by the resident), parts and photos uploaded with the staff token', async () => {
    let id = 60;
    taro.uploadFile.mockImplementation(() =>
      Promise.resolve({ statusCode: 201, data: JSON.stringify({ id, url: `/api/uploads/${id++}` }) }),
    );
    const job = fieldJob({ status: TicketStatus.OnSite, accepted: true, residentConfirmed: true });
    await openJob(job, { resolve: () => ({ ...job, status: TicketStatus.Resolved }) });

    await tap('job-resolve');
    expect(shownPrimary()).toEqual(['job-submit']);
    await typeInto('job-diagnosis', '熄火保护针损坏');
    await typeInto('job-work', '更换熄火保护针，试火正常');
    await tap('job-part-add');
    await typeInto('job-part-name-0', '熄火保护针');
    await typeInto('job-part-qty-0', '2');
    await tap('job-photo-before');
    await waitFor(() => expect(byId('job-photo-before-count').textContent).toContain('1/6'));
    await tap('job-photo-after');
    await waitFor(() => expect(byId('job-photo-after-count').textContent).toContain('1/6'));
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/uploads', header: { Authorization: 'Bearer tok-1' } }),
    );
    await tap('job-confirm-in-app');

    await tap('job-submit');

    expect(posts()).toEqual([
      expect.objectContaining({
        url: '/api/field/jobs/21/resolve',
        data: {
          diagnosis: '熄火保护针损坏',
          work: '更换熄火保护针，试火正常',
          parts: [{ name: '熄火保护针', qty: 2 }],
          photoIdsBefore: [60],
          photoIdsAfter: [61],
          chargeable: false,
          confirmation: { kind: 'in_app' },
        },
      }),
    ]);
    expect(byId('job-done').textContent).toContain('处理结果已提交');
    expect(byId('job-done').textContent).toContain('居民已在小程序中确认完成');
    expect(shownPrimary()).toEqual([]);
  });

  it('报价 → the resident signs it on the phone → 处理 charged at the quote, with the signature drawn, saved and uploaded', async () => {
    const context = {
      fillRect: jest.fn(),
      beginPath: jest.fn(),
      moveTo: jest.fn(),
      lineTo: jest.fn(),
      stroke: jest.fn(),
      scale: jest.fn(),
      save: jest.fn(),
      restore: jest.fn(),
      setTransform: jest.fn(),
    };
    const getContext = jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const toBlob = jest
      .spyOn(HTMLCanvasElement.prototype, 'toBlob')
      .mockImplementation((done) => done(new Blob(['jpeg'], { type: 'image/jpeg' })));
    URL.createObjectURL = jest.fn(() => 'blob:signature-1');
    let photoId = 90;
    taro.uploadFile.mockImplementation(() =>
      Promise.resolve({ statusCode: 201, data: JSON.stringify({ id: photoId, url: `/api/uploads/${photoId++}` }) }),
    );
    const job = fieldJob({ status: TicketStatus.OnSite, accepted: true });
    const lines = [
      { code: 'gas-hose', name: '燃气灶前软管更换（含材料）', unit: '根', qty: 2, unitFen: 4500, amountFen: 9000 },
      { code: 'visit', name: '户内维修上门服务费', unit: '次', qty: 1, unitFen: 3000, amountFen: 3000 },
    ];
    const quote = {
      id: 5,
      lines,
      totalFen: 12000,
      status: 'pending' as const,
      sentAt: '2026-11-23T06:00:00Z',
      acceptedAt: null,
      acceptedVia: null,
    };
    await openJob(job, {
      quote: () => ({ ...job, quote }),
      'quote/signature': () => ({
        ...job,
        quote: {
          ...quote,
          status: 'accepted' as const,
          acceptedAt: '2026-11-23T06:05:00Z',
          acceptedVia: 'signature' as const,
        },
      }),
      resolve: () => ({ ...job, status: TicketStatus.Resolved }),
    });
    const draw = (id: string) => {
      const pad = byId(id);
      fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
      fireEvent.pointerMove(pad, { clientX: 60, clientY: 40, pointerId: 1 });
      fireEvent.pointerUp(pad, { pointerId: 1 });
    };

    // The quote: items of the price list, the total previewed, sent.
    await tap('job-quote-new');
    await screen.findByText('燃气灶前软管更换（含材料）');
    await tap('job-quote-plus-gas-hose');
    await tap('job-quote-plus-gas-hose');
    await tap('job-quote-plus-visit');
    expect(byId('job-quote-preview').textContent).toBe('¥120.00');
    await tap('job-quote-send');
    await waitFor(() => expect(byId('job-quote-total').textContent).toBe('¥120.00'));
    expect(byId('job-quote-status').textContent).toContain('等待居民在小程序中同意');

    // The resident signs it here.
    await tap('quote-signature-save');
    expect(byId('quote-signature-error').textContent).toBe('请居民先在框内签名');
    draw('quote-signature-pad');
    await tap('quote-signature-save');
    await waitFor(() => expect(byId('job-quote-status').textContent).toBe('居民已签字同意报价'));

    // 处理, charged at the quote, confirmed by the resident's signature.
    await tap('job-resolve');
    await typeInto('job-diagnosis', '胶管老化');
    await typeInto('job-work', '更换燃气胶管');
    await tap('job-chargeable');
    expect(byId('job-charge-note').textContent).toBe('居民已同意报价，按报价金额收费');
    await tap('job-confirm-signature');
    draw('job-signature-pad');
    await tap('job-signature-save');
    await screen.findByText('签名已保存');
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'blob:signature-1', header: { Authorization: 'Bearer tok-1' } }),
    );
    await tap('job-submit');

    expect(posts().map((o) => [o.url, o.data])).toEqual([
      [
        '/api/field/jobs/21/quote',
        {
          items: [
            { code: 'gas-hose', qty: 2 },
            { code: 'visit', qty: 1 },
          ],
        },
      ],
      ['/api/field/jobs/21/quote/signature', { quoteId: 5, photoId: 90 }],
      [
        '/api/field/jobs/21/resolve',
        {
          diagnosis: '胶管老化',
          work: '更换燃气胶管',
          parts: [],
          photoIdsBefore: [],
          photoIdsAfter: [],
          chargeable: true,
          confirmation: { kind: 'signature', photoId: 91 },
        },
      ],
    ]);
    getContext.mockRestore();
    toBlob.mockRestore();
  });

  it('处理: a charge with no accepted quote, or an in-app confirmation not given, is refused on the phone', async () => {
    const job = fieldJob({ status: TicketStatus.OnSite, accepted: true });
    await openJob(job);
    await tap('job-resolve');
    await typeInto('job-diagnosis', '胶管老化');
    await typeInto('job-work', '更换燃气胶管');
    await tap('job-chargeable');
    await tap('job-confirm-in-app');
    expect(byId('job-in-app-state').textContent).toContain('请居民在小程序「我的报修」中点「确认完成」');
    await tap('job-submit');
    expect(byId('job-charge-error').textContent).toBe('收费须先发送报价，并经居民同意或签字');
    expect(byId('job-confirmation-error').textContent).toContain('居民尚未在小程序中确认完成');
    expect(posts()).toEqual([]);
  });

  it('处理: a result the network swallowed is kept on the phone, restored, and goes with the staff session', async () => {
    const job = fieldJob({ status: TicketStatus.OnSite, accepted: true, residentConfirmed: true });
    serveJob(job, { resolve: () => offline() });
    const first = render(<JobPage />);
    await screen.findByText(job.address);
    await tap('job-resolve');
    await typeInto('job-diagnosis', '熄火保护针损坏');
    await typeInto('job-work', '更换熄火保护针');
    await tap('job-confirm-in-app');
    await tap('job-submit');
    expect(byId('job-error').textContent).toContain('已暂存');
    expect(posts()).toHaveLength(1); // not repeated: the server keys no field step
    first.unmount();

    taro.request.mockReset();
    await openJob(job, { resolve: () => ({ ...job, status: TicketStatus.Resolved }) });
    await waitFor(() => expect((byId('job-diagnosis') as HTMLTextAreaElement).value).toBe('熄火保护针损坏'));
    expect(byId('job-notice').textContent).toContain('已恢复');
    await tap('job-submit');
    expect(posts()[0].data).toMatchObject({
      diagnosis: '熄火保护针损坏',
      work: '更换熄火保护针',
      confirmation: { kind: 'in_app' },
    });
    expect(taro.getStorageSync('staff.field.resolve')).toBe('');

    taro.setStorageSync('staff.field.resolve', { ...EMPTY_RESOLVE_FORM, jobId: 21 });
    clearSession();
    expect(taro.getStorageSync('staff.field.resolve')).toBe('');
  });

  it('无法完成，转交: with a reason, then the job is off my list', async () => {
    const job = fieldJob({ status: TicketStatus.EnRoute, accepted: true });
    await openJob(job, { 'hand-over': () => ({ ...job, status: TicketStatus.Accepted }) });

    await tap('job-hand-over');
    await tap('job-hand-over-confirm');
    expect(byId('job-hand-over-reason-error').textContent).toBe('请填写退回原因');
    await typeInto('job-hand-over-reason', '需要更换整表，须带表具再来');
    await tap('job-hand-over-confirm');

    expect(posts()).toEqual([
      expect.objectContaining({ url: '/api/field/jobs/21/hand-over', data: { reason: '需要更换整表，须带表具再来' } }),
    ]);
    expect(byId('job-done').textContent).toContain('已转交');
    await tap('job-back');
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/jobs/index' });
  });

  it('室温不达标: the temperature is recorded on site and judged', async () => {
    const job = fieldJob({
      type: TicketType.RoomTemperature,
      typeLabel: '室温不达标',
      status: TicketStatus.OnSite,
      accepted: true,
    });
    let measured: { celsius: number; measuredAt: string } | undefined;
    await openJob(job, {
      temperature: (data) => {
        measured = data as typeof measured;
        return answer(201, temperatureReading());
      },
    });

    await typeInto('job-temperature', '17.5');
    await tap('job-temperature-submit');

    await waitFor(() =>
      expect(byId('job-temperature-result').textContent).toBe('17.5℃（标准 ≥18℃）不达标，待居民在小程序中确认'),
    );
    expect(measured?.celsius).toBe(17.5);
    expect(Math.abs(Date.parse(measured!.measuredAt) - Date.now())).toBeLessThan(60_000);
  });

  it('a repair job has no temperature entry', async () => {
    await openJob(fieldJob({ status: TicketStatus.OnSite, accepted: true }));
    expect(document.getElementById('job-temperature')).toBeNull();
  });

  it('a step refused because the job moved on shows where it stands', async () => {
    const job = fieldJob();
    serve({
      'GET /api/field/jobs': () => answer(200, []),
      'POST /api/field/jobs/21/accept': () => answer(403, { code: 'FORBIDDEN', message: '您没有权限进行此操作' }),
    });
    taro.request.mockImplementationOnce(() => answer(200, [job]));
    render(<JobPage />);
    await screen.findByText(job.address);

    await tap('job-accept');

    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您没有权限进行此操作' }));
    expect(await screen.findByText(/已不在您的待办中/)).toBeTruthy();
  });
});
