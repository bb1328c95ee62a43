import { randomBytes } from 'node:crypto';
import { demoPhoneLast4 } from '../../support/accounts';
import { api } from '../../support/server-process';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐';
const GIVEN = ['秀英', '建华', '丽娟', '志强', '桂兰', '国庆', '海燕', '文博', '淑珍', '明辉'];

/** Demo account n (1…50) and its holder, as server/src/seed/demo-organisation.ts seeds them; n % 5 ≠ 0 is gas, billed for 2026-10. */
export const demoAccount = (n: number) => ({
  accountNo: `91000000${String(n).padStart(2, '0')}`,
  holderName: SURNAMES[(n - 1) % 25] + GIVEN[(n - 1) % 10],
  secondFact: demoPhoneLast4(`91000000${String(n).padStart(2, '0')}`),
});

export const HOME = demoAccount(1);

export interface ResidentSession {
  token: string;
  residentId: number;
  accountId: number;
}

/** wx.login against the server's fake WeChat (mock mode), then binds demo account n: a resident who can pay and report. */
export async function residentWithAccount(base: string, identity: string, n = 1): Promise<ResidentSession> {
  const login = await api(base, 'POST', '/api/auth/wechat', undefined, {
    code: `mock-${identity}:${randomBytes(6).toString('hex')}`,
  });
  if (login.status !== 200)
    throw new Error(`resident login ${identity}: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  const account = demoAccount(n);
  const bound = await api(base, 'POST', '/api/accounts/bind', token, account);
  if (bound.status !== 201) throw new Error(`bind ${account.accountNo}: ${bound.status} ${JSON.stringify(bound.body)}`);
  const view = (bound.body as { accountNo: string; id: number }[]).find((a) => a.accountNo === account.accountNo)!;
  return { token, residentId: login.body.resident.id, accountId: view.id };
}
