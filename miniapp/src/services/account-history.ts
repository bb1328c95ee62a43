import type { HazardView, TicketView } from '@utility/shared';
import { ApiRequestError, request } from './request';

/**
 * What intake reads of `AccountHistoryView` (the customer-history module's contract): the account
 * at a glance with its holder masked, open tickets, arrears and hazards.
 */
export interface AccountHistoryView {
  account: {
    accountNo: string;
    holderName: string;
    address: string;
    utility: string;
    districtName: string;
    stationName: string;
    keyCustomer: boolean;
    active: boolean;
  };
  openTickets: TicketView[];
  arrears: { unpaidFen: number; overdueFen: number };
  hazards: HazardView[];
}

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
