import { randomBytes } from 'node:crypto';
import {
  configureFieldCipher,
  decryptField,
  encrypted,
  encryptField,
  isSealed,
  openSealedBytes,
  pseudonym,
  sealBytes,
} from './field-cipher';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 9).toString('base64');

/** Changes one character of one `:`-separated part of a stored value, keeping it valid base64. */
function tamper(stored: string, part: 1 | 2 | 3): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[part], 'base64');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64');
  return parts.join(':');
}

describe('field cipher (AES-256-GCM for personal data at rest)', () => {
  beforeEach(() => configureFieldCipher(KEY));

  it.each(['13812345678', '110101199001011234', '王秀英', '', '城东区幸福路11号 2单元'])(
    'gives back %j after a round trip',
    (plain) => {
      expect(decryptField(encryptField(plain))).toBe(plain);
    },
  );

  it('stores a versioned value that shows nothing of the plain text, and differs each time', () => {
    const a = encryptField('13812345678');
    const b = encryptField('13812345678');
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
    expect(a).not.toContain('13812345678');
    expect(a).not.toBe(b);
  });

  it.each([
    ['ciphertext', 3],
    ['authentication tag', 2],
    ['IV', 1],
  ] as const)('refuses a value whose %s was changed', (_part, index) => {
    expect(() => decryptField(tamper(encryptField('13812345678'), index))).toThrow();
  });

  it('refuses a value written under another key', () => {
    const stored = encryptField('13812345678');
    configureFieldCipher(OTHER_KEY);
    expect(() => decryptField(stored)).toThrow();
    configureFieldCipher(KEY);
    expect(decryptField(stored)).toBe('13812345678');
  });

  it.each(['13812345678', 'v2:a:b:c', 'v1:only-iv', ''])('refuses %j, which it never wrote', (stored) => {
    expect(() => decryptField(stored)).toThrow('Unreadable encrypted field');
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['nothing', ''],
  ])('refuses a key of %s', (_case, key) => {
    expect(() => configureFieldCipher(key)).toThrow('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  });

  it('as a column transformer: plain in the entity, ciphertext in the database, nulls left alone', () => {
    const stored = encrypted.to('13812345678');
    expect(stored).toMatch(/^v1:/);
    expect(encrypted.from(stored)).toBe('13812345678');
    expect(encrypted.to(null)).toBeNull();
    expect(encrypted.to(undefined)).toBeUndefined();
    expect(encrypted.from(null)).toBeNull();
  });
});

describe('sealed bytes (photos at rest) and pseudonyms', () => {
  beforeEach(() => configureFieldCipher(KEY));
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5000)]);

  it('seals to bytes that show nothing of the photo, and opens them again', () => {
    const sealed = sealBytes(photo);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(photo)).toBe(false);
    expect(sealed.includes(photo.subarray(0, 64))).toBe(false);
    expect(openSealedBytes(sealed).equals(photo)).toBe(true);
    expect(sealBytes(photo).equals(sealed)).toBe(false);
  });

  it('refuses sealed bytes that were altered or sealed with another key', () => {
    const sealed = sealBytes(photo);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 0x01;
    expect(() => openSealedBytes(altered)).toThrow();
    configureFieldCipher(OTHER_KEY);
    expect(() => openSealedBytes(sealed)).toThrow();
  });

  it('gives one pseudonym per identifier, which depends on the key and shows nothing of it', () => {
    const openid = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
    const first = pseudonym(openid);
    expect(first).toMatch(/^~[A-Za-z0-9_-]{40}$/);
    expect(pseudonym(openid)).toBe(first);
    expect(pseudonym(`${openid}x`)).not.toBe(first);
    expect(first).not.toContain(openid.slice(0, 8));
    configureFieldCipher(OTHER_KEY);
    expect(pseudonym(openid)).not.toBe(first);
  });
});
