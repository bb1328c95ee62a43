/**
 * Binding an account takes the holder's name and a second fact only the household knows, chosen by the
 * operator (BINDING_SECOND_FACT): a guessed or leaked name alone does not bind someone else's account.
 */
export enum BindingSecondFact {
  PhoneLast4 = 'phone_last4',
  LastBillAmount = 'last_bill_amount',
  None = 'none',
}

export const BINDING_SECOND_FACT_LABELS: Record<BindingSecondFact, string> = {
  [BindingSecondFact.PhoneLast4]: '预留手机号后四位',
  [BindingSecondFact.LastBillAmount]: '最近一期账单金额（元）',
  [BindingSecondFact.None]: '',
};

export const BINDING_SECOND_FACT_HINTS: Record<BindingSecondFact, string> = {
  [BindingSecondFact.PhoneLast4]: '开户或过户时登记的手机号的后四位',
  [BindingSecondFact.LastBillAmount]: '最近一期账单的应缴金额，如 86.50',
  [BindingSecondFact.None]: '',
};

/** What the company holds for the account; null where nothing is on record. */
export interface AccountFacts {
  phone: string | null;
  lastBillFen: number | null;
}

/** 'missing': the company holds no such fact for the account (bind at the counter). */
export type SecondFactCheck = 'ok' | 'mismatch' | 'missing';

/** Yuan as typed ("86.5", "86.50", "¥86") → fen, or null when it is not an amount. */
export function yuanToFen(typed: string): number | null {
  const m = /^[¥￥]?\s*(\d{1,9})(?:\.(\d{1,2}))?$/.exec(typed.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

export function checkSecondFact(
  kind: BindingSecondFact,
  given: string | undefined,
  facts: AccountFacts,
): SecondFactCheck {
  switch (kind) {
    case BindingSecondFact.None:
      return 'ok';
    case BindingSecondFact.PhoneLast4: {
      const digits = facts.phone?.replace(/\D/g, '') ?? '';
      if (digits.length < 4) return 'missing';
      return given?.trim() === digits.slice(-4) ? 'ok' : 'mismatch';
    }
    case BindingSecondFact.LastBillAmount:
      if (facts.lastBillFen === null) return 'missing';
      return given !== undefined && yuanToFen(given) === facts.lastBillFen ? 'ok' : 'mismatch';
  }
}
