import { act, fireEvent, render } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { withDeskFrame } from './desk-frame.h5';

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

function atWidth(desk: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: () => ({ matches: desk, addEventListener: () => undefined, removeEventListener: () => undefined }),
  });
}

const Page = withDeskFrame(() => <p id="the-page">通知列表</p>, 'notifications', '消息通知');

beforeEach(() => {
  taro.resetTaroMock();
  taro.request.mockResolvedValue({ statusCode: 200, data: [], header: {} });
  saveSession(staffLogin(Role.Agent));
});
afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('withDeskFrame', () => {
  it('at a desk puts the page in the shell: navigation, the full title, its entry marked current', async () => {
    atWidth(true);
    render(<Page />);
    await settle();
    expect(document.getElementById('desk-nav')).not.toBeNull();
    expect(document.getElementById('desk-page-title')?.textContent).toBe('消息通知');
    expect(document.getElementById('desk-page-notifications')?.contains(document.getElementById('the-page'))).toBe(
      true,
    );
    expect(document.getElementById('desk-nav-notifications')?.getAttribute('aria-current')).toBe('page');
    // Another entry replaces the page; a console view opens the console's page.
    await act(async () => fireEvent.click(document.getElementById('desk-nav-password')!));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/password/index' });
    await act(async () => fireEvent.click(document.getElementById('desk-nav-customers')!));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/customers/index' });
  });

  it('on a phone is the page alone', () => {
    atWidth(false);
    render(<Page />);
    expect(document.getElementById('the-page')).not.toBeNull();
    expect(document.getElementById('desk-nav')).toBeNull();
  });
});
