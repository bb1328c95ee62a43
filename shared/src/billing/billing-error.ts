export type BillingErrorCode =
  'invalid_input' | 'negative_volume' | 'period_reversed' | 'empty_period' | 'no_tariff' | 'invalid_tariff';

/**
 * Bad readings or tariff configuration. A bill is never computed from a guess: the caller
 * maps this to VALIDATION_FAILED (422) and shows `message` (Chinese) to the staff member.
 */
export class BillingError extends Error {
  override name = 'BillingError';

  constructor(
    readonly code: BillingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
