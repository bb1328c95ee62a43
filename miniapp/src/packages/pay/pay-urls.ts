import type { BoundAccountView } from '@utility/shared';
import { defaultAccount, listAccounts } from '../../services/api/accounts';

export const BILLS_URL = '/packages/pay/bills';
/** 代缴: paying by 户号 without binding. */
export const PROXY_URL = '/packages/pay/proxy';
export const billUrl = (billId: number) => `/packages/pay/detail?id=${billId}`;
export const recordsUrl = (accountId: number) => `/packages/pay/records?accountId=${accountId}`;
export const readingUrl = (accountId: number) => `/packages/pay/reading?accountId=${accountId}`;
export const resultUrl = (billId: number, orderNo: string) =>
  `/packages/pay/result?billId=${billId}&orderNo=${encodeURIComponent(orderNo)}`;

/** The bound account a page was opened for (`?accountId=`), else the default one; null when none is bound. */
export async function pickAccount(
  accountId?: string,
): Promise<{ accounts: BoundAccountView[]; account: BoundAccountView | null }> {
  const accounts = await listAccounts();
  const account = accounts.find((a) => String(a.id) === accountId) ?? defaultAccount(accounts);
  return { accounts, account };
}
