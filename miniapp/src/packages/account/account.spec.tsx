import { render, screen, waitFor } from '@testing-library/react';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, offline, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { clearResidentSession } from '../../services/resident-session';
import AccountsPage from './index';

const home = boundAccount();
const parents = boundAccount({ id: 2, accountNo: '9100000002', holderName: '李**', label: '父母家', isDefault: false });

async function fillBind() {
  await typeInto('bind-accountNo', '9100000002');
  await typeInto('bind-holderName', '李建华');
  await typeInto('bind-secondFact', '5678');
  await tap('bind-label-父母家');
}

/** Taro's Input renders its inner field a moment after mounting. */
const loaded = (id: string) => waitFor(() => expect(byId(id).querySelector('input')).not.toBeNull());

/** The form shows once the list is known. */
async function renderPage() {
  const page = render(<AccountsPage />);
  await screen.findByText('绑定新户号');
  return page;
}

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('my accounts', () => {
  it('lists the bound accounts with the default badge, labels and masked holder', async () => {
    serve({ 'GET /api/accounts': () => answer(200, [home, parents]) });
    render(<AccountsPage />);

    const first = await screen.findByText('9100000001');
    expect(byId('account-9100000001').textContent).toContain('默认');
    expect(byId('account-9100000002').textContent).toContain('父母家');
    expect(byId('account-9100000002').textContent).toContain('李**');
    expect(first).toBeTruthy();
    expect(document.getElementById('account-default-9100000001')).toBeNull();
  });

  it('sets another account as the default', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [home, parents]),
      'POST /api/accounts/2/default': () =>
        answer(200, [
          { ...home, isDefault: false },
          { ...parents, isDefault: true },
        ]),
    });
    render(<AccountsPage />);
    await screen.findByText('9100000002');

    await tap('account-default-9100000002');

    expect(sent()).toContain('POST /api/accounts/2/default');
    expect(byId('account-9100000002').textContent).toContain('默认');
  });

  it('unbinds only after the resident confirms', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [home, parents]),
      'DELETE /api/accounts/2': () => answer(200, [home]),
    });
    render(<AccountsPage />);
    await screen.findByText('9100000002');

    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await tap('account-unbind-9100000002');
    expect(sent()).not.toContain('DELETE /api/accounts/2');

    await tap('account-unbind-9100000002');
    expect(taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: expect.stringContaining('户号档案不受影响') }),
    );
    expect(sent()).toContain('DELETE /api/accounts/2');
    expect(document.getElementById('account-9100000002')).toBeNull();
  });

  it('sends a new resident to the login page', () => {
    clearResidentSession();
    render(<AccountsPage />);
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/packages/auth/login?from=${encodeURIComponent('/packages/account/index')}`,
    });
    expect(taro.request).not.toHaveBeenCalled();
  });
});

describe('bind form', () => {
  it('validates with the shared schema and sends nothing while wrong', async () => {
    serve({ 'GET /api/accounts': () => answer(200, []) });
    await renderPage();
    await typeInto('bind-accountNo', '12345');

    await tap('bind-submit');

    expect(byId('bind-accountNo-error').textContent).toBe('户号应为10位数字');
    expect(byId('bind-holderName-error').textContent).toBe('请填写户主姓名');
    expect(sent().filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it("asks for the operator's second fact, with its label, and sends nothing without it", async () => {
    serve({
      'GET /api/accounts': () => answer(200, []),
      'GET /api/accounts/binding-requirement': () =>
        answer(200, {
          secondFact: 'last_bill_amount',
          label: '最近一期账单金额（元）',
          hint: '最近一期账单的应缴金额',
        }),
    });
    await renderPage();
    await screen.findByText('最近一期账单金额（元）');
    await typeInto('bind-accountNo', '9100000002');
    await typeInto('bind-holderName', '李建华');

    await tap('bind-submit');

    expect(byId('bind-secondFact-error').textContent).toBe('请填写最近一期账单金额（元）');
    expect(sent().filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('shows no second field when the operator asks for none', async () => {
    serve({
      'GET /api/accounts': () => answer(200, []),
      'GET /api/accounts/binding-requirement': () => answer(200, { secondFact: 'none', label: null, hint: null }),
    });
    await renderPage();
    await waitFor(() => expect(document.getElementById('bind-secondFact')).toBeNull());
  });

  it('binds with an Idempotency-Key and shows the new list', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [home]),
      'POST /api/accounts/bind': () => answer(200, [home, parents]),
    });
    await renderPage();
    await fillBind();

    await tap('bind-submit');

    const post = taro.request.mock.calls.map(([o]) => o).find((o) => o.method === 'POST');
    expect(post.data).toEqual({ accountNo: '9100000002', holderName: '李建华', secondFact: '5678', label: '父母家' });
    expect(post.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('9100000002')).toBeTruthy();
    expect((byId('bind-accountNo') as HTMLInputElement).value).toBe('');
  });

  it("shows the server's message when number and name do not match, or after too many tries", async () => {
    let status = 422;
    serve({
      'GET /api/accounts': () => answer(200, []),
      'POST /api/accounts/bind': () =>
        status === 422
          ? answer(422, { code: 'BIND_MISMATCH', message: '户号与户主姓名不匹配，请核对后重试' })
          : answer(429, { code: 'RATE_LIMITED', message: '绑定失败次数过多，请1小时后再试' }),
    });
    await renderPage();
    await fillBind();

    await tap('bind-submit');
    expect(byId('bind-error').textContent).toBe('户号与户主姓名不匹配，请核对后重试');

    status = 429;
    await tap('bind-submit');
    expect(byId('bind-error').textContent).toBe('绑定失败次数过多，请1小时后再试');
  });

  it('keeps a draft when the network fails and resends it with the same key', async () => {
    serve({ 'GET /api/accounts': () => answer(200, []), 'POST /api/accounts/bind': offline });
    const first = await renderPage();
    await fillBind();
    await tap('bind-submit');

    expect(byId('bind-notice').textContent).toContain('已暂存');
    const key = taro.request.mock.calls.find(([o]) => o.method === 'POST')[0].header['Idempotency-Key'];
    first.unmount();

    taro.request.mockReset();
    serve({ 'GET /api/accounts': () => answer(200, []), 'POST /api/accounts/bind': () => answer(200, [parents]) });
    await renderPage();
    await loaded('bind-accountNo');
    await loaded('bind-holderName');
    expect(byId('bind-notice').textContent).toContain('已恢复');
    expect((byId('bind-accountNo') as HTMLInputElement).value).toBe('9100000002');
    expect((byId('bind-holderName') as HTMLInputElement).value).toBe('李建华');
    expect(byId('bind-label-父母家').className).toContain('chip--on');

    await tap('bind-submit');

    expect(taro.request.mock.calls.find(([o]) => o.method === 'POST')[0].header['Idempotency-Key']).toBe(key);
    expect(taro.getStorageSync('resident.bind.draft')).toBe('');
  });

  it('the draft goes with the session: it holds a holder name', async () => {
    serve({ 'GET /api/accounts': () => answer(200, []), 'POST /api/accounts/bind': offline });
    await renderPage();
    await fillBind();
    await tap('bind-submit');
    expect(taro.getStorageSync('resident.bind.draft')).not.toBe('');

    clearResidentSession();
    expect(taro.getStorageSync('resident.bind.draft')).toBe('');
  });
});
