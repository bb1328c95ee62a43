import { BindAccountSchema, type BindAccountRequest } from '@utility/shared';
import { formDraftStore, type FormDraft } from '../../services/form-draft';

export interface BindForm {
  accountNo: string;
  holderName: string;
  label: string;
}
export type BindField = keyof BindForm;
export type BindErrors = Partial<Record<BindField, string>>;
export type BindDraft = FormDraft<BindForm>;

export const EMPTY_BIND_FORM: BindForm = { accountNo: '', holderName: '', label: '' };

/** Cleared with the resident session (resident-session.ts): it holds a holder's name. */
export const bindDrafts = formDraftStore('resident.bind.draft', EMPTY_BIND_FORM);

export type BindValidation = { ok: true; request: BindAccountRequest } | { ok: false; errors: BindErrors };

/** The shared BindAccountSchema decides, as on the server. */
export function validateBind(form: BindForm): BindValidation {
  const parsed = BindAccountSchema.safeParse({ ...form, label: form.label || undefined });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: BindErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as BindField] ??= issue.message;
  return { ok: false, errors };
}
