import { render, screen, waitFor } from '@testing-library/react';
import { BookingState, ErrorCode, SlotHalf } from '@utility/shared';
import { inspectionBooking, inspectionSlot } from '../../../test/factories/inspections';
import { NOTICE_TEMPLATES, boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import InspectionPage from './index';

// Tuesday 24 November 2026, 10:00 in Shanghai.
const NOW = new Date('2026-11-24T02:00:00Z');
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');

const SLOTS = [
  inspectionSlot({ id: 11, date: '2026-11-25', half: SlotHalf.Am, halfLabel: '上午', left: 4 }),
  inspectionSlot({ id: 12, date: '2026-11-25', half: SlotHalf.Pm, halfLabel: '下午', left: 0 }),
  inspectionSlot({ id: 13, date: '2026-11-27', half: SlotHalf.Pm, halfLabel: '下午', left: 1 }),
];

function open(routes: Parameters<typeof serve>[0] = {}, bookings = [] as ReturnType<typeof inspectionBooking>[]) {
  serve({
    'GET /api/accounts': () => answer(200, [boundAccount()]),
    'GET /api/inspections?accountId=1': () => answer(200, bookings),
    'GET /api/inspection-slots?accountId=1': () => answer(200, SLOTS),
    'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    ...routes,
  });
  return render(<InspectionPage />);
}

beforeEach(() => {
  taro.resetTaroMock();
  jest.useFakeTimers({
    now: NOW,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'queueMicrotask',
      'setTimeout',
      'setInterval',
      'clearTimeout',
      'clearInterval',
    ],
  });
  signInResident();
});
afterEach(() => jest.useRealTimers());

