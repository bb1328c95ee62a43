import { randomBytes } from 'node:crypto';
import { api } from '../../support/server-process';

/** A demo gas account and its holder (server/src/seed/demo-organisation.ts), as the bind form takes them. */
export const HOME = { accountNo: '9100000001', holderName: '王秀英' };

export interface ResidentSession {
  token: string;
  residentId: number;
  accountId: number;
}

/** wx.login against the server's fake WeChat (mock mode), then binds HOME: a resident who can pay and report. */
export async function residentWithHome(base: string, identity: string): Promise<ResidentSession> {
  const login = await api(base, 'POST', '/api/auth/wechat', undefined, { code: `mock-${identity}:${randomBytes(6).toString('hex')}` });
  if (login.status !== 200) throw new Error(`resident login ${identity}: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  const bound = await api(base, 'POST', '/api/accounts/bind', token, HOME);
  if (bound.status !== 201) throw new Error(`bind ${HOME.accountNo}: ${bound.status} ${JSON.stringify(bound.body)}`);
  const account = (bound.body as { accountNo: string; id: number }[]).find((a) => a.accountNo === HOME.accountNo)!;
  return { token, residentId: login.body.resident.id, accountId: account.id };
}
