import { ErrorCode, Role } from '@utility/shared'
import * as taro from '../../test/taro-mock'
import { ApiRequestError, NETWORK_ERROR, request } from './request'
import { getToken, saveSession } from './session'

const offline = () => Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' })
const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} })

function signIn() {
  saveSession({
    token: 'tok-1',
    expiresAt: '2026-11-24T00:00:00Z',
    staff: { id: 7, name: '王调度', username: 'wang', role: Role.Dispatcher, stationId: 1, districtId: 1, onDuty: true },
  })
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiRequestError)
  return error as ApiRequestError
}

beforeEach(() => taro.resetTaroMock())

describe('request wrapper', () => {
  it('sends the stored token as a bearer and returns the body', async () => {
    signIn()
    taro.request.mockImplementation(() => answer(200, [{ id: 1 }]))

    await expect(request('/api/queues')).resolves.toEqual([{ id: 1 }])
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/queues', method: 'GET', header: expect.objectContaining({ Authorization: 'Bearer tok-1' }) }),
    )
  })

  it('turns an error code into an ApiRequestError and toasts the Chinese message', async () => {
    taro.request.mockImplementation(() => answer(409, { code: 'TICKET_ALREADY_CLAIMED', message: '该工单已被他人领取' }))

    const error = await failure(request('/api/tickets/5/claim', { method: 'POST' }))
    expect(error).toMatchObject({ code: ErrorCode.TicketAlreadyClaimed, status: 409, message: '该工单已被他人领取' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该工单已被他人领取', icon: 'none' }))
  })

  it('stays quiet when the caller shows the error itself', async () => {
    taro.request.mockImplementation(() => answer(404, { code: 'NOT_FOUND', message: '未找到相关记录' }))

    await failure(request('/api/tickets/404', { silent: true }))
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('maps an answer without a code (a proxy error page) by its status', async () => {
    taro.request.mockImplementation(() => answer(502, '<html>Bad Gateway</html>'))

    const error = await failure(request('/api/queues'))
    expect(error).toMatchObject({ code: ErrorCode.Internal, message: '系统繁忙，请稍后再试' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '系统繁忙，请稍后再试' }))
  })

  it('on 401 forgets the session and goes to the staff login', async () => {
    signIn()
    taro.request.mockImplementation(() => answer(401, { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' }))

    await failure(request('/api/queues'))
    expect(getToken()).toBeNull()
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/login/index' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }))
  })

  it('a wrong password is not a lost session: no redirect', async () => {
    taro.request.mockImplementation(() => answer(401, { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' }))

    await failure(request('/api/staff/login', { method: 'POST', data: { username: 'a', password: 'b' } }))
    expect(taro.reLaunch).not.toHaveBeenCalled()
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '用户名或密码错误' }))
  })

  it('retries a network failure once with the same Idempotency-Key', async () => {
    taro.request.mockImplementationOnce(offline).mockImplementationOnce(() => answer(201, { id: 9 }))

    await expect(request('/api/tickets', { method: 'POST', data: {}, idempotencyKey: 'key-1' })).resolves.toEqual({ id: 9 })
    expect(taro.request).toHaveBeenCalledTimes(2)
    const keys = taro.request.mock.calls.map(([options]) => options.header['Idempotency-Key'])
    expect(keys).toEqual(['key-1', 'key-1'])
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('after a second network failure says 网络异常，请稍后重试', async () => {
    taro.request.mockImplementation(offline)

    const error = await failure(request('/api/queues'))
    expect(error).toMatchObject({ code: NETWORK_ERROR, status: 0 })
    expect(taro.request).toHaveBeenCalledTimes(2)
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请稍后重试' }))
  })

  it('never repeats a POST the server could not tell apart', async () => {
    taro.request.mockImplementation(offline)

    await failure(request('/api/staff/login', { method: 'POST', data: {} }))
    expect(taro.request).toHaveBeenCalledTimes(1)
  })

  it('sends {} with a bodiless POST: the server refuses an empty JSON body', async () => {
    taro.request.mockImplementation(() => answer(200, {}))

    await request('/api/tickets/5/claim', { method: 'POST' })
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', data: {} }))
  })
})
