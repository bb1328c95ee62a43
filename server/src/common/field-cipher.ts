import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { ValueTransformer } from 'typeorm';

/**
 * AES-256-GCM for personal data at rest (phones, ID numbers). Stored as
 * `v1:<iv>:<tag>:<ciphertext>` in base64, so a key rotation can add `v2` later.
 * TypeORM transformers are synchronous and static, hence the process-wide key.
 */
let key: Buffer | null = null;

export function configureFieldCipher(base64Key: string): void {
  const candidate = Buffer.from(base64Key, 'base64');
  if (candidate.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  key = candidate;
}

function activeKey(): Buffer {
  if (!key) throw new Error('Field cipher used before DATA_ENCRYPTION_KEY was configured');
  return key;
}

/** IVs are drawn 4,096 at a time: one call to the CSPRNG per 4,096 encryptions (imports encrypt a phone per line). */
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + 12 > ivPool.length) {
    ivPool = randomBytes(12 * 4096);
    ivOffset = 0;
  }
  return ivPool.subarray(ivOffset, (ivOffset += 12));
}

export function encryptField(plain: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', activeKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function decryptField(stored: string): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unreadable encrypted field');
  const decipher = createDecipheriv('aes-256-gcm', activeKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}

/** Column transformer: plain in the entity, ciphertext in the database. */
export const encrypted: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : encryptField(value)),
  from: (value: string | null) => (value == null ? value : decryptField(value)),
};

/** Marks bytes sealed by sealBytes: `UPE1`, then the IV (12), the GCM tag (16) and the ciphertext. */
const SEALED = Buffer.from('UPE1');

/**
 * AES-256-GCM with the data key for files at rest (photos of ID cards, contracts, meters…), so the
 * storage alone (a copied disk, a bucket left readable) shows nothing; the API decrypts for who may see it.
 */
export function sealBytes(plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', activeKey(), iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([SEALED, iv, cipher.getAuthTag(), data]);
}

export const isSealed = (stored: Buffer): boolean => stored.subarray(0, SEALED.length).equals(SEALED);

/** The bytes sealBytes sealed; throws when they were altered or sealed with another key. */
export function openSealedBytes(stored: Buffer): Buffer {
  if (!isSealed(stored)) throw new Error('Not sealed bytes');
  const iv = stored.subarray(4, 16);
  const tag = stored.subarray(16, 32);
  const decipher = createDecipheriv('aes-256-gcm', activeKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(stored.subarray(32)), decipher.final()]);
}

/**
 * A stand-in for an identifier that must no longer be kept (a forgotten resident's openid on payment
 * records): HMAC-SHA256 with the data key, so the same identifier always gives the same pseudonym (a
 * payer's orders stay together) but nobody without the key can tell or test whose it was. 41 characters.
 */
export function pseudonym(value: string): string {
  return `~${createHmac('sha256', activeKey()).update(value).digest('base64url').slice(0, 40)}`;
}

let blindKey: { for: Buffer; key: Buffer } | null = null;

/**
 * A blind index of an encrypted value (a phone), so that it can be looked up without decrypting
 * every row: HMAC-SHA256 under a key derived from the data key for this purpose only (an index
 * is not a pseudonym), over the normalized value. 43 characters; the same value always gives the
 * same index, and nobody without the key can test a guess. A new data key means re-indexing.
 */
export function blindIndex(normalized: string): string {
  const dataKey = activeKey();
  if (blindKey?.for !== dataKey)
    blindKey = { for: dataKey, key: createHmac('sha256', dataKey).update('blind-index:v1').digest() };
  return createHmac('sha256', blindKey.key).update(normalized).digest('base64url');
}
