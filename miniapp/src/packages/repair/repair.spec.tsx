import { act, render, screen, waitFor } from '@testing-library/react';
import { FAULT_CATEGORIES, FaultCategory } from '@utility/shared';
import { NOTICE_TEMPLATES, boundAccount, residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { clearResidentSession } from '../../services/resident-session';
import RepairPage from './index';
import { EMPTY_REPAIR_FORM, fieldsOf, validateRepair, windowChoices, windowDays, type RepairForm } from './repair-form';

const DRAFT_KEY = 'resident.repair.draft';
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const NOW = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shanghai

describe('validateRepair', () => {
  const form = (over: Partial<RepairForm> = {}): RepairForm => ({
    ...EMPTY_REPAIR_FORM,
    accountId: 1,
    category: FaultCategory.NoGas,
    description: '灶台打不着火',
    contactPhone: '13812345678',
    ...over,
  });
  const photos = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, path: `p${i}` }));

  it('names every missing field', () => {
    expect(validateRepair(form({ category: '', description: '', contactPhone: '' }), 'gas', NOW)).toEqual({
      ok: false,
      errors: { category: '请选择报修类别', description: '请描述问题', contactPhone: '请填写联系电话' },
    });
  });

  it.each([
    [
      'a leak (it goes to 一键报警)',
      { category: FaultCategory.GasSmell },
      'category',
      '燃气泄漏、跑冒滴漏请使用一键报警',
    ],
    ["another utility's category", { category: FaultCategory.NotWarm }, 'category', '请选择报修类别'],
    ['a one-letter description', { description: '坏' }, 'description', '请描述问题'],
    ['a phone that is not one', { contactPhone: '12345' }, 'contactPhone', '请输入有效的手机号或固定电话'],
    ['seven photos', { photos: photos(7) }, 'photos', '最多可上传6张照片'],
    [
      'a window that has begun',
      { windowDate: '2026-11-23', windowSlot: 'morning' },
      'window',
      '预约时间须晚于当前时间',
    ],
  ] as const)('refuses %s', (_name, over, field, message) => {
    const result = validateRepair(form(over as Partial<RepairForm>), 'gas', NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[field]).toBe(message);
  });

  it('sends the window as Shanghai times, with the photo ids in order', () => {
    const result = validateRepair(
      form({ photos: photos(6), windowDate: '2026-11-24', windowSlot: 'afternoon', contactPhone: ' 0571-88886666 ' }),
      'gas',
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      request: {
        accountId: 1,
        category: 'no_gas',
        description: '灶台打不着火',
        photoIds: [1, 2, 3, 4, 5, 6],
        contactPhone: '0571-88886666',
        window: { start: '2026-11-24T14:00:00+08:00', end: '2026-11-24T18:00:00+08:00' },
      },
    });
  });

  it('offers only half-days that have not begun, within the 14 days', () => {
    const choices = windowChoices(NOW); // 10:00 in Shanghai: this morning has begun
    expect(choices[0]).toEqual({
      windowDate: '2026-11-23',
      windowSlot: 'afternoon',
      label: '今天 11月23日 下午 14:00–18:00',
    });
    expect(choices.some((c) => c.windowDate === '2026-11-23' && c.windowSlot === 'morning')).toBe(false);
    expect(choices.at(-1)).toMatchObject({ windowDate: '2026-12-06', windowSlot: 'evening' });
    expect(choices).toHaveLength(13 * 3 + 2);
    for (const c of choices) expect(validateRepair(form({ ...c }), 'gas', NOW)).toMatchObject({ ok: true });
  });

  it.each([
    [{ description: 'x' }, ['description']],
    [{ windowDate: '', windowSlot: '' }, ['window']],
    [{ accountId: 2, category: '' }, ['category']],
    [{ photos: [] }, ['photos']],
  ] as const)('clears the errors of the fields an edit touches: %j', (patch, fields) => {
    expect(fieldsOf(patch as Partial<RepairForm>)).toEqual(fields);
  });

  it('offers 14 days from the Shanghai today', () => {
    const days = windowDays(new Date('2026-11-23T17:00:00Z')); // already 01:00 on the 24th in Shanghai
    expect(days).toHaveLength(14);
    expect(days[0]).toEqual({ date: '2026-11-24', label: '今天 11月24日' });
    expect(days[1].label).toBe('明天 11月25日');
    expect(days[2].label).toBe('11月26日 周四');
  });
});

async function openForm(accounts = [boundAccount()], extra: Parameters<typeof serve>[0] = {}) {
  serve({
    'GET /api/accounts': () => answer(200, accounts),
    'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    ...extra,
  });
  const page = render(<RepairPage />);
  await screen.findByText(/9100000001/);
  return page;
}

/** Each upload gets the next id, from 41. */
function uploadsAnswer() {
  let id = 41;
  taro.uploadFile.mockImplementation(() =>
    Promise.resolve({ statusCode: 201, data: JSON.stringify({ id, url: `/api/uploads/${id++}` }) }),
  );
}
const chosen = (n: number, from = 0) => ({
  type: 'image',
  tempFiles: Array.from({ length: n }, (_, i) => ({
    tempFilePath: `wxfile://tmp/fault-${from + i}.jpg`,
    size: 1000,
    fileType: 'image',
  })),
  errMsg: 'chooseMedia:ok',
});

