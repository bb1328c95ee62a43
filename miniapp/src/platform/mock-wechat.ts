import { newIdempotencyKey } from '../services/idempotency-key';

/**
 * Codes for the server's fake WeChat (WECHAT_MODE=mock), which the H5 build uses where the
 * mini-program would call wx.login / getPhoneNumber. Like WeChat's, each code is single-use,
 * so every code carries a fresh nonce; the identity (or phone) before it is what stays stable.
 */
export const DEFAULT_MOCK_IDENTITY = 'resident-demo';

/** As the fake accepts them: `mock-<identity>:<nonce>`, `mock-phone-<11 digits>:<nonce>`. */
export const MOCK_IDENTITY = /^[A-Za-z0-9._@-]{1,64}$/;
export const MOCK_PHONE = /^1\d{10}$/;

/** A random UUID: fits the fake's nonce pattern and never repeats. */
export const newNonce = newIdempotencyKey;

export function mockLoginCode(identity: string, nonce = newNonce()): string {
  if (!MOCK_IDENTITY.test(identity)) throw new Error(`invalid mock identity: ${identity}`);
  return `mock-${identity}:${nonce}`;
}

export function mockPhoneCode(phone: string, nonce = newNonce()): string {
  if (!MOCK_PHONE.test(phone)) throw new Error(`invalid mock phone: ${phone}`);
  return `mock-phone-${phone}:${nonce}`;
}
