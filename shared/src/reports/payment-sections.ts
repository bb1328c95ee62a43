import { shanghaiDate } from '../sla/sla-deadlines';
import { PaymentMonthFacts, ReportWindow } from './report-facts';
import { within } from './report-rate';
import { MoneyFigures, PaymentFigures } from './report-types';
import { PAYMENT_METHODS, PaymentMethod } from '../api/billing';

/**
 * Money received and refunded in the month, and arrears at its end: bills due on or before the
 * month's last day and not paid by its end (nor by `asOf`, for a month still running).
 */
export function paymentsAndArrears(facts: PaymentMonthFacts, w: ReportWindow): PaymentFigures {
  const until = w.asOf < w.end ? w.asOf : w.end;
  const paid = facts.payments.filter((p) => within(p.paidAt, w.start, w.end) && p.paidAt <= w.asOf);
  const refunded = facts.refunds.filter((r) => within(r.completedAt, w.start, w.end) && r.completedAt <= w.asOf);
  // Overdue at `until`: its due date is an earlier Shanghai day.
  const today = shanghaiDate(until);
  const owing = facts.bills.filter((b) => b.dueOn < today && !(b.paidAt && b.paidAt < until));
  const sum = (xs: { amountFen: number }[]) => xs.reduce((n, x) => n + x.amountFen, 0);
  const byMethod = Object.fromEntries(
    PAYMENT_METHODS.map((m) => {
      const of = paid.filter((p) => p.method === m);
      return [m, { count: of.length, totalFen: sum(of) }];
    }),
  ) as Record<PaymentMethod, MoneyFigures>;
  return {
    payments: { count: paid.length, totalFen: sum(paid) },
    byMethod,
    refunds: { count: refunded.length, totalFen: sum(refunded) },
    netFen: sum(paid) - sum(refunded),
    arrears: { count: owing.length, totalFen: sum(owing), accounts: new Set(owing.map((b) => b.accountId)).size },
  };
}
