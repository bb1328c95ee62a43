import { render, screen, waitFor } from '@testing-library/react';
import { trialBill } from '../../../test/factories/bills';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { clearResidentSession } from '../../services/resident-session';
import { EMPTY_READING_FORM, validateReading } from './reading-form';
import ReadingPage from './reading';

const DRAFT_KEY = 'resident.reading.draft';
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');

async function renderPage() {
  const page = render(<ReadingPage />);
  await screen.findByText('户号 9100000001');
  return page;
}

async function takePhoto(id = 41) {
  taro.uploadFile.mockResolvedValueOnce({ statusCode: 201, data: JSON.stringify({ id, url: `/api/uploads/${id}` }) });
  await tap('reading-photo');
  await screen.findByText('照片已上传，点击可重拍');
}

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ accountId: '1' });
  signInResident();
});

describe('validateReading', () => {
  const form = (over: Partial<typeof EMPTY_READING_FORM>) => ({ ...EMPTY_READING_FORM, accountId: 1, ...over });

  it.each([
    ['', '请填写表盘读数'],
    ['12.345', '读数应为非负数，最多两位小数'],
    ['-3', '读数应为非负数，最多两位小数'],
    ['12345678', '读数应为非负数，最多两位小数'],
    ['1,234', '读数应为非负数，最多两位小数'],
  ])('refuses %p: %s', (value, message) => {
    expect(validateReading(form({ value, photoId: 5 }))).toEqual({ ok: false, errors: { value: message } });
  });

  it('requires the dial photo', () => {
    expect(validateReading(form({ value: '1234.5' }))).toEqual({ ok: false, errors: { photo: '请拍摄表盘照片' } });
  });

  it('sends the reading as typed (trimmed) with the photo id', () => {
    expect(validateReading(form({ value: ' 1354.5 ', photoId: 5 }))).toEqual({
      ok: true,
      request: { value: '1354.5', photoId: 5 },
    });
  });
});

describe('自助抄表', () => {
  it('checks the form before sending anything', async () => {
    serve({ 'GET /api/accounts': () => answer(200, [boundAccount()]) });
    await renderPage();
    await typeInto('reading-value', '12.345');

    await tap('reading-submit');

    expect(byId('reading-value-error').textContent).toBe('读数应为非负数，最多两位小数');
    expect(byId('reading-photo-error').textContent).toBe('请拍摄表盘照片');
    expect(posts()).toEqual([]);
  });

  it('uploads the dial photo, submits with an Idempotency-Key and shows the trial bill', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'POST /api/accounts/1/readings': () => answer(201, trialBill()),
    });
    await renderPage();
    await typeInto('reading-value', '1354.50');
    await takePhoto();
    expect(taro.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }));
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/uploads', filePath: 'wxfile://tmp/dial.jpg', name: 'file' }),
    );

    await tap('reading-submit');

    expect(posts()[0].data).toEqual({ value: '1354.50', photoId: 41 });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(byId('trial-amount').textContent).toBe('¥373.80');
    expect(byId('trial-total').textContent).toBe('合计¥373.80');
    expect(byId('trial-line-2').textContent).toContain('20.50 m³ × ¥3.60/m³ = ¥73.80');
  });

  it('a held reading is explained: staff will check it', async () => {
    const held = trialBill({ trial: null });
    held.reading = { ...held.reading, status: 'held', holdReason: '读数低于上次读数' };
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'POST /api/accounts/1/readings': () => answer(201, held),
    });
    await renderPage();
    await typeInto('reading-value', '1000');
    await takePhoto();

    await tap('reading-submit');

    expect(byId('reading-held').textContent).toContain('读数低于上次读数');
    expect(byId('reading-held').textContent).toContain('需要工作人员核对');
    expect(document.getElementById('trial-amount')).toBeNull();
  });

  it("shows the server's words when the reading is refused, and a refused photo's", async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'POST /api/accounts/1/readings': () => answer(409, { code: 'READING_EXISTS', message: '该户号当天已有抄表读数' }),
    });
    await renderPage();
    taro.uploadFile.mockResolvedValueOnce({
      statusCode: 415,
      data: JSON.stringify({ code: 'PHOTO_TYPE_NOT_ALLOWED', message: '仅支持 JPG、PNG、WebP、HEIC 格式的照片' }),
    });
    await tap('reading-photo');
    await waitFor(() => expect(byId('reading-photo-error').textContent).toBe('仅支持 JPG、PNG、WebP、HEIC 格式的照片'));

    await typeInto('reading-value', '1354.5');
    await takePhoto();
    await tap('reading-submit');
    expect(byId('reading-error').textContent).toBe('该户号当天已有抄表读数');
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('keeps a draft when the network fails and resends it with the same key', async () => {
    serve({ 'GET /api/accounts': () => answer(200, [boundAccount()]), 'POST /api/accounts/1/readings': offline });
    const first = await renderPage();
    await typeInto('reading-value', '1354.5');
    await takePhoto();
    await tap('reading-submit');

    expect(byId('reading-notice').textContent).toContain('已暂存');
    const key = posts()[0].header['Idempotency-Key'];
    expect(posts()).toHaveLength(2); // the wrapper's one retry, same key
    first.unmount();

    taro.request.mockReset();
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'POST /api/accounts/1/readings': () => answer(201, trialBill()),
    });
    await renderPage();
    await waitFor(() => expect((byId('reading-value') as HTMLInputElement).value).toBe('1354.5'));
    expect(byId('reading-notice').textContent).toContain('已恢复');

    await tap('reading-submit');

    expect(posts()[0].header['Idempotency-Key']).toBe(key);
    expect(posts()[0].data).toEqual({ value: '1354.5', photoId: 41 });
    expect(byId('trial-amount').textContent).toBe('¥373.80');
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('');
  });

  it('a draft of another account is not restored, and the draft goes with the session', async () => {
    taro.setStorageSync(DRAFT_KEY, {
      form: { accountId: 2, value: '88', photoId: 3, photoPath: '' },
      idempotencyKey: 'k',
    });
    serve({ 'GET /api/accounts': () => answer(200, [boundAccount()]) });
    await renderPage();
    await waitFor(() => expect(byId('reading-value').querySelector('input')).not.toBeNull());
    expect((byId('reading-value') as HTMLInputElement).value).toBe('');
    expect(document.getElementById('reading-notice')).toBeNull();

    clearResidentSession();
    expect(taro.getStorageSync(DRAFT_KEY)).toBe('');
    expect(sent()).toEqual(['GET /api/accounts']);
  });
});
