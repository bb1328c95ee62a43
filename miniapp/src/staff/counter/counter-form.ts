import { CounterPaymentSchema, type CounterPaymentRequest } from '@utility/shared';

export type CounterMethod = CounterPaymentRequest['method'];

export const COUNTER_METHODS: { method: CounterMethod; label: string }[] = [
  { method: 'cash', label: '现金' },
  { method: 'pos', label: 'POS刷卡' },
  { method: 'bank_transfer', label: '银行转账' },
];

export interface CounterForm {
  billId: number | null;
  method: CounterMethod | null;
  receiptNo: string;
  amountFen: number;
}

export type CounterErrors = Partial<Record<'billId' | 'method' | 'receiptNo', string>>;

/** The form checked with the server's own schema, so a refusal never needs a round trip. */
export function validateCounter(
  form: CounterForm,
): { ok: true; request: CounterPaymentRequest } | { ok: false; errors: CounterErrors } {
  const errors: CounterErrors = {};
  if (form.billId === null) errors.billId = '请选择要收费的账单';
  if (form.method === null) errors.method = '请选择收款方式';
  const parsed = CounterPaymentSchema.safeParse({ ...form, receiptNo: form.receiptNo.trim() });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'receiptNo' && !errors.receiptNo) errors.receiptNo = issue.message;
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}
