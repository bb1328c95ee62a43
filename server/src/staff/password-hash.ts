import { compare as bcryptCompare } from 'bcryptjs';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Staff password hashes: `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64). Node's scrypt runs on the libuv
 * thread pool, so a flood of sign-ins does not stall the event loop the way pure-JS bcrypt did. The
 * parameters travel with each hash: raising them later rehashes everyone at their next sign-in.
 * Hashes made before (bcrypt, `$2a$`/`$2b$`) still verify and are replaced at the next sign-in.
 */
const CURRENT = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = CURRENT;
  const key = await scryptAsync(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$2')) return bcryptCompare(password, stored);
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when the hash is of an older scheme or weaker parameters than today's: rehash at sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) !== CURRENT.N || Number(r) !== CURRENT.r || Number(p) !== CURRENT.p;
}

/** A one-time password for the admin to hand over: 12 characters, no look-alikes (0/O, 1/l/I). */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(32);
  let out = '';
  // 256 % 56 != 0: drop the bytes past the last whole multiple to keep every character equally likely.
  for (const b of bytes) {
    if (b >= 224) continue;
    out += alphabet[b % alphabet.length];
    if (out.length === 12) return out;
  }
  return oneTimePassword();
}
