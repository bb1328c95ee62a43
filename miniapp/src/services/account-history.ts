import type { AccountHistoryView } from '@utility/shared';
import { ApiRequestError, request } from './request';

export type { AccountHistoryView };

/**
 * The account's history for the desk (`GET /api/staff/accounts/:accountNo/history`); null when
 * no such account exists (404), so intake goes on by hand. Silent: intake shows its own line.
 */
export async function findAccountHistory(accountNo: string): Promise<AccountHistoryView | null> {
  try {
    return await request<AccountHistoryView>(`/api/staff/accounts/${encodeURIComponent(accountNo)}/history`, {
      silent: true,
    });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}
