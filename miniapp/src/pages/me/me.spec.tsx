import { render, screen, waitFor } from '@testing-library/react';
import { residentView, signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { getResidentToken } from '../../services/resident-session';
import MePage from './index';
import { PhoneButton as WeappPhoneButton } from './phone-button.weapp';

beforeEach(() => taro.resetTaroMock());

describe('me', () => {
  it('shows the masked phone once shared', () => {
    signInResident({ phone: '138****5678' });
    render(<MePage />);
    expect(byId('me-phone').textContent).toBe('138****5678');
    expect(document.getElementById('me-get-phone')).toBeNull();
  });

  it('H5: the mock phone sheet sends a single-use mock code for the typed number', async () => {
    signInResident();
    serve({ 'POST /api/auth/phone': () => answer(200, residentView({ phone: '139****1111' })) });
    render(<MePage />);

    await tap('me-get-phone');
    (byId('mock-phone-input') as HTMLInputElement).value = '13900001111';
    await tap('mock-phone-confirm');

    await screen.findByText('139****1111');
    const [[{ data }]] = taro.request.mock.calls;
    expect(data.code).toMatch(/^mock-phone-13900001111:[0-9a-f-]{36}$/);
  });

  it('H5: the mock phone sheet wants 11 digits', async () => {
    signInResident();
    render(<MePage />);
    await tap('me-get-phone');
    (byId('mock-phone-input') as HTMLInputElement).value = '139';
    await tap('mock-phone-confirm');
    expect(document.querySelector('.mock-sheet__error')?.textContent).toBe('请输入11位手机号');
    await tap('mock-phone-cancel');
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('weapp: passes on the code of the getPhoneNumber button, and nothing when refused', () => {
    const onCode = jest.fn();
    render(<WeappPhoneButton busy={false} onCode={onCode} />);
    const button = byId('me-get-phone');
    button.dispatchEvent(new CustomEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } }));
    button.dispatchEvent(
      new CustomEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'phone-code-1' } }),
    );
    expect(onCode.mock.calls).toEqual([['phone-code-1']]);
  });

  it('注销微信身份 explains what stays, then deletes the identity and signs out', async () => {
    signInResident();
    serve({ 'DELETE /api/me': () => answer(204, '') });
    render(<MePage />);

    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await tap('me-delete-identity');
    expect(taro.request).not.toHaveBeenCalled();

    await tap('me-delete-identity');
    expect(taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: expect.stringContaining('公司的户号档案') }),
    );
    await waitFor(() => expect(sent()).toEqual(['DELETE /api/me']));
    expect(getResidentToken()).toBeNull();
    expect(await screen.findByText('登录后使用')).toBeTruthy();
  });

  it('退出登录 forgets the session on this phone only', async () => {
    signInResident();
    render(<MePage />);
    await tap('me-logout');
    expect(getResidentToken()).toBeNull();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
