import type { BillView } from '@utility/shared';
import { getBill } from './api/bills';
import { payAtCashier } from '../platform/pay';
import { createPayment } from './api/payments';

/** What happened at WeChat's cashier (weapp) or the H5 mock cashier. */
export type CashierResult = { status: 'confirmed' } | { status: 'cancelled' } | { status: 'failed'; message: string };

export type PayOutcome =
  | { status: 'paid'; orderNo: string; bill: BillView }
  /** Paid at the cashier, not credited yet: the server's sweeper settles it by querying WeChat Pay. */
  | { status: 'pending'; orderNo: string }
  | { status: 'cancelled'; orderNo: string }
  | { status: 'failed'; orderNo: string; message: string };

export interface WaitOptions {
  intervalMs?: number;
  /** Checks after the first one (≈ attempts × interval of waiting). */
  attempts?: number;
}

export interface PayOptions extends WaitOptions {
  /** The cashier took the money: the page shows that it is waiting for the credit. */
  onConfirmed?: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bill once the payment notice has credited it, or null if that takes longer than the wait. */
export async function waitUntilPaid(
  billId: number,
  { intervalMs = 1000, attempts = 10 }: WaitOptions = {},
): Promise<BillView | null> {
  for (let i = 0; ; i++) {
    // A lost answer is just a check that did not happen.
    const bill = await getBill(billId, { silent: true }).catch(() => null);
    if (bill?.status === 'paid') return bill;
    if (i >= attempts) return null;
    await sleep(intervalMs);
  }
}

/**
 * Pays a bill: the server creates (or reuses, so tapping twice is one order) the WeChat Pay
 * order, the cashier takes the money, then the bill is polled until the notice credits it.
 * Server errors (BILL_ALREADY_PAID …) are thrown after the wrapper has shown their message.
 */
export async function payBill(billId: number, { onConfirmed, ...wait }: PayOptions = {}): Promise<PayOutcome> {
  const order = await createPayment(billId);
  const cashier = await payAtCashier(order);
  if (cashier.status !== 'confirmed') return { ...cashier, orderNo: order.orderNo };
  onConfirmed?.();
  const bill = await waitUntilPaid(billId, wait);
  return bill ? { status: 'paid', orderNo: order.orderNo, bill } : { status: 'pending', orderNo: order.orderNo };
}
