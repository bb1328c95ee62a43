import { render, screen } from '@testing-library/react'
import { boundAccount, signInResident } from '../../../test/factories/residents'
import { answer, serve } from '../../../test/serve'
import { byId, tap } from '../../../test/taro-events'
import * as taro from '../../../test/taro-mock'
import HomePage from './index'

beforeEach(() => taro.resetTaroMock())

describe('home', () => {
  it("shows the default account's card, with 切换 to the accounts page", async () => {
    signInResident()
    serve({
      'GET /api/accounts': () =>
        answer(200, [boundAccount({ id: 1, accountNo: '9100000001', isDefault: false }), boundAccount({ id: 2, accountNo: '9100000002', holderName: '李**', label: '父母家', isDefault: true })]),
    })
    render(<HomePage />)

    const card = await screen.findByText('户号 9100000002')
    expect(card).toBeTruthy()
    expect(byId('home-account-card').textContent).toContain('李**')
    expect(byId('home-account-card').textContent).toContain('父母家')
    await tap('home-account-switch')
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/index' })
  })

  it('offers binding when nothing is bound', async () => {
    signInResident()
    serve({ 'GET /api/accounts': () => answer(200, []) })
    render(<HomePage />)
    expect(await screen.findByText('还没有绑定户号')).toBeTruthy()
  })

  it('asks a visitor to log in and fetches nothing; the staff entry stays', async () => {
    render(<HomePage />)
    await tap('home-login')
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/auth/login?from=${encodeURIComponent('/pages/index/index')}` })
    expect(taro.request).not.toHaveBeenCalled()

    await tap('home-staff-entry')
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/login/index' })
  })

  it('services of later releases say 即将开放 and go nowhere; 我的报修 opens its tab', async () => {
    render(<HomePage />)
    for (const key of ['leak', 'pay', 'repair', 'inspection']) {
      expect(byId(`home-entry-${key}`).textContent).toContain('即将开放')
      await tap(`home-entry-${key}`)
    }
    expect(taro.navigateTo).not.toHaveBeenCalled()
    expect(taro.switchTab).not.toHaveBeenCalled()
    expect(byId('home-entry-leak').className).toContain('entry--danger')

    await tap('home-entry-requests')
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/requests/index' })
  })
})
