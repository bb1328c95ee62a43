import { render } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin, ticketView } from '../../../test/factories/tickets';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import IntakePage from './index';

const offline = () => Promise.reject({ errMsg: 'request:fail timeout' });
const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });

const submit = () => tap('intake-submit');

async function fillValidCall() {
  pick('intake-type', 1); // 一般报修
  await typeInto('intake-accountNo', '1234567890');
  await typeInto('intake-address', '幸福小区3栋2单元501');
  await typeInto('intake-contactName', '李女士');
  await typeInto('intake-contactPhone', '13812345678');
  await typeInto('intake-description', '家里灶台打不着火');
}

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
});

describe('phone intake form', () => {
  it('shows what is wrong with each field and sends nothing', async () => {
    render(<IntakePage />);
    await typeInto('intake-accountNo', '12345');
    await typeInto('intake-contactPhone', '12345');

    await submit();

    expect(byId('intake-type-error').textContent).toBe('请选择工单类型');
    expect(byId('intake-accountNo-error').textContent).toBe('户号应为10位数字');
    expect(byId('intake-address-error').textContent).toBe('请填写地址');
    expect(byId('intake-contactName-error').textContent).toBe('请填写联系人');
    expect(byId('intake-contactPhone-error').textContent).toBe('请输入有效的手机号或固定电话');
    expect(byId('intake-description-error').textContent).toBe('请描述问题');
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('a gas leak brings up the safety instructions to read to the caller', () => {
    render(<IntakePage />);
    expect(document.getElementById('intake-leak-safety')).toBeNull();

    pick('intake-type', 0); // leak comes first

    const safety = byId('intake-leak-safety').textContent;
    for (const step of ['开窗通风', '不要开关电器', '不要点火', '立即离开', '拨打24小时热线'])
      expect(safety).toContain(step);
  });

  it('submits a phone ticket with an Idempotency-Key and opens it', async () => {
    taro.request.mockImplementation(() => answer(201, ticketView({ id: 77 })));
    render(<IntakePage />);
    await fillValidCall();

    await submit();

    const [[options]] = taro.request.mock.calls;
    expect(options).toMatchObject({
      url: '/api/tickets',
      method: 'POST',
      data: { type: 'repair', accountNo: '1234567890', channel: 'phone', contactPhone: '13812345678' },
    });
    expect(options.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=77' });
  });

  it('keeps the draft when the network fails, restores it, and resubmits with the same key', async () => {
    taro.request.mockImplementation(offline);
    const first = render(<IntakePage />);
    await fillValidCall();
    await submit();

    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请稍后重试' }));
    expect(byId('intake-notice').textContent).toContain('已暂存');
    const firstKey = taro.request.mock.calls[0][0].header['Idempotency-Key'];
    first.unmount();

    // The agent comes back to the page later.
    taro.request.mockReset();
    taro.request.mockImplementation(() => answer(201, ticketView({ id: 78 })));
    render(<IntakePage />);

    expect(byId('intake-notice').textContent).toContain('已恢复');
    expect(byId('intake-type-value').textContent).toBe('一般报修');
    expect((byId('intake-address') as HTMLInputElement).value).toBe('幸福小区3栋2单元501');
    expect((byId('intake-contactPhone') as HTMLInputElement).value).toBe('13812345678');

    await submit();

    expect(taro.request.mock.calls[0][0].header['Idempotency-Key']).toBe(firstKey);
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=78' });
    // Once the ticket exists, the draft is gone.
    expect(taro.getStorageSync('staff.intake.draft')).toBe('');
  });
});
