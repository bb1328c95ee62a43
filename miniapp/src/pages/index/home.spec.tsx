import { render, screen, waitFor } from '@testing-library/react';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import HomePage from './index';

beforeEach(() => taro.resetTaroMock());

describe('home', () => {
  it("shows the default account's card, with 切换 to the accounts page", async () => {
    signInResident();
    serve({
      'GET /api/accounts': () =>
        answer(200, [
          boundAccount({ id: 1, accountNo: '9100000001', isDefault: false }),
          boundAccount({ id: 2, accountNo: '9100000002', holderName: '李**', label: '父母家', isDefault: true }),
        ]),
      'GET /api/accounts/2/arrears': () => answer(200, { unpaidFen: 0, overdueFen: 0 }),
    });
    render(<HomePage />);

    const card = await screen.findByText('户号 9100000002');
    expect(card).toBeTruthy();
    expect(byId('home-account-card').textContent).toContain('李**');
    expect(byId('home-account-card').textContent).toContain('父母家');
    await tap('home-account-switch');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/index' });
    expect(document.getElementById('home-arrears')).toBeNull();
  });

  it("shows the default account's arrears, overdue part included, with 去缴费", async () => {
    signInResident();
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/accounts/1/arrears': () => answer(200, { unpaidFen: 62_380, overdueFen: 25_000 }),
    });
    render(<HomePage />);

    expect((await screen.findByText('¥623.80')).id).toBe('home-arrears-amount');
    expect(byId('home-arrears').textContent).toContain('其中已逾期 ¥250.00');
    await tap('home-arrears-pay');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pay/bills' });
  });

  it('leaves the banner out when the arrears cannot be fetched, silently', async () => {
    signInResident();
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/accounts/1/arrears': () => answer(500, {}),
    });
    render(<HomePage />);

    await screen.findByText('户号 9100000001');
    await waitFor(() => expect(sent()).toContain('GET /api/accounts/1/arrears'));
    expect(document.getElementById('home-arrears')).toBeNull();
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('dials the hotline and opens the service information, signed in or not', async () => {
    render(<HomePage />);

    // H5 build: a tel: link (the mini-program's twin calls Taro.makePhoneCall).
    expect(byId('home-hotline').getAttribute('href')).toBe('tel:96777');
    await tap('home-entry-guide');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/info/knowledge?kind=guide' });
    await tap('home-entry-outlets');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/info/outlets' });
  });

  it('offers binding when nothing is bound', async () => {
    signInResident();
    serve({ 'GET /api/accounts': () => answer(200, []) });
    render(<HomePage />);
    expect(await screen.findByText('还没有绑定户号')).toBeTruthy();
  });

  it('asks a visitor to log in and fetches nothing; the staff entry stays', async () => {
    render(<HomePage />);
    await tap('home-login');
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/auth/login?from=${encodeURIComponent('/pages/index/index')}`,
    });
    expect(taro.request).not.toHaveBeenCalled();

    await tap('home-staff-entry');
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/login/index' });
  });

  it('every service is open: 预约安检 opens the booking page, 缴费 the bills, 我的报修 its tab', async () => {
    render(<HomePage />);
    expect(document.body.textContent).not.toContain('即将开放');
    expect(byId('home-entry-inspection').getAttribute('aria-disabled')).toBeNull();
    await tap('home-entry-inspection');
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/inspection/index' });

    await tap('home-entry-requests');
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/requests/index' });

    expect(byId('home-entry-pay').getAttribute('aria-disabled')).toBeNull();
    await tap('home-entry-pay');
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/pay/bills' });
  });

  it('the red 燃气泄漏 entry comes first and opens the leak page, even for a visitor; 报修 opens the form', async () => {
    render(<HomePage />);
    const entries = [...document.querySelectorAll('.entry')].map((e) => e.id);
    expect(entries[0]).toBe('home-entry-leak');
    expect(byId('home-entry-leak').className).toContain('entry--danger');
    expect(byId('home-entry-leak').textContent).not.toContain('即将开放');

    await tap('home-entry-leak');
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/repair/emergency' });
    await tap('home-entry-repair');
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/repair/index' });
    expect(taro.request).not.toHaveBeenCalled();
  });
});
