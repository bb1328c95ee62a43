import { BillView, LateFeePolicy, lateFeeFen } from '@utility/shared';
import { Bill } from './bill.entity';
import { BillSnapshot } from './bill-snapshot';

/** The late fee a bill carries on `today`: as charged once paid, as accrued while unpaid. */
export const lateFeeOn = (b: BillSnapshot, today: string, policy: LateFeePolicy): number =>
  b.status === 'paid'
    ? b.lateFeeFen
    : lateFeeFen(policy, { amountFen: b.amountFen, dueOn: b.dueOn, today, waived: b.lateFeeWaivedAt !== null });

export const toBillView = (b: Bill, today: string, policy: LateFeePolicy): BillView => {
  const lateFee = lateFeeOn(b, today, policy);
  return {
    id: b.id,
    accountNo: b.accountNo,
    period: b.period,
    utility: b.utility,
    fromOn: b.fromOn,
    toOn: b.toOn,
    fromValueCentiM3: b.fromValueCentiM3,
    toValueCentiM3: b.toValueCentiM3,
    volumeCentiM3: b.volumeCentiM3,
    lines: b.lines,
    amountFen: b.amountFen,
    paidFen: b.paidFen,
    status: b.status,
    dueOn: b.dueOn,
    overdue: b.status === 'unpaid' && b.dueOn < today,
    lateFeeFen: lateFee,
    payableFen: b.status === 'paid' ? b.paidFen : b.amountFen + lateFee,
    lateFeeWaived: b.lateFeeWaivedAt !== null,
    paidAt: b.paidAt?.toISOString() ?? null,
  };
};
