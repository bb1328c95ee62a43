import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ResidentStep, TicketType, safetyInstructions } from '@utility/shared';
import { boundAccount, residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve, sent } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import EmergencyPage from './emergency';

const TITLES = ['开窗通风', '不要开关电器', '不要点火', '立即离开', '拨打24小时热线'];
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const follows = (first: string, second: string) =>
  Boolean(byId(first).compareDocumentPosition(byId(second)) & Node.DOCUMENT_POSITION_FOLLOWING);

const dispatched = () =>
  residentTicket({
    id: 77,
    no: 'T202611230077',
    type: TicketType.Leak,
    typeLabel: '燃气泄漏/跑冒滴漏',
    step: ResidentStep.Dispatched,
    stepLabel: '已派单',
    technician: { surname: '赵', phone: '139****0001', dialPhone: '13900000001', employeeNo: 'QX-017' },
    canCancel: false,
  });

function withGeolocation(answerWith: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition: jest.fn((ok: PositionCallback, fail: PositionErrorCallback) => answerWith(ok, fail)) },
  });
}
const position = (latitude: number, longitude: number) => ({ coords: { latitude, longitude } }) as GeolocationPosition;

beforeEach(() => {
  taro.resetTaroMock();
  withGeolocation((_ok, fail) => fail({ code: 1, message: 'denied' } as GeolocationPositionError));
});

