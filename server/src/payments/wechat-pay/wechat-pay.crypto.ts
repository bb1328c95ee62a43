import { createCipheriv, createDecipheriv, createSign, createVerify, KeyObject, randomInt } from 'node:crypto';

/** The host wechatpay-node-v3 hard-codes in every URL it builds (and strips before signing). */
export const LIVE_API_BASE = 'https://api.mch.weixin.qq.com';

/** WeChat Pay refuses messages whose timestamp is more than 5 minutes off, and so do we. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits: the nonce_str / nonceStr / resource.nonce alphabet of the v3 docs. */
export function nonceStr(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** SHA256withRSA, base64: request Authorization, paySign, and WeChat Pay's own response and notice signatures. */
export function signSha256Rsa(message: string | Buffer, privateKey: KeyObject | string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

/** False, never a throw, for anything that is not a valid signature (garbage base64, wrong key type). */
export function verifySha256Rsa(message: string | Buffer, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/** What WeChat Pay signs on responses and notices: `timestamp\nnonce\nbody\n`, over the body's exact bytes. */
export function wechatpayMessage(timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.from(body), Buffer.from('\n')]);
}

/** What the merchant signs on requests: `METHOD\n/path?query\ntimestamp\nnonce\nbody\n` (empty body for GET). */
export function requestMessage(
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** AEAD_AES_256_GCM as WeChat Pay uses it: base64(ciphertext ‖ 16-byte tag), key = the 32-character APIv3 key. */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, nonce: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([encrypted, cipher.getAuthTag()]).toString('base64');
}

/**
 * The check wechatpay-node-v3's decipher_gcm leaves out: `final()` verifies the tag, so altered ciphertext,
 * associated data, nonce or key throws instead of decrypting to altered text.
 */
export function decryptResource(ciphertext: string, apiV3Key: string, associatedData: string, nonce: string): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length <= 16) throw new Error('ciphertext shorter than its tag');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** RFC 3339 in Beijing time, as every v3 time field is written: 2018-06-08T10:34:56+08:00. */
export function formatRfc3339Beijing(date: Date): string {
  return `${new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The Beijing calendar day of an instant (bills are cut at Beijing midnight): 2024-05-01. */
export function beijingDate(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Bill time `2024-05-01 09:30:00`, Beijing. */
export function formatBillTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
