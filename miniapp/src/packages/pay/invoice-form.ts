import { InvoiceReissueSchema, type InvoiceReissueRequest, type InvoiceTitleKind } from '@utility/shared';

export interface InvoiceForm {
  kind: InvoiceTitleKind;
  name: string;
  taxNo: string;
}
export type InvoiceErrors = Partial<Record<'name' | 'taxNo', string>>;

export const EMPTY_INVOICE_FORM: InvoiceForm = { kind: 'personal', name: '', taxNo: '' };

/** The server's schema decides (the 统一社会信用代码 check digit included); a personal title sends no tax number. */
export function validateInvoice(
  form: InvoiceForm,
): { ok: true; request: InvoiceReissueRequest } | { ok: false; errors: InvoiceErrors } {
  const body = {
    title: { kind: form.kind, name: form.name },
    ...(form.kind === 'company' ? { taxNo: form.taxNo } : {}),
  };
  const parsed = InvoiceReissueSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: InvoiceErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] === 'taxNo' ? 'taxNo' : 'name'] ??= issue.message;
  return { ok: false, errors };
}
