import { ErrorCode, type BoundAccountView, type InspectionBookingView, type InspectionSlotView } from '@utility/shared';
import { useState } from 'react';
import { listAccounts, defaultAccount } from '../../services/api/accounts';
import { listInspectionBookings, listInspectionSlots } from '../../services/api/inspections';

export interface AccountInspections {
  bookings: InspectionBookingView[];
  slots: InspectionSlotView[];
}

/** Errors after which the slots on screen are stale: fetch them again. */
export const SLOT_ERRORS: readonly string[] = [
  ErrorCode.SlotFull,
  ErrorCode.SlotNotBookable,
  ErrorCode.BookingCutoffPassed,
  ErrorCode.InspectionAlreadyBooked,
  ErrorCode.BookingNotChangeable,
];

/**
 * The account whose inspections show: the one asked for, else the account holding the booking a
 * notice points at (`bookingId`), else the default one.
 */
async function pickAccount(accounts: BoundAccountView[], wanted: { accountId?: string; bookingId?: string }) {
  const asked = accounts.find((a) => String(a.id) === wanted.accountId);
  if (asked) return { account: asked, bookings: null };
  if (wanted.bookingId) {
    for (const account of accounts) {
      const bookings = await listInspectionBookings(account.id);
      if (bookings.some((b) => String(b.id) === wanted.bookingId)) return { account, bookings };
    }
  }
  return { account: defaultAccount(accounts), bookings: null };
}

/** The bound accounts, the one shown, and its bookings and open slots. */
export function useInspectionBookings() {
  // undefined: loading; null: could not load.
  const [accounts, setAccounts] = useState<BoundAccountView[] | null | undefined>(undefined);
  const [account, setAccount] = useState<BoundAccountView | null>(null);
  const [data, setData] = useState<AccountInspections | null>(null);

  async function show(target: BoundAccountView, known: InspectionBookingView[] | null = null) {
    if (target.id !== account?.id) setData(null);
    setAccount(target);
    try {
      const [bookings, slots] = await Promise.all([
        known ?? listInspectionBookings(target.id),
        listInspectionSlots(target.id),
      ]);
      setData({ bookings, slots });
    } catch {
      // Shown by the wrapper; pull down to retry.
    }
  }

  async function load(wanted: { accountId?: string; bookingId?: string }) {
    let list: BoundAccountView[];
    try {
      list = await listAccounts();
    } catch {
      return setAccounts((current) => current ?? null);
    }
    setAccounts(list);
    // Keeps the account being looked at across reloads, if it is still bound.
    const current = list.find((a) => a.id === account?.id);
    if (current) return show(current);
    const picked = await pickAccount(list, wanted).catch(() => ({ account: defaultAccount(list), bookings: null }));
    if (picked.account) await show(picked.account, picked.bookings);
  }

  return { accounts, account, data, setData, show, load };
}
