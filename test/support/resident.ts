import type { BoundAccountView } from '@utility/shared';
import { Page } from 'playwright-core';
import { demoPhoneLast4 } from './accounts';
import { ResidentLogin, currentPage, goBack, pageSettled, residentLogin } from './browser';

/**
 * Resident helpers on top of browser.ts's `residentLogin` (the H5 mock WeChat login + privacy
 * consent): binding an account through the 绑定户号 page, and the session token the page holds.
 */

export interface AccountToBind {
  accountNo: string;
  holderName: string;
  /** 预留手机号后四位; a demo account's by default. */
  secondFact?: string;
}

/**
 * On the 绑定户号 page (`packages/account/index`): fills 户号, 户主姓名 and 预留手机号后四位, submits, and waits for
 * the account's card. Resolves with the bound accounts as the server answered the bind.
 */
export async function bindAccount(page: Page, account: AccountToBind): Promise<BoundAccountView[]> {
  await page.locator('#bind-accountNo input').fill(account.accountNo);
  await page.locator('#bind-holderName input').fill(account.holderName);
  await page.locator('#bind-secondFact input').fill(account.secondFact ?? demoPhoneLast4(account.accountNo));
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/accounts/bind') && r.request().method() === 'POST');
  await page.locator('#bind-submit').click();
  const response = await answer;
  if (!response.ok()) throw new Error(`bind ${account.accountNo}: ${response.status()} ${await response.text()}`);
  await page.locator(`#account-${account.accountNo}`).waitFor();
  return (await response.json()) as BoundAccountView[];
}

export interface BoundResident {
  login: ResidentLogin;
  /** The bound account as the server knows it (its id is what /api/accounts/:id/… and ?accountId= take). */
  account: BoundAccountView;
}

/**
 * A new resident: mock WeChat login as `identity` → home's 绑定户号 → binds `account` → back on
 * home with the account on its card. For journeys that start from "a resident with an account".
 */
export async function loginAndBind(page: Page, identity: string, account: AccountToBind): Promise<BoundResident> {
  const login = await residentLogin(page, identity);
  await pageSettled(page);
  await currentPage(page).locator('#home-bind-account').click();
  await page.waitForURL(/#\/packages\/account\/index/);
  const accounts = await bindAccount(page, account);
  const bound = accounts.find((a) => a.accountNo === account.accountNo);
  if (!bound)
    throw new Error(
      `bind ${account.accountNo}: not among the accounts answered (${accounts.map((a) => a.accountNo).join(', ')})`,
    );
  await goBack(page);
  await page.waitForURL(/#\/pages\/index\/index/);
  await currentPage(page).locator('.account-summary__no', { hasText: account.accountNo }).waitFor();
  return { login, account: bound };
}

/** The resident session token the H5 app keeps (Taro storage: localStorage `resident.token` as `{"data": …}`). */
export async function residentToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('resident.token'));
  if (!raw) throw new Error('no resident.token in localStorage: not signed in?');
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { data?: unknown }).data === 'string')
      return (parsed as { data: string }).data;
    if (typeof parsed === 'string') return parsed;
  } catch {
    // Not JSON: the token itself.
  }
  return raw;
}
