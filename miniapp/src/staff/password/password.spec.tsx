import { render, waitFor } from '@testing-library/react';
import { staffLogin } from '../../../test/factories/tickets';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { getToken, saveSession } from '../../services/session';
import ChangePasswordPage from './index';

beforeEach(() => {
  taro.resetTaroMock();
  const login = staffLogin();
  // A username long enough to pass as a password by its length.
  saveSession({ ...login, staff: { ...login.staff, username: 'wang.diaodu' } });
});

async function fill(current: string, next: string, repeat = next) {
  await typeInto('password-current', current);
  await typeInto('password-next', next);
  await typeInto('password-repeat', repeat);
}

describe('change password', () => {
  it('after a one-time password says why it is here', () => {
    taro.setRouterParams({ required: '1' });
    render(<ChangePasswordPage />);
    expect(byId('password-required').textContent).toContain('初始密码');
  });

  it.each([
    ['too short', 'Short-123', 'Short-123', 'password-next-error', '至少需要10个字符'],
    ['the username', 'WANG', 'WANG', 'password-next-error', '不能与用户名相同'],
    ['not repeated the same', 'Good-Password-77', 'Good-Password-78', 'password-repeat-error', '不一致'],
  ])('refuses a new password %s before calling the server', async (_what, next, repeat, errorId, message) => {
    render(<ChangePasswordPage />);
    await fill('Initial-Pass-1', next === 'WANG' ? 'Wang.Diaodu' : next, repeat === 'WANG' ? 'Wang.Diaodu' : repeat);
    await tap('password-submit');
    expect(byId(errorId).textContent).toContain(message);
    expect(taro.request).not.toHaveBeenCalled();
  });

  it("shows the server's reason beside the new password (a common one)", async () => {
    taro.request.mockResolvedValue({
      statusCode: 422,
      data: { code: 'PASSWORD_TOO_WEAK', message: '该密码过于常见，容易被猜到，请换一个' },
      header: {},
    });
    render(<ChangePasswordPage />);
    await fill('Initial-Pass-1', 'password123');
    await tap('password-submit');
    await waitFor(() => expect(byId('password-next-error').textContent).toContain('过于常见'));
  });

  it('keeps the new token and opens the queues', async () => {
    taro.request.mockResolvedValue({ statusCode: 200, data: { ...staffLogin(), token: 'tok-2' }, header: {} });
    render(<ChangePasswordPage />);
    await fill('Initial-Pass-1', 'Good-Password-77');
    await tap('password-submit');
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/staff/me/password',
        method: 'POST',
        data: { current: 'Initial-Pass-1', next: 'Good-Password-77' },
      }),
    );
    expect(getToken()).toBe('tok-2');
    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/queues/index' }));
  });
});
