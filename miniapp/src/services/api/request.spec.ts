import { ERROR_MESSAGES, ErrorCode, Role } from '@utility/shared';
import * as taro from '../../../test/taro-mock';
import { residentLogin } from '../../../test/factories/residents';
import { ApiRequestError, NETWORK_ERROR, residentApi, staffApi } from './request';
import { getResident, getResidentToken, saveResidentLogin } from '../resident-session';
import { getToken, saveSession } from '../session';

const offline = () => Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' });
const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });

function signIn() {
  saveSession({
    token: 'tok-1',
    expiresAt: '2026-11-24T00:00:00Z',
    staff: {
      id: 7,
      name: '王调度',
      username: 'wang',
      role: Role.Dispatcher,
      stationId: 1,
      districtId: 1,
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiRequestError);
  return error as ApiRequestError;
}

beforeEach(() => taro.resetTaroMock());

describe('request wrapper', () => {
  it('sends the stored token as a bearer and returns the body', async () => {
    signIn();
    taro.request.mockImplementation(() => answer(200, [{ id: 1 }]));

    await expect(staffApi.request('/api/queues')).resolves.toEqual([{ id: 1 }]);
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/queues',
        method: 'GET',
        header: expect.objectContaining({ Authorization: 'Bearer tok-1' }),
      }),
    );
  });

  it('turns an error code into an ApiRequestError and toasts the Chinese message', async () => {
    taro.request.mockImplementation(() =>
      answer(409, { code: 'TICKET_ALREADY_CLAIMED', message: '该工单已被他人领取' }),
    );

    const error = await failure(staffApi.request('/api/tickets/5/claim', { method: 'POST' }));
    expect(error).toMatchObject({ code: ErrorCode.TicketAlreadyClaimed, status: 409, message: '该工单已被他人领取' });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该工单已被他人领取', icon: 'none' }));
  });

  it('stays quiet when the caller shows the error itself', async () => {
    taro.request.mockImplementation(() => answer(404, { code: 'NOT_FOUND', message: '未找到相关记录' }));

    await failure(staffApi.request('/api/tickets/404', { silent: true }));
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('maps an answer without a code (a proxy error page) by its status', async () => {
    taro.request.mockImplementation(() => answer(502, '<html>Bad Gateway</html>'));

    const error = await failure(staffApi.request('/api/queues'));
    expect(error).toMatchObject({ code: ErrorCode.Internal, message: '系统繁忙，请稍后再试' });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '系统繁忙，请稍后再试' }));
  });

  it("maps a proxy's refusal as the server maps the same status: 413 (too large) is a validation failure", async () => {
    taro.request.mockImplementation(() => answer(413, '<html>Request Entity Too Large</html>'));

    const error = await failure(staffApi.request('/api/queues', { method: 'POST', data: {} }));
    expect(error).toMatchObject({ code: ErrorCode.ValidationFailed, status: 413 });
    expect(error.message).toBe(ERROR_MESSAGES[ErrorCode.ValidationFailed]);
  });

  it('on 401 forgets the session and goes to the staff login', async () => {
    signIn();
    taro.request.mockImplementation(() => answer(401, { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' }));

    await failure(staffApi.request('/api/queues'));
    expect(getToken()).toBeNull();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
  });

  it('on 403 PASSWORD_CHANGE_REQUIRED keeps the session and opens the password change', async () => {
    signIn();
    taro.request.mockImplementation(() =>
      answer(403, { code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录或密码被重置后，请先修改密码' }),
    );

    await failure(staffApi.request('/api/queues'));
    expect(getToken()).toBe('tok-1');
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/password/index?required=1' });
  });

  it('a wrong password is not a lost session: no redirect', async () => {
    taro.request.mockImplementation(() => answer(401, { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' }));

    await failure(staffApi.request('/api/staff/login', { method: 'POST', data: { username: 'a', password: 'b' } }));
    expect(taro.reLaunch).not.toHaveBeenCalled();
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '用户名或密码错误' }));
  });

  it('retries a network failure once with the same Idempotency-Key', async () => {
    taro.request.mockImplementationOnce(offline).mockImplementationOnce(() => answer(201, { id: 9 }));

    await expect(
      staffApi.request('/api/tickets', { method: 'POST', data: {}, idempotencyKey: 'key-1' }),
    ).resolves.toEqual({
      id: 9,
    });
    expect(taro.request).toHaveBeenCalledTimes(2);
    const keys = taro.request.mock.calls.map(([options]) => options.header['Idempotency-Key']);
    expect(keys).toEqual(['key-1', 'key-1']);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('after a second network failure says 网络异常，请稍后重试', async () => {
    taro.request.mockImplementation(offline);

    const error = await failure(staffApi.request('/api/queues'));
    expect(error).toMatchObject({ code: NETWORK_ERROR, status: 0 });
    expect(taro.request).toHaveBeenCalledTimes(2);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请稍后重试' }));
  });

  it('never repeats a POST the server could not tell apart', async () => {
    taro.request.mockImplementation(offline);

    await failure(staffApi.request('/api/staff/login', { method: 'POST', data: {} }));
    expect(taro.request).toHaveBeenCalledTimes(1);
  });

  it('sends {} with a bodiless POST: the server refuses an empty JSON body', async () => {
    taro.request.mockImplementation(() => answer(200, {}));

    await staffApi.request('/api/tickets/5/claim', { method: 'POST' });
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', data: {} }));
  });
});

describe('request wrapper: residents and staff', () => {
  const bearer = () => taro.request.mock.calls.map(([options]) => options.header.Authorization);

  it('sends the resident token on the resident client and the staff token on the staff one', async () => {
    signIn(); // staff tok-1
    saveResidentLogin(residentLogin()); // resident res-tok-1
    taro.request.mockImplementation(() => answer(200, []));

    await residentApi.request('/api/my/tickets');
    await residentApi.request('/api/accounts');
    await staffApi.request('/api/queues');

    expect(bearer()).toEqual(['Bearer res-tok-1', 'Bearer res-tok-1', 'Bearer tok-1']);
  });

  it('never lends the staff token to a resident call, even when no resident is signed in', async () => {
    signIn();
    taro.request.mockImplementation(() => answer(200, {}));

    await residentApi.request('/api/notice-templates');
    expect(bearer()).toEqual([undefined]);
  });

  it('a resident token past its expiry counts as none', async () => {
    saveResidentLogin({ ...residentLogin(), expiresAt: '2020-01-01T00:00:00Z' });
    expect(getResidentToken()).toBeNull();
  });

  it('on 401 from a resident endpoint signs the resident out, not the staff member, and opens the resident login', async () => {
    signIn();
    saveResidentLogin(residentLogin());
    taro.request.mockImplementation(() => answer(401, { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' }));

    await failure(residentApi.request('/api/my/tickets'));
    expect(getResidentToken()).toBeNull();
    expect(getResident()).toBeNull();
    expect(getToken()).toBe('tok-1');
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/auth/login' });
  });

  it('a refused WeChat code is not a lost session: no redirect', async () => {
    taro.request.mockImplementation(() =>
      answer(401, { code: 'WECHAT_CODE_INVALID', message: '微信授权已失效，请重新登录' }),
    );

    await failure(residentApi.request('/api/auth/wechat', { method: 'POST', data: { code: 'mock-a:1' } }));
    expect(taro.reLaunch).not.toHaveBeenCalled();
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '微信授权已失效，请重新登录' }));
  });
});

describe('upload wrapper', () => {
  it("sends the file as field `file` with the resident's token and parses the text answer", async () => {
    saveResidentLogin(residentLogin());
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: '{"id":12,"url":"/api/uploads/12"}' });

    await expect(residentApi.upload('/api/uploads', 'wxfile://tmp/dial.jpg')).resolves.toEqual({
      id: 12,
      url: '/api/uploads/12',
    });
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/uploads',
        filePath: 'wxfile://tmp/dial.jpg',
        name: 'file',
        header: { Authorization: 'Bearer res-tok-1' },
      }),
    );
  });

  it("sends the staff token when told to (a technician's photo), and signs the staff member out on its 401", async () => {
    signIn(); // staff tok-1
    saveResidentLogin(residentLogin());
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: '{"id":13,"url":"/api/uploads/13"}' });

    await staffApi.upload('/api/uploads', 'wxfile://tmp/after.jpg');
    expect(taro.uploadFile).toHaveBeenLastCalledWith(
      expect.objectContaining({ header: { Authorization: 'Bearer tok-1' } }),
    );

    taro.uploadFile.mockResolvedValue({
      statusCode: 401,
      data: JSON.stringify({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' }),
    });
    await failure(staffApi.upload('/api/uploads', 'wxfile://tmp/after.jpg'));
    expect(getToken()).toBeNull();
    expect(getResidentToken()).toBe('res-tok-1');
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' });
  });

  it("shows the server's message for a refused photo, and is never retried", async () => {
    taro.uploadFile.mockResolvedValue({
      statusCode: 413,
      data: JSON.stringify({ code: 'PHOTO_TOO_LARGE', message: '照片太大，请压缩后重新上传' }),
    });
    const error = await failure(residentApi.upload('/api/uploads', 'blob:x'));
    expect(error).toMatchObject({ code: ErrorCode.PhotoTooLarge, status: 413 });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '照片太大，请压缩后重新上传' }));

    taro.uploadFile.mockReset().mockRejectedValue({ errMsg: 'uploadFile:fail timeout' });
    expect(await failure(residentApi.upload('/api/uploads', 'blob:x', { silent: true }))).toMatchObject({
      code: NETWORK_ERROR,
    });
    expect(taro.uploadFile).toHaveBeenCalledTimes(1);
  });
});
