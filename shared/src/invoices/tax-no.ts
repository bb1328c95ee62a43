/**
 * 统一社会信用代码 (GB 32100-2015), the tax number of a company invoice title (docs/domain.md#invoices):
 * 18 characters from the 31-character alphabet (digits and capitals without I, O, S, V, Z), the last
 * one a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** What a resident types, as the code is written: no spaces, capitals. */
export function normalizeTaxNo(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The check character of the first 17 characters, or null when one is outside the alphabet. */
export function taxNoCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** True for an 18-character 统一社会信用代码 whose check character is right (input already normalized). */
export function isValidTaxNo(taxNo: string): boolean {
  if (taxNo.length !== 18) return false;
  const check = taxNoCheckChar(taxNo.slice(0, 17));
  return check !== null && check === taxNo[17];
}
