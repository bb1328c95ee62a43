import { render } from '@testing-library/react';
import { residentLogin } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { getResidentToken } from '../../services/resident-session';
import { getToken } from '../../services/session';
import ResidentLoginPage from './login';
import { LoginPanel as WeappLoginPanel } from './login-panel.weapp';

const codes = () => taro.request.mock.calls.map(([o]) => o.data.code as string);

beforeEach(() => taro.resetTaroMock());

describe('resident login (H5 mock of WeChat)', () => {
  it('logs in as the default identity with a fresh single-use code each time', async () => {
    serve({ 'POST /api/auth/wechat': () => answer(200, residentLogin()) });
    render(<ResidentLoginPage />);

    await tap('mock-login-submit');
    await tap('mock-login-submit');

    const [first, second] = codes();
    expect(first).toMatch(/^mock-resident-demo:[0-9a-f-]{36}$/);
    expect(second).toMatch(/^mock-resident-demo:/);
    expect(second).not.toBe(first);
  });

  it('keeps the resident token apart from the staff session and returns home once consented', async () => {
    serve({ 'POST /api/auth/wechat': () => answer(200, residentLogin()) });
    render(<ResidentLoginPage />);
    await typeInto('mock-login-identity', 'alice');

    await tap('mock-login-submit');

    expect(codes()[0]).toMatch(/^mock-alice:/);
    expect(getResidentToken()).toBe('res-tok-1');
    expect(getToken()).toBeNull();
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('a first login goes to the privacy guide before anything else, remembering where to return', async () => {
    taro.setRouterParams({ from: encodeURIComponent('/packages/requests/detail?id=7') });
    serve({ 'POST /api/auth/wechat': () => answer(200, residentLogin({ privacyConsentedAt: null })) });
    render(<ResidentLoginPage />);

    await tap('mock-login-submit');

    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/packages/auth/privacy?consent=1&from=${encodeURIComponent('/packages/requests/detail?id=7')}`,
    });
  });

  it('refuses an identity the fake WeChat would not accept, without calling the server', async () => {
    render(<ResidentLoginPage />);
    await typeInto('mock-login-identity', '王 秀英');
    await tap('mock-login-submit');

    expect(document.getElementById('mock-login-identity-error')?.textContent).toContain('仅限字母');
    expect(taro.request).not.toHaveBeenCalled();
  });
});

describe('resident login (weapp)', () => {
  it('passes on the code of wx.login', async () => {
    const onCode = jest.fn();
    render(<WeappLoginPanel busy={false} onCode={onCode} />);

    await tap('login-wechat');

    expect(taro.login).toHaveBeenCalled();
    expect(onCode).toHaveBeenCalledWith('wx-code-1');
  });
});
