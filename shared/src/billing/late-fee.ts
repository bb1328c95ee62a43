import { dayNumber } from './billing-dates';
import { roundHalfUpDiv } from './money';

/** 滞纳金 settings (docs/domain.md#arrears): per-day rate and cap, both in ‰ of the bill's amount; 0 = no late fee. */
export interface LateFeePolicy {
  perDayPermille: number;
  capPermille: number;
}

export interface LateFeeInput {
  amountFen: number;
  /** The bill's due date (Shanghai, YYYY-MM-DD): the fee starts the day after. */
  dueOn: string;
  /** The Shanghai date it is charged on. */
  today: string;
  /** Waived by a supervisor: no fee at all. */
  waived: boolean;
}

/** Whole days past the due date (0 on or before it). */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, dayNumber(today, 'today') - dayNumber(dueOn, 'dueOn'));
}

/**
 * amount × perDay‰ × days overdue, capped at amount × cap‰, in integer fen. Each product is exact
 * (BigInt); the one division is rounded half up to the fen (docs/domain.md#billing), the cap the same way,
 * and the fee is the smaller of the two. Off (0) when either setting is 0, when waived, or on the due date.
 */
export function lateFeeFen(policy: LateFeePolicy, bill: LateFeeInput): number {
  if (bill.waived || policy.perDayPermille <= 0 || policy.capPermille <= 0 || bill.amountFen <= 0) return 0;
  const days = daysOverdue(bill.dueOn, bill.today);
  if (!days) return 0;
  const accrued = roundHalfUpDiv(BigInt(bill.amountFen) * BigInt(policy.perDayPermille) * BigInt(days), 1000);
  const cap = roundHalfUpDiv(BigInt(bill.amountFen) * BigInt(policy.capPermille), 1000);
  return Math.min(accrued, cap);
}