async function fillValidReport() {
  await tap('repair-category-no_gas');
  await typeInto('repair-description', '从早上开始没有气，表上有余额');
  await typeInto('repair-phone', '13812345678');
}

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('报修 form', () => {
  it("lists the categories of the account's utility, leaks in red", async () => {
    await openForm([boundAccount({ utility: 'heating' })]);
    const tiles = [...document.querySelectorAll('.category')];
    expect(tiles.map((t) => t.id)).toEqual(FAULT_CATEGORIES.heating.map((o) => `repair-category-${o.category}`));
    expect(byId('repair-category-drip_leak').className).toContain('category--emergency');
    expect(byId('repair-address').textContent).toBe('城东区幸福路11号2单元302室');
  });

  it.each([
    ['gas', 'gas_smell', '/packages/repair/emergency?accountId=3'],
    // The heating account's leak page: hot-water steps, not the gas ones.
    ['heating', 'drip_leak', '/packages/repair/emergency?accountId=3&utility=heating'],
  ])('%s / %s sends the resident to the leak page instead, posting nothing', async (utility, category, url) => {
    await openForm([boundAccount({ id: 3, utility })]);
    await tap(`repair-category-${category}`);
    expect(taro.redirectTo).toHaveBeenCalledWith({ url });
    expect(posts()).toEqual([]);
  });

  it('checks the form before sending anything', async () => {
    await openForm();
    await typeInto('repair-phone', '12345');
    await tap('repair-submit');

    expect(byId('repair-category-error').textContent).toBe('请选择报修类别');
    expect(byId('repair-description-error').textContent).toBe('请描述问题');
    expect(byId('repair-phone-error').textContent).toBe('请输入有效的手机号或固定电话');
    expect(posts()).toEqual([]);
  });

  it('takes up to 6 photos, each uploaded with the resident token, then hides the add tile', async () => {
    uploadsAnswer();
    await openForm();
    taro.chooseMedia.mockResolvedValueOnce(chosen(4));
    await tap('repair-photo');
    await waitFor(() => expect(byId('repair-photo-count').textContent).toContain('4/6'));
    expect(taro.chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 6, mediaType: ['image'] }));
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/uploads', header: { Authorization: 'Bearer res-tok-1' } }),
    );

    taro.chooseMedia.mockResolvedValueOnce(chosen(3, 4)); // one too many: only the room left is taken
    await tap('repair-photo');
    await waitFor(() => expect(byId('repair-photo-count').textContent).toContain('6/6'));
    expect(taro.chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 2 }));
    expect(taro.uploadFile).toHaveBeenCalledTimes(6);
    expect(document.getElementById('repair-photo')).toBeNull();

    await tap('repair-photo-remove-0');
    expect(byId('repair-photo-count').textContent).toContain('5/6');
    expect(byId('repair-photo')).toBeTruthy();
  });

  it("submits with an Idempotency-Key, asks for notice consent, then opens the request's detail", async () => {
    uploadsAnswer();
    const created = residentTicket({ id: 88, no: 'T202611230088' });
    await openForm([boundAccount()], {
      'POST /api/repairs': () => answer(201, created),
      'POST /api/my/tickets/88/subscriptions': ({ data }) =>
        answer(201, { accepted: (data as { templateIds: string[] }).templateIds }),
    });
    await fillValidReport();
    taro.chooseMedia.mockResolvedValueOnce(chosen(2));
    await tap('repair-photo');
    await waitFor(() => expect(byId('repair-photo-count').textContent).toContain('2/6'));
    const days = windowDays(new Date());
    const tomorrowMorning =
      windowChoices(new Date()).findIndex((c) => c.windowDate === days[1].date && c.windowSlot === 'morning') + 1;
    act(() => {
      byId('repair-window').dispatchEvent(new CustomEvent('change', { detail: { value: tomorrowMorning } }));
    });
    expect(byId('repair-window-value').textContent).toBe(`${days[1].label} 上午 09:00–12:00`);

    await tap('repair-submit');

    expect(posts()[0].data).toEqual({
      accountId: 1,
      category: 'no_gas',
      description: '从早上开始没有气，表上有余额',
      photoIds: [41, 42],
      contactPhone: '13812345678',
      window: { start: `${days[1].date}T09:00:00+08:00`, end: `${days[1].date}T12:00:00+08:00` },
    });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(byId('repair-created').textContent).toContain('T202611230088');
    expect(taro.redirectTo).not.toHaveBeenCalled();

    await waitFor(() => expect(byId('subscribe-notices').hasAttribute('disabled')).toBe(false));
    await tap('subscribe-notices');
    await tap('subscribe-confirm');

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=88' }));
    expect(sent()).toContain('POST /api/my/tickets/88/subscriptions');
  });

  it('remembers the contact phone for the next report (the profile only has it masked)', async () => {
    const first = await openForm([boundAccount()], { 'POST /api/repairs': () => answer(201, residentTicket()) });
    await fillValidReport();
    await tap('repair-submit');
    await screen.findByText('报修已提交');
    first.unmount();

    await openForm();
    await waitFor(() => expect((byId('repair-phone') as HTMLInputElement).value).toBe('13812345678'));
    clearResidentSession();
    expect(taro.getStorageSync('resident.repair.phone')).toBe('');
  });

  it('keeps a draft when the network fails and resends it with the same key', async () => {
    const first = await openForm([boundAccount()], { 'POST /api/repairs': offline });
    await fillValidReport();
    await tap('repair-submit');

    expect(byId('repair-notice').textContent).toContain('已暂存');
    const key = posts()[0].header['Idempotency-Key'];
    expect(posts()).toHaveLength(2); // the wrapper's one retry, same key
    expect(posts()[1].header['Idempotency-Key']).toBe(key);
    first.unmount();

    taro.request.mockReset();
    await openForm([boundAccount()], { 'POST /api/repairs': () => answer(201, residentTicket()) });
    await waitFor(() =>
      expect((byId('repair-description') as HTMLTextAreaElement).value).toBe('从早上开始没有气，表上有余额'),
    );
    expect(byId('repair-notice').textContent).toContain('已恢复');
    expect(byId('repair-category-no_gas').className).toContain('category--on');

    await tap('repair-submit');

    expect(posts()[0].header['Idempotency-Key']).toBe(key);
    expect(await screen.findByText('报修已提交')).toBeTruthy();
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it("shows the server's refusals on their fields", async () => {
    let refusal = { code: 'FAULT_CATEGORY_INVALID', message: '该户号不支持此报修类别，请重新选择' } as object;
    await openForm([boundAccount()], { 'POST /api/repairs': () => answer(422, refusal) });
    await fillValidReport();

    await tap('repair-submit');
    expect(byId('repair-category-error').textContent).toBe('该户号不支持此报修类别，请重新选择');

    refusal = {
      code: 'VALIDATION_FAILED',
      message: '预约时间须晚于当前时间',
      details: [{ path: 'window.start', message: '预约时间须晚于当前时间' }],
    };
    await tap('repair-submit');
    expect(byId('repair-window-error').textContent).toBe('预约时间须晚于当前时间');
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('');
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('takes an error away once its field is filled, and scrolls to the first one on submit', async () => {
    await openForm();
    await tap('repair-category-no_gas');
    await tap('repair-submit');
    expect(byId('repair-description-error').textContent).toBe('请描述问题');
    expect(taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#repair-description' }));

    await typeInto('repair-description', '从早上开始没有气，表上有余额');
    expect(document.getElementById('repair-description-error')).toBeNull();
    expect(byId('repair-phone-error').textContent).toBe('请填写联系电话');
    expect(posts()).toHaveLength(0);
  });

  it('offers the hotline at one tap below the form', async () => {
    await openForm();
    // H5 build: a tel: link (the mini-program's twin calls Taro.makePhoneCall).
    expect(byId('repair-hotline').getAttribute('href')).toBe('tel:96777');
    expect(byId('repair-hotline').textContent).toBe('拨打服务热线 96777');
  });

  it('offers the hotline to a resident with nothing bound', async () => {
    serve({ 'GET /api/accounts': () => answer(200, []) });
    render(<RepairPage />);
    await screen.findByText('还没有绑定户号');
    expect(byId('repair-hotline').getAttribute('href')).toBe('tel:96777');
  });

  it('sends a resident who is not signed in to login, coming back here', () => {
    clearResidentSession();
    render(<RepairPage />);
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/packages/auth/login?from=${encodeURIComponent('/packages/repair/index')}`,
    });
    expect(taro.request).not.toHaveBeenCalled();
  });
});

describe('an outage over the account', () => {
  const outage = {
    id: 7,
    utility: 'gas',
    kind: 'unplanned',
    phase: 'active',
    label: '停气',
    reason: '中压管线抢修',
    startsAt: '2026-11-23T01:00:00.000Z',
    restoreBy: '2026-11-23T10:30:00.000Z', // 18:30 in Shanghai
    accountNos: ['9100000001'],
  };

  it('is shown above the form with its expected restore time, for the chosen account only', async () => {
    const account = boundAccount();
    await openForm([account], { [`GET /api/outages?accountId=${account.id}`]: () => answer(200, [outage]) });
    const banner = await screen.findByText('停气中');
    expect(banner.closest('#repair-outage')).not.toBeNull();
    expect(screen.getByText(/预计恢复时间：11月23日 18:30/)).toBeTruthy();
    expect(screen.getByText('原因：中压管线抢修')).toBeTruthy();
  });

  it('shows nothing when no outage is over the account', async () => {
    const account = boundAccount();
    await openForm([account], { [`GET /api/outages?accountId=${account.id}`]: () => answer(200, []) });
    await waitFor(() => expect(sent()).toContain(`GET /api/outages?accountId=${account.id}`));
    expect(document.querySelector('#repair-outage')).toBeNull();
  });
});
