import { render } from '@testing-library/react';
import { staffLogin } from '../../../test/factories/tickets';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { getStaff, getToken, saveSession } from '../../services/session';
import StaffLoginPage from './index';

beforeEach(() => taro.resetTaroMock());

describe('staff login', () => {
  it('asks for both fields before calling the server', async () => {
    render(<StaffLoginPage />);
    await tap('login-submit');

    expect(byId('login-username-error').textContent).toBe('请输入用户名');
    expect(byId('login-password-error').textContent).toBe('请输入密码');
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('keeps the token and the staff member, then opens the queues', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: staffLogin(), header: {} });
    render(<StaffLoginPage />);
    await typeInto('login-username', 'wang');
    await typeInto('login-password', 'secret');

    await tap('login-submit');

    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/staff/login',
        method: 'POST',
        data: { username: 'wang', password: 'secret' },
      }),
    );
    expect(getToken()).toBe('tok-1');
    expect(getStaff()?.name).toBe('王调度');
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/queues/index' });
  });

  it('sends someone with a one-time password to change it first', async () => {
    taro.request.mockResolvedValue({
      statusCode: 200,
      data: { ...staffLogin(), mustChangePassword: true },
      header: {},
    });
    render(<StaffLoginPage />);
    await typeInto('login-username', 'wang');
    await typeInto('login-password', 'Ab3dEf7hJk2m');

    await tap('login-submit');

    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/password/index?required=1' });
  });

  it('skips the form for someone already signed in', () => {
    saveSession(staffLogin());
    render(<StaffLoginPage />);
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/queues/index' });
  });
});
