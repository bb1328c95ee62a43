import { render, waitFor } from '@testing-library/react';
import { Role, type StaffAccountView } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import StaffEditPage from './edit';
import StaffAccountsPage from './index';

const person = (overrides: Partial<StaffAccountView> = {}): StaffAccountView => ({
  id: 12,
  username: 'qian1',
  name: '钱师傅',
  employeeNo: 'E12',
  phone: '139****9999',
  role: Role.Technician,
  roles: [Role.Technician],
  districtId: 1,
  stationId: null,
  queueIds: [3],
  wecomUserId: null,
  active: true,
  mustChangePassword: false,
  ...overrides,
});

const OPTIONS = {
  districts: [{ id: 1, name: '城东片区' }],
  queues: [
    { id: 3, name: '城东片区抢修调度', districtId: 1 },
    { id: 4, name: '待分类（分诊）', districtId: null },
  ],
};

type Call = { url: string; method?: string; data?: unknown };
function serve(routes: Record<string, (call: Call) => { statusCode: number; data: unknown }>) {
  taro.request.mockImplementation(async (call: Call) => {
    const key = `${call.method ?? 'GET'} ${call.url}`;
    const route = routes[key];
    if (!route) throw new Error(`unexpected ${key}`);
    return { ...route(call), header: {} };
  });
}

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Admin));
});

describe('staff accounts (admin)', () => {
  it('lists staff with roles, masked phone and state', async () => {
    serve({
      'GET /api/admin/staff': () => ({
        statusCode: 200,
        data: [person(), person({ id: 13, username: 'zhao2', name: '赵师傅', active: false })],
      }),
    });
    render(<StaffAccountsPage />);
    await waitFor(() => expect(byId('staff-qian1').textContent).toContain('139****9999'));
    expect(byId('staff-qian1').textContent).toContain('维修工');
    expect(byId('staff-zhao2').textContent).toContain('已停用');
    expect(byId('staff-zhao2-toggle').textContent).toBe('启用');
  });

  it('is closed to anyone but an admin', async () => {
    saveSession(staffLogin(Role.Supervisor));
    render(<StaffAccountsPage />);
    expect(document.body.textContent).toContain('仅管理员');
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('resets a password after a confirmation and shows the new one once, with a copy button', async () => {
    serve({
      'GET /api/admin/staff': () => ({ statusCode: 200, data: [person()] }),
      'POST /api/admin/staff/12/reset-password': () => ({ statusCode: 200, data: { initialPassword: 'Xy7kPq2mNb4r' } }),
    });
    render(<StaffAccountsPage />);
    await waitFor(() => byId('staff-qian1-reset'));
    await tap('staff-qian1-reset');
    await waitFor(() => expect(byId('one-time-password-value').textContent).toBe('Xy7kPq2mNb4r'));
    await tap('one-time-password-copy');
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: 'Xy7kPq2mNb4r' });
    await tap('one-time-password-done');
    expect(document.getElementById('one-time-password')).toBeNull();
  });

  it('disables only when the admin confirms', async () => {
    const disabled = jest.fn(() => ({ statusCode: 200, data: person({ active: false }) }));
    serve({
      'GET /api/admin/staff': () => ({ statusCode: 200, data: [person()] }),
      'POST /api/admin/staff/12/disable': disabled,
    });
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    render(<StaffAccountsPage />);
    await waitFor(() => byId('staff-qian1-toggle'));
    await tap('staff-qian1-toggle');
    expect(disabled).not.toHaveBeenCalled();
    await tap('staff-qian1-toggle');
    await waitFor(() => expect(disabled).toHaveBeenCalled());
  });

  it('creates a staff member and shows the initial password once', async () => {
    const created = jest.fn((_call: Call) => ({
      statusCode: 201,
      data: { id: 20, username: 'sun3', initialPassword: 'Hk3mPq7wZx2c' },
    }));
    serve({
      'GET /api/admin/staff/options': () => ({ statusCode: 200, data: OPTIONS }),
      'POST /api/admin/staff': created,
    });
    render(<StaffEditPage />);
    await waitFor(() => byId('staff-username'));
    await typeInto('staff-username', 'sun3');
    await typeInto('staff-name', '孙师傅');
    await typeInto('staff-employee-no', 'E20');
    await typeInto('staff-phone', '13900003333');
    await tap('staff-role-technician');
    await tap('staff-district-1');
    await tap('staff-queue-3');
    await tap('staff-save');
    await waitFor(() => expect(byId('one-time-password-value').textContent).toBe('Hk3mPq7wZx2c'));
    expect(created.mock.calls[0][0].data).toEqual({
      username: 'sun3',
      name: '孙师傅',
      employeeNo: 'E20',
      phone: '13900003333',
      roles: ['technician'],
      districtId: 1,
      queueIds: [3],
      wecomUserId: null,
    });
  });

  it('points at the field the server refused (a username in use)', async () => {
    serve({
      'GET /api/admin/staff/options': () => ({ statusCode: 200, data: OPTIONS }),
      'POST /api/admin/staff': () => ({
        statusCode: 409,
        data: { code: 'USERNAME_TAKEN', message: '该用户名已被使用' },
      }),
    });
    render(<StaffEditPage />);
    await waitFor(() => byId('staff-username'));
    await typeInto('staff-username', 'tech1');
    await typeInto('staff-name', '某人');
    await typeInto('staff-employee-no', 'E21');
    await typeInto('staff-phone', '13900003333');
    await tap('staff-role-agent');
    await tap('staff-save');
    await waitFor(() => expect(byId('staff-username-error').textContent).toBe('该用户名已被使用'));
  });

  it('checks the form before calling the server', async () => {
    serve({ 'GET /api/admin/staff/options': () => ({ statusCode: 200, data: OPTIONS }) });
    render(<StaffEditPage />);
    await waitFor(() => byId('staff-save'));
    await tap('staff-save');
    expect(byId('staff-roles-error').textContent).toContain('至少选择一个角色');
    expect(taro.request).toHaveBeenCalledTimes(1);
  });

  it('edits someone: only what the form holds, the phone kept when left empty', async () => {
    const updated = jest.fn((_call: Call) => ({
      statusCode: 200,
      data: person({ roles: [Role.Technician, Role.Inspector] }),
    }));
    taro.setRouterParams({ id: '12' });
    serve({
      'GET /api/admin/staff/options': () => ({ statusCode: 200, data: OPTIONS }),
      'GET /api/admin/staff/12': () => ({ statusCode: 200, data: person() }),
      'PATCH /api/admin/staff/12': updated,
    });
    render(<StaffEditPage />);
    await waitFor(() => expect(byId('staff-role-technician').className).toContain('chip--on'));
    await tap('staff-role-inspector');
    await tap('staff-save');
    await waitFor(() => expect(updated).toHaveBeenCalled());
    expect(updated.mock.calls[0][0].data).toEqual({
      name: '钱师傅',
      employeeNo: 'E12',
      roles: ['technician', 'inspector'],
      districtId: 1,
      queueIds: [3],
      wecomUserId: null,
    });
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
  });
});
