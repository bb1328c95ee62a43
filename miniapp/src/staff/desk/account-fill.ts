import type { IntakeForm } from '../intake/intake-form';

/** A 户号 as the company issues them: ten digits (the lookup waits for all of them). */
export const ACCOUNT_NO = /^\d{10}$/;

/**
 * The call's address from the account the agent typed: it replaces an empty address or one the
 * previous lookup filled, never what the agent typed (the caller may be somewhere else).
 */
export function fillAddress(form: IntakeForm, accountAddress: string, previousFill: string | null): IntakeForm {
  const untouched = form.address.trim() === '' || form.address === previousFill;
  return untouched ? { ...form, address: accountAddress } : form;
}