describe('预约安检', () => {
  it('shows the open half-days by day with the places left, a full one disabled', async () => {
    open();
    await screen.findByText('明天 11月25日 周三');
    expect(byId('inspection-day-2026-11-27').textContent).toContain('11月27日 周五');
    expect(byId('inspection-slot-11').textContent).toBe('上午 09:00–12:00剩余4个名额');
    expect(byId('inspection-slot-12').textContent).toBe('下午 14:00–17:30已约满');
    expect(byId('inspection-slot-12').getAttribute('aria-disabled')).toBe('true');

    await tap('inspection-slot-12');
    expect(byId('inspection-submit').hasAttribute('disabled')).toBe(true);
    expect(byId('inspection-chosen').textContent).toBe('请选择上门时段');
  });

  it('books the chosen slot once, with an Idempotency-Key, then offers the reminder', async () => {
    const booked = inspectionBooking({ slot: SLOTS[0] });
    let bookings: ReturnType<typeof inspectionBooking>[] = [];
    open({
      'GET /api/inspections?accountId=1': () => answer(200, bookings),
      'POST /api/inspections': () => ((bookings = [booked]), answer(201, booked)),
    });
    await screen.findByText('明天 11月25日 周三');
    await tap('inspection-slot-13');
    await tap('inspection-slot-11');
    expect(byId('inspection-chosen').textContent).toBe('明天 11月25日 周三 上午 09:00–12:00');
    expect(byId('inspection-submit').textContent).toBe('确认预约');
    await tap('inspection-submit');

    await screen.findByText('预约成功，安检员将按预约时段上门');
    const [post] = posts();
    expect(post.data).toEqual({ accountId: 1, slotId: 11 });
    expect(post.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(byId('inspection-booking-slot').textContent).toBe('明天 11月25日 周三 上午 09:00–12:00');
    expect(byId('inspection-booking-state').textContent).toBe('已预约');
    expect(document.getElementById('inspection-slots')).toBeNull();
    await waitFor(() => expect(document.getElementById('inspection-reminder')).not.toBeNull());
  });

  it('keeps a booking the network swallowed and sends it again with the same key', async () => {
    const first = open({ 'POST /api/inspections': () => offline() });
    await screen.findByText('明天 11月25日 周三');
    await tap('inspection-slot-13');
    await tap('inspection-submit');
    await screen.findByText('网络异常，预约已暂存在本机，网络恢复后请再次提交');
    const key = posts()[0].header['Idempotency-Key'];
    // The wrapper retried once with the same key.
    expect(posts().map((p) => p.header['Idempotency-Key'])).toEqual([key, key]);

    first.unmount();
    taro.request.mockClear();
    open({ 'POST /api/inspections': () => answer(201, inspectionBooking({ slot: SLOTS[2] })) });
    await screen.findByText('已恢复上次未提交成功的预约，请确认后再次提交');
    await waitFor(() => expect(byId('inspection-chosen').textContent).toBe('11月27日 周五 下午 14:00–17:30'));
    await tap('inspection-submit');
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0].header['Idempotency-Key']).toBe(key);
    expect(posts()[0].data).toEqual({ accountId: 1, slotId: 13 });
  });

  it('says why a full slot was refused and shows the slots again', async () => {
    open({
      'POST /api/inspections': () => answer(409, { code: ErrorCode.SlotFull, message: '该时段已约满，请选择其他时段' }),
    });
    await screen.findByText('明天 11月25日 周三');
    await tap('inspection-slot-11');
    await tap('inspection-submit');
    expect((await screen.findByText('该时段已约满，请选择其他时段')).id).toBe('inspection-error');
    expect(taro.request.mock.calls.filter(([o]) => o.url === '/api/inspection-slots?accountId=1')).toHaveLength(2);
  });

  it('moves a booking to another slot before the cut-off', async () => {
    const booking = inspectionBooking({ slot: SLOTS[0] });
    open({ 'POST /api/inspections/7/reschedule': () => answer(200, inspectionBooking({ slot: SLOTS[2] })) }, [booking]);
    await screen.findByText('明天 11月25日 周三 上午 09:00–12:00');
    expect(document.getElementById('inspection-slots')).toBeNull();
    await tap('inspection-reschedule');
    await tap('inspection-slot-13');
    expect(byId('inspection-chosen').textContent).toBe('11月27日 周五 下午 14:00–17:30');
    expect(byId('inspection-submit').textContent).toBe('确认改约');
    await tap('inspection-submit');
    await screen.findByText('已改约，安检员将按新时段上门');
    expect(posts()[0]).toMatchObject({ url: '/api/inspections/7/reschedule', data: { slotId: 13 } });
  });

  it('cancels after the resident confirms', async () => {
    open(
      { 'POST /api/inspections/7/cancel': () => answer(200, inspectionBooking({ state: BookingState.Cancelled })) },
      [inspectionBooking()],
    );
    await screen.findByText('我的安检预约');
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await tap('inspection-cancel');
    expect(posts()).toEqual([]);
    await tap('inspection-cancel');
    await screen.findByText('预约已取消');
    expect(posts().map((p) => p.url)).toEqual(['/api/inspections/7/cancel']);
  });

  it('past the cut-off offers no change and says why', async () => {
    // The slot of today: its cut-off was yesterday at 18:00 Shanghai.
    const today = inspectionSlot({ date: '2026-11-24' });
    open({}, [inspectionBooking({ slot: today, canReschedule: false, canCancel: false })]);
    await screen.findByText('我的安检预约');
    expect(byId('inspection-change-blocked').textContent).toBe(
      '已过变更截止时间（2026-11-23 18:00），安检员将按时上门；如需改期或取消请拨打客服热线',
    );
    expect(document.getElementById('inspection-reschedule')).toBeNull();
    expect(document.getElementById('inspection-cancel')).toBeNull();
  });

  it('after 上门未遇 asks for a new slot at once', async () => {
    open({}, [inspectionBooking({ state: BookingState.Missed })]);
    await screen.findByText('上门未遇，请重新预约');
    expect(byId('inspection-slots')).toBeTruthy();
    expect(document.getElementById('inspection-reminder')).toBeNull();
  });

  it('subscribes the booking ticket to the inspection template', async () => {
    open({ 'POST /api/my/tickets/40/subscriptions': () => answer(201, { accepted: ['TPL_INS'] }) }, [
      inspectionBooking(),
    ]);
    await waitFor(() => expect(document.getElementById('inspection-reminder')).not.toBeNull());
    await tap('inspection-reminder');
    expect(byId('subscribe-template-inspection')).toBeTruthy();
    await tap('subscribe-confirm');
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ url: '/api/my/tickets/40/subscriptions', data: { templateIds: ['TPL_INS'] } });
  });

  it('offers no reminder while the template ids cannot be fetched (the sheet needs them before the tap)', async () => {
    open(
      { 'GET /api/notice-templates': () => answer(503, { code: ErrorCode.Internal, message: '系统繁忙，请稍后再试' }) },
      [inspectionBooking()],
    );
    await screen.findByText('我的安检预约');
    await waitFor(() =>
      expect(taro.request.mock.calls.filter(([o]) => o.url === '/api/notice-templates').length).toBeGreaterThan(0),
    );
    expect(document.getElementById('inspection-reminder')).toBeNull();
  });

  it('after an inspection, says how it went and offers the slots again', async () => {
    open({}, [inspectionBooking({ state: BookingState.Done })]);
    await screen.findByText('最近一次安检：明天 11月25日 周三 上午 09:00–12:00 已安检');
    expect(document.getElementById('inspection-booking')).toBeNull();
    expect(byId('inspection-slots')).toBeTruthy();
  });

  it('opens on the account of the booking a notice points at', async () => {
    taro.setRouterParams({ bookingId: '8' });
    serve({
      'GET /api/accounts': () =>
        answer(200, [
          boundAccount(),
          boundAccount({ id: 2, accountNo: '9100000002', label: '父母家', isDefault: false }),
        ]),
      'GET /api/inspections?accountId=1': () => answer(200, []),
      'GET /api/inspections?accountId=2': () =>
        answer(200, [inspectionBooking({ id: 8, accountId: 2, accountNo: '9100000002', state: BookingState.Missed })]),
      'GET /api/inspection-slots?accountId=2': () => answer(200, SLOTS),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    });
    render(<InspectionPage />);
    await screen.findByText('上门未遇，请重新预约');
    expect(byId('inspection-account-9100000002').className).toContain('chip--on');
  });
});