describe('燃气泄漏: safety instructions first', () => {
  it('shows the five steps at once, before any answer and before the alarm button, in large type', () => {
    signInResident();
    taro.request.mockImplementation(() => new Promise(() => undefined)); // the network hangs

    render(<EmergencyPage />);

    const steps = [...byId('safety-instructions').querySelectorAll('.safety__step-title')].map((s) => s.textContent);
    expect(steps).toEqual(TITLES);
    expect(byId('safety-call').textContent).toContain('96777');
    expect(follows('safety-instructions', 'emergency-submit')).toBe(true);
    expect(follows('safety-call', 'emergency-submit')).toBe(true);
  });

  it("takes the server's instructions (its hotline), keeps them for offline use, and calls that number", async () => {
    const configured = safetyInstructions('0571-96777');
    serve({ 'GET /api/safety-instructions': () => answer(200, configured) });
    const first = render(<EmergencyPage />);
    await waitFor(() => expect(byId('safety-call').textContent).toContain('0571-96777'));

    await tap('safety-call');
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0571-96777' });
    first.unmount();

    serve({ 'GET /api/safety-instructions': offline });
    render(<EmergencyPage />);
    expect(byId('safety-call').textContent).toContain('0571-96777');
  });

  it('a visitor reads the instructions too, and is asked to log in only for the alarm', async () => {
    serve({ 'GET /api/safety-instructions': () => answer(200, safetyInstructions()) });
    render(<EmergencyPage />);

    expect(byId('safety-instructions').textContent).toContain('立即离开');
    expect(document.getElementById('emergency-submit')).toBeNull();
    await tap('emergency-login');
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/auth/login?from=${encodeURIComponent('/packages/repair/emergency')}`,
    });
    expect(sent()).toEqual(['GET /api/safety-instructions']);
  });
});

describe('一键报警', () => {
  function serveAlarm(onPost = () => answer(201, dispatched())) {
    serve({
      'GET /api/safety-instructions': () => answer(200, safetyInstructions()),
      'GET /api/accounts': () =>
        answer(200, [
          boundAccount({ id: 1, isDefault: false }),
          boundAccount({ id: 2, accountNo: '9100000002', isDefault: true }),
        ]),
      'POST /api/emergencies': onPost,
    });
  }

  it('posts once for the default account, however often it is tapped, and says who is coming', async () => {
    signInResident({ phone: '138****5678' });
    withGeolocation((ok) => ok(position(30.27415, 120.15515)));
    serveAlarm();
    render(<EmergencyPage />);
    await screen.findByText(/9100000002/);

    const button = byId('emergency-submit');
    await act(async () => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    await screen.findByText('抢修师傅已派出');

    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toMatchObject({
      url: '/api/emergencies',
      data: { accountId: 2, location: { latitude: 30.27415, longitude: 120.15515 } },
    });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(byId('emergency-dispatched').textContent).toContain('赵师傅 139****0001');
    // Even in a leak the resident can call the technician coming (the number stays masked in the text).
    expect(byId('emergency-call').getAttribute('href')).toBe('tel:13900000001');
    expect(byId('emergency-employee-no').textContent).toBe('工号 QX-017');
    expect(byId('emergency-dispatched').textContent).toContain('T202611230077');
    // The instructions stay on top.
    expect(follows('safety-instructions', 'emergency-dispatched')).toBe(true);
    expect(document.getElementById('emergency-submit')).toBeNull();

    await tap('emergency-detail');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=77' });
  });

  it('a repeat alarm for an open leak says help is already on the way, with the same ticket', async () => {
    signInResident({ phone: '138****5678' });
    serveAlarm(() => answer(200, { ...dispatched(), joined: true, notice: '已有抢修人员在处理，请保持安全' }));
    render(<EmergencyPage />);
    await screen.findByText(/9100000002/);
    await tap('emergency-submit');
    expect((await screen.findByText('已有抢修人员在处理，请保持安全')).id).toBe('emergency-joined');
    expect(byId('emergency-dispatched').textContent).toContain('T202611230077');
  });

  it('goes without the location when it is refused', async () => {
    signInResident({ phone: '138****5678' });
    serveAlarm();
    render(<EmergencyPage />);
    await screen.findByText(/9100000002/);

    await tap('emergency-submit');

    expect(posts()[0].data).toEqual({ accountId: 2, photoIds: [] });
  });

  it('says when nobody is assigned yet', async () => {
    signInResident({ phone: '138****5678' });
    serveAlarm(() =>
      answer(201, { ...dispatched(), technician: null, step: ResidentStep.Accepted, stepLabel: '已受理' }),
    );
    render(<EmergencyPage />);
    await screen.findByText(/9100000002/);
    await tap('emergency-submit');
    expect(byId('emergency-dispatched').textContent).toContain('正在为您安排师傅');
  });

  it('a resident without a phone on file may leave one with the alarm', async () => {
    signInResident({ phone: null });
    serveAlarm();
    render(<EmergencyPage />);
    await screen.findByText(/9100000002/);
    const host = byId('emergency-phone');
    await waitFor(() => expect(host.querySelector('input')).not.toBeNull());
    act(() => {
      host.dispatchEvent(new CustomEvent('input', { detail: { value: '13900001111' } }));
    });

    await tap('emergency-submit');

    expect(posts()[0].data).toEqual({ accountId: 2, photoIds: [], contactPhone: '13900001111' });
  });

  it('when the network fails: says to call the hotline, and a retry is the same alarm', async () => {
    signInResident({ phone: '138****5678' });
    let calls = 0;
    serveAlarm(() => (++calls <= 2 ? offline() : answer(201, dispatched())));
    render(<EmergencyPage />);
    await screen.findByText(/9100000002/);

    await tap('emergency-submit');
    expect(byId('emergency-error').textContent).toContain('报警未发出');
    expect(byId('emergency-error').textContent).toContain('96777');

    await tap('emergency-submit');
    await screen.findByText('抢修师傅已派出');
    const keys = posts().map((o) => o.header['Idempotency-Key']);
    expect(keys).toHaveLength(3); // the wrapper's own retry, then the resident's
    expect(new Set(keys).size).toBe(1);
  });

  it('with nothing bound: no alarm button, the hotline and binding instead', async () => {
    signInResident();
    serve({
      'GET /api/safety-instructions': () => answer(200, safetyInstructions()),
      'GET /api/accounts': () => answer(200, []),
    });
    render(<EmergencyPage />);
    await screen.findByText('去绑定户号');
    await tap('emergency-bind');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/index' });
    expect(document.getElementById('emergency-submit')).toBeNull();
    expect(byId('safety-call')).toBeTruthy();
  });
});

describe('跑冒滴漏 on a heating account', () => {
  const HEATING_TITLES = safetyInstructions('96777', 'heating').map((s) => s.title);

  it('shows the hot-water steps from the first frame (never the gas ones), and sends what the resident saw with photos', async () => {
    signInResident({ phone: '138****5678' });
    taro.setRouterParams({ accountId: '3', utility: 'heating' });
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify({ id: 41, url: '/api/uploads/41' }) });
    let hold!: () => void;
    const held = new Promise<void>((r) => (hold = r));
    serve({
      'GET /api/safety-instructions?utility=heating': async () => {
        await held;
        return answer(200, safetyInstructions('96777', 'heating'));
      },
      'GET /api/accounts': () => answer(200, [boundAccount({ id: 3, utility: 'heating', accountNo: '9100000005' })]),
      'POST /api/emergencies': () => answer(201, { ...dispatched(), joined: false, notice: null }),
    });
    render(<EmergencyPage />);

    const titles = () =>
      [...byId('safety-instructions').querySelectorAll('.safety__step-title')].map((s) => s.textContent);
    expect(titles()).toEqual(HEATING_TITLES);
    expect(byId('safety-title').textContent).toBe('暖气漏水，请立即：');
    expect(byId('safety-instructions').textContent).not.toMatch(/燃气|开窗通风/);
    hold();
    await screen.findByText(/9100000005/);
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '暖气跑冒滴漏' });

    const details = byId('emergency-details');
    await waitFor(() => expect(details.querySelector('textarea')).not.toBeNull());
    act(() => {
      details.dispatchEvent(new CustomEvent('input', { detail: { value: '卧室暖气片接口漏水' } }));
    });
    await tap('emergency-photo');
    await waitFor(() => expect(byId('emergency-photo-count').textContent).toContain('1/6'));
    await tap('emergency-submit');
    await screen.findByText('抢修师傅已派出');

    expect(posts()[0].data).toEqual({ accountId: 3, photoIds: [41], description: '卧室暖气片接口漏水' });
    expect(byId('emergency-technician').textContent).toContain('请关闭暖气阀门');
  });

  it('from the home entry: the account decides — a heating default account switches to the hot-water steps', async () => {
    signInResident({ phone: '138****5678' });
    serve({
      'GET /api/safety-instructions': () => answer(200, safetyInstructions()),
      'GET /api/safety-instructions?utility=heating': () => answer(200, safetyInstructions('96777', 'heating')),
      'GET /api/accounts': () => answer(200, [boundAccount({ id: 3, utility: 'heating' })]),
    });
    render(<EmergencyPage />);
    await waitFor(() =>
      expect(
        [...byId('safety-instructions').querySelectorAll('.safety__step-title')].map((s) => s.textContent),
      ).toEqual(HEATING_TITLES),
    );
    expect(byId('emergency-details')).toBeTruthy();
  });
});
