/**
 * RFC 4122 version-4 UUID. `crypto.randomUUID` is missing in the WeChat runtime, so the
 * bytes come from `crypto.getRandomValues` where there is one, else Math.random (the key only
 * has to be unique per form fill, not secret).
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  // `typeof` rather than globalThis, which older WeChat base libraries lack.
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
