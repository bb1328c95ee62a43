/**
 * What other modules read of a bill: a plain read model, so that they depend on BillsService and not on the
 * billing module's entities (docs/architecture.md). BillsService returns Bill rows, which satisfy it.
 */
export interface BillSnapshot {
  readonly id: number;
  readonly accountId: number;
  readonly accountNo: string;
  /** Billing month YYYY-MM. */
  readonly period: string;
  readonly utility: 'gas' | 'heating' | 'power';
  readonly volumeCentiM3: number;
  readonly amountFen: number;
  readonly paidFen: number;
  readonly status: 'unpaid' | 'paid';
  /** The due date, YYYY-MM-DD. */
  readonly dueOn: string;
  /** The late fee charged with the payment (0 while unpaid). */
  readonly lateFeeFen: number;
  /** Set when a supervisor waived the late fee. */
  readonly lateFeeWaivedAt: Date | null;
}
