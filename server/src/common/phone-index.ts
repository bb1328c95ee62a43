import { normalizePhone } from '@utility/shared';
import { blindIndex } from './field-cipher';

/** The blind index a phone is found by (docs/domain.md#customer-history); null when there is no phone. */
export function phoneIndex(phone: string | null | undefined): string | null {
  const normal = phone ? normalizePhone(phone) : '';
  return normal ? blindIndex(normal) : null;
}
