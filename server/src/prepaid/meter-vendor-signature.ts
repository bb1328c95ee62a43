import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How requests to the meter vendor's platform are signed (both sides use this: our client and the fake vendor).
 *
 * Headers of every request:
 * - `X-Meter-Timestamp`: Unix seconds; the vendor refuses one more than 5 minutes off.
 * - `X-Meter-Nonce`: 16–64 random characters, never reused.
 * - `X-Meter-Signature`: lowercase hex HMAC-SHA256, keyed with METER_VENDOR_KEY, of
 *   `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY` (the path with its query; the exact body bytes, empty for none).
 */
export const METER_SIGNATURE_HEADERS = {
  timestamp: 'x-meter-timestamp',
  nonce: 'x-meter-nonce',
  signature: 'x-meter-signature',
} as const;

/** A timestamp this far from the vendor's clock is refused (a replayed request). */
export const METER_SIGNATURE_MAX_SKEW_SECONDS = 300;

export interface SignedParts {
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  body: string;
}

export function meterSignature(key: string, p: SignedParts): string {
  return createHmac('sha256', key)
    .update(`${p.method.toUpperCase()}\n${p.path}\n${p.timestamp}\n${p.nonce}\n${p.body}`)
    .digest('hex');
}

/** True when `signature` is this key's over these parts and the timestamp is within the skew of `nowSeconds`. */
export function verifyMeterSignature(key: string, p: SignedParts, signature: string, nowSeconds: number): boolean {
  const ts = Number(p.timestamp);
  if (!/^\d{1,12}$/.test(p.timestamp) || Math.abs(nowSeconds - ts) > METER_SIGNATURE_MAX_SKEW_SECONDS) return false;
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(meterSignature(key, p), 'hex'), Buffer.from(signature, 'hex'));
}

/**
 * The wait before the next send of an undelivered top-up: 30 s, doubling with each attempt, at most 30 minutes
 * (a vendor outage of hours is retried every half hour, not hammered).
 */
export function deliveryRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}
