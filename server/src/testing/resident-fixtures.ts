import { BoundAccountView, NoticeTemplates, ResidentTicketView, ResidentView } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_PREPAID_ACCOUNTS, demoAccounts } from '../seed/demo-organisation';
import { FakeWechatHandle } from '../dev/fake-wechat.handle';
import { FakeWechat } from '../dev/fake-wechat.server';
import { TestApp } from './test-app';

const demoAccount = (accountNo: string) =>
  [...demoAccounts(), ...DEMO_PREPAID_ACCOUNTS].find((a) => a.accountNo === accountNo);

/** The holder's name the company has on file for a demo account (seed/demo-organisation.ts). */
export function holderOf(accountNo: string): string {
  const account = demoAccount(accountNo);
  if (!account) throw new Error(`no demo account ${accountNo}`);
  return account.holderName;
}

/** The binding's second fact (BINDING_SECOND_FACT=phone_last4): the last four digits of the registered phone. */
export function secondFactOf(accountNo: string): string {
  const account = demoAccount(accountNo);
  if (!account) throw new Error(`no demo account ${accountNo}`);
  return account.phone.slice(-4);
}

/** What the household types into the bind form for a demo account. */
export const bindBody = (accountNo: string) => ({
  accountNo,
  holderName: holderOf(accountNo),
  secondFact: secondFactOf(accountNo),
});

/** The fake WeChat the test app started (mock mode). */
export function fakeWechat(t: TestApp): FakeWechat {
  const { fake } = t.app.get(FakeWechatHandle);
  if (!fake) throw new Error('the test app started no fake WeChat');
  return fake;
}

/** A fresh wx.login code for an identity: codes are single-use, the identity keeps its openid. */
export const loginCode = (identity: string) => `mock-${identity}:${randomBytes(6).toString('hex')}`;
export const phoneCode = (phone: string) => `mock-phone-${phone}:${randomBytes(6).toString('hex')}`;

export interface Resident {
  auth: string;
  resident: ResidentView;
  identity: string;
}

/** Logs a WeChat identity in as the miniapp does (wx.login → POST /api/auth/wechat). */
export async function residentLogin(t: TestApp, identity: string): Promise<Resident> {
  const res = await t
    .http()
    .post('/api/auth/wechat')
    .send({ code: loginCode(identity) });
  expect(res.status).toBe(200);
  return { auth: `Bearer ${res.body.token}`, resident: res.body.resident, identity };
}

/** Binds a demo account with the right holder's name. */
export async function bindAccount(
  t: TestApp,
  r: Resident,
  accountNo: string,
  label?: string,
): Promise<BoundAccountView[]> {
  const res = await t
    .http()
    .post('/api/accounts/bind')
    .set('Authorization', r.auth)
    .send({ ...bindBody(accountNo), ...(label === undefined ? {} : { label }) });
  expect(res.status).toBe(201);
  return res.body;
}

export async function myAccounts(t: TestApp, r: Resident): Promise<BoundAccountView[]> {
  const res = await t.http().get('/api/accounts').set('Authorization', r.auth);
  expect(res.status).toBe(200);
  return res.body;
}

export async function myTickets(t: TestApp, r: Resident): Promise<ResidentTicketView[]> {
  const res = await t.http().get('/api/my/tickets').set('Authorization', r.auth);
  expect(res.status).toBe(200);
  return res.body;
}

export async function myTicket(t: TestApp, r: Resident, id: number): Promise<ResidentTicketView> {
  const res = await t.http().get(`/api/my/tickets/${id}`).set('Authorization', r.auth);
  expect(res.status).toBe(200);
  return res.body;
}

export async function noticeTemplates(t: TestApp): Promise<NoticeTemplates> {
  const res = await t.http().get('/api/notice-templates');
  expect(res.status).toBe(200);
  return res.body;
}

/** The openid stored for a resident: what subscribe messages must be addressed to. */
export async function openidOf(t: TestApp, residentId: number): Promise<string | null> {
  const rows = await t.app.get(DataSource).query('SELECT openid FROM resident WHERE id = ?', [residentId]);
  return rows[0].openid;
}

/** Rows of a table matching a column, read straight from the database. */
export async function countRows(t: TestApp, table: string, where: Record<string, unknown> = {}): Promise<number> {
  const keys = Object.keys(where);
  const sql = `SELECT COUNT(*) AS n FROM ${table}${keys.length ? ` WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}` : ''}`;
  const rows = await t.app.get(DataSource).query(
    sql,
    keys.map((k) => where[k]),
  );
  return Number(rows[0].n);
}
