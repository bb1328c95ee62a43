import { z } from 'zod';
import type { AccountUtility } from '../accounts/account-import';
import type { BillView, PaymentView } from './billing';
import type { RatingView, ReturnVisitOutcome } from './feedback';
import type { HazardView, InspectionBookingView } from './inspections';
import type { TicketView } from './tickets';

/**
 * `GET /api/staff/search?q=`: a 户号 (digits, up to 10: a prefix), a ticket number (14 digits), a
 * phone (a mobile of 11 digits, or a landline with its area code: a logged personal-data access),
 * or else a fragment of an address.
 */
export const StaffSearchQuerySchema = z.object({
  q: z.string().trim().min(2, '请至少输入两个字').max(100, '最多100个字'),
});
export type StaffSearchQuery = z.infer<typeof StaffSearchQuerySchema>;

/** What a search took `q` for. */
export type StaffSearchKey = 'accountNo' | 'ticketNo' | 'phone' | 'address';

/** An account as the desk sees it at a glance: the holder masked (张**). */
export interface AccountSummaryView {
  accountNo: string;
  holderName: string;
  address: string;
  utility: AccountUtility;
  districtId: number;
  districtName: string;
  stationId: number;
  stationName: string;
  keyCustomer: boolean;
  active: boolean;
}

export interface StaffSearchResult {
  matchedBy: StaffSearchKey;
  /** At most 20, by 户号. */
  accounts: AccountSummaryView[];
  /** At most 20, newest first (return-visit tasks left out). */
  tickets: TicketView[];
}

/** A return visit of one resolution of one of the account's tickets. */
export interface ReturnVisitSummaryView {
  /** The visited ticket. */
  ticketId: number;
  resolution: number;
  /** The visit task (a return_visit ticket), null when no visit was due (not sampled, anonymous). */
  taskTicketId: number | null;
  reason: string;
  dueAt: string | null;
  outcome: ReturnVisitOutcome | null;
  followUpKind: 'reopened' | 'complaint' | null;
  settledAt: string | null;
}

/** `GET /api/staff/accounts/:accountNo/history`: everything the company knows of the account's service. */
export interface AccountHistoryView {
  account: AccountSummaryView;
  /** Not yet resolved, closed or cancelled; newest first. */
  openTickets: TicketView[];
  /** The rest, newest first (at most 100). */
  pastTickets: TicketView[];
  /** Unpaid first (oldest due first), then paid, newest first. */
  bills: BillView[];
  payments: PaymentView[];
  arrears: { unpaidFen: number; overdueFen: number };
  /** Open first, then newest. */
  hazards: HazardView[];
  inspections: InspectionBookingView[];
  ratings: RatingView[];
  returnVisits: ReturnVisitSummaryView[];
}
