import { deliveryRetryDelayMs, meterSignature, verifyMeterSignature } from './meter-vendor-signature';

const KEY = 'test-meter-vendor-key-0123456789';
const parts = {
  method: 'POST',
  path: '/v1/top-ups',
  timestamp: '1796000000',
  nonce: 'abcdef0123456789',
  body: '{"requestId":"top-up:1","amountFen":5000}',
};

describe('meter vendor signature', () => {
  it('is the HMAC-SHA256 of method, path, timestamp, nonce and body, in hex', () => {
    // Computed independently: printf 'POST\n/v1/top-ups\n1796000000\nabcdef0123456789\n<body>' | openssl dgst -sha256 -hmac <KEY>
    expect(meterSignature(KEY, parts)).toBe('f4fcf48f511b58800221069a2fe8757b761094fb184254f53ac02fb8398122bc');
    expect(meterSignature(KEY, { ...parts, method: 'post' })).toBe(meterSignature(KEY, parts));
  });

  it.each([
    ['the body', { body: '{"requestId":"top-up:1","amountFen":50000}' }],
    ['the path', { path: '/v1/top-ups?x=1' }],
    ['the nonce', { nonce: 'abcdef0123456780' }],
    ['the timestamp', { timestamp: '1796000001' }],
  ])('changes with %s', (_, change) => {
    expect(meterSignature(KEY, { ...parts, ...change })).not.toBe(meterSignature(KEY, parts));
  });

  it('verifies its own signature within five minutes, and nothing else', () => {
    const sig = meterSignature(KEY, parts);
    expect(verifyMeterSignature(KEY, parts, sig, 1796000000 + 299)).toBe(true);
    expect(verifyMeterSignature(KEY, parts, sig, 1796000000 + 301)).toBe(false);
    expect(verifyMeterSignature('another-key-0123456789abcdef', parts, sig, 1796000000)).toBe(false);
    expect(verifyMeterSignature(KEY, { ...parts, body: '{}' }, sig, 1796000000)).toBe(false);
    expect(verifyMeterSignature(KEY, parts, 'not-hex', 1796000000)).toBe(false);
  });
});

describe('delivery retry delay', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [6, 960_000],
    [7, 1_800_000],
    [40, 1_800_000],
  ])('after attempt %i waits %i ms', (attempts, ms) => expect(deliveryRetryDelayMs(attempts)).toBe(ms));
});
