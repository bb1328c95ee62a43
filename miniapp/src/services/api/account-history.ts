import type { AccountHistoryView, StaffSearchResult } from '@utility/shared';
import { ApiRequestError, staffApi } from './request';

export type { AccountHistoryView, StaffSearchResult };

/**
 * The account's history for the desk (`GET /api/staff/accounts/:accountNo/history`); null when
 * no such account exists (404), so intake goes on by hand. Silent: intake shows its own line.
 */
export async function findAccountHistory(accountNo: string): Promise<AccountHistoryView | null> {
  try {
    return await staffApi.request<AccountHistoryView>(`/api/staff/accounts/${encodeURIComponent(accountNo)}/history`, {
      silent: true,
    });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}

/**
 * 客户查询 (`GET /api/staff/search?q=`): accounts and tickets by 户号, ticket number, phone (a logged
 * personal-data access) or address fragment. Errors (e.g. 请至少输入两个字) are shown by the request wrapper.
 */
export function searchCustomers(q: string): Promise<StaffSearchResult> {
  return staffApi.request<StaffSearchResult>(`/api/staff/search?q=${encodeURIComponent(q.trim())}`);
}
