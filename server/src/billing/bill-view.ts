import { BillView } from '@utility/shared';
import { Bill } from './bill.entity';

export const toBillView = (b: Bill, today: string): BillView => ({
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
  paidAt: b.paidAt?.toISOString() ?? null,
});
