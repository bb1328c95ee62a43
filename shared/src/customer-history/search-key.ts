import type { StaffSearchKey } from '../api/customer-history';

export interface ClassifiedSearch {
  key: StaffSearchKey;
  /** The value to look for: digits only for numbers and phones, the trimmed text for an address. */
  value: string;
}

const SEPARATORS = /[\s\-()（）]/g;

/**
 * What a desk search is looking for (docs/domain.md#customer-history): a ticket number is the
 * Shanghai date and six digits (14); a mobile is 11 digits from 1[3-9] (with or without +86); a
 * landline starts with 0 and has 10–12 digits; other digit strings up to 10 are a 户号 (prefix);
 * anything else is an address fragment.
 */
export function classifySearch(q: string): ClassifiedSearch {
  const text = q.trim();
  const compact = text.replace(SEPARATORS, '');
  const digits = compact.replace(/^(\+?86)(?=1[3-9]\d{9}$)/, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length === 14) return { key: 'ticketNo', value: digits };
    if (/^1[3-9]\d{9}$/.test(digits)) return { key: 'phone', value: digits };
    // A 10-digit landline looks like a 户号: typed with its separator (010-6234567) it is a phone.
    if (/^0\d{9,11}$/.test(digits) && (digits.length > 10 || text !== compact)) return { key: 'phone', value: digits };
    if (digits.length <= 10) return { key: 'accountNo', value: digits };
  }
  return { key: 'address', value: text };
}

/** The form a phone is indexed under: digits only, without +86 before a mobile. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return /^86(1[3-9]\d{9})$/.test(digits) ? digits.slice(2) : digits;
}
