import {
  BINDING_SECOND_FACT_HINTS,
  BINDING_SECOND_FACT_LABELS,
  BindAccountSchema,
  BindingSecondFact,
  type BindAccountRequest,
  type BindingRequirementView,
} from '@utility/shared';
import { formDraftStore, type FormDraft } from '../../hooks/form-draft';

export interface BindForm {
  accountNo: string;
  holderName: string;
  /** 预留手机号后四位, or the last bill's amount: what the operator asks for (BindingRequirementView). */
  secondFact: string;
  label: string;
}
export type BindField = keyof BindForm;
export type BindErrors = Partial<Record<BindField, string>>;
export type BindDraft = FormDraft<BindForm>;

export const EMPTY_BIND_FORM: BindForm = { accountNo: '', holderName: '', secondFact: '', label: '' };

/** Until the server has said otherwise: its default, the registered phone's last four digits. */
export const DEFAULT_BINDING_REQUIREMENT: BindingRequirementView = {
  secondFact: BindingSecondFact.PhoneLast4,
  label: BINDING_SECOND_FACT_LABELS[BindingSecondFact.PhoneLast4],
  hint: BINDING_SECOND_FACT_HINTS[BindingSecondFact.PhoneLast4],
};

/** Cleared with the resident session (resident-session.ts): it holds a holder's name. */
export const bindDrafts = formDraftStore('resident.bind.draft', EMPTY_BIND_FORM);

export type BindValidation = { ok: true; request: BindAccountRequest } | { ok: false; errors: BindErrors };

/**
 * The shared BindAccountSchema decides, as on the server; the second fact is required once the server has said
 * which one it wants (`requirement`), and left to the server while that is unknown.
 */
export function validateBind(form: BindForm, requirement: BindingRequirementView | null = null): BindValidation {
  const secondFact = (form.secondFact ?? '').trim();
  const parsed = BindAccountSchema.safeParse({
    ...form,
    secondFact: requirement?.secondFact === BindingSecondFact.None ? undefined : secondFact || undefined,
    label: form.label || undefined,
  });
  const errors: BindErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as BindField] ??= issue.message;
  if (requirement?.label && !secondFact) errors.secondFact ??= `请填写${requirement.label}`;
  if (parsed.success && !Object.keys(errors).length) return { ok: true, request: parsed.data };
  return { ok: false, errors };
}
