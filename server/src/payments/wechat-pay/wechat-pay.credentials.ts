import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppConfig, InvalidConfigError, splitList } from '../../common/config';
import { LIVE_API_BASE } from './wechat-pay.crypto';

/** Everything the client and the notice verifier need; mock and live differ only in where it comes from. */
export interface WechatPayCredentials {
  mchid: string;
  appid: string;
  /** Serial of the merchant API certificate, sent in every Authorization header. */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  /** 32 characters; the AES-256-GCM key of notice resources. */
  apiV3Key: string;
  /**
   * Wechatpay-Serial → a key WeChat Pay signs with (WeChat Pay public keys or platform certificates' keys):
   * several during a rotation. In certificate mode, PlatformCertificates adds the ones it downloads and verifies.
   */
  platformKeys: Map<string, KeyObject>;
  /** True when the platform keys are certificates (serials in hex), which WeChat Pay rotates via /v3/certificates. */
  certificateMode?: boolean;
  /** Origin the SDK's hard-coded https://api.mch.weixin.qq.com is replaced with. */
  apiBase: string;
  notifyUrl: string;
  timeoutMs?: number;
}

export const WECHAT_PAY_CREDENTIALS = Symbol('WECHAT_PAY_CREDENTIALS');
/** Mock mode: the credentials of the fake WeChat Pay the DevModule started (server/src/dev/). */
export const MOCK_WECHAT_PAY_CREDENTIALS = Symbol('MOCK_WECHAT_PAY_CREDENTIALS');

/**
 * Live mode: read the key files named by the config. The schema has already checked that every variable is
 * set; this checks what they point at, failing boot with the same "Invalid environment variables" message.
 */
export function loadLiveCredentials(config: AppConfig): WechatPayCredentials {
  const problems: string[] = [];
  const merchantPrivateKey = readPem(
    problems,
    'WECHATPAY_PRIVATE_KEY_PATH',
    config.WECHATPAY_PRIVATE_KEY_PATH,
    (pem) => {
      const key = createPrivateKey(pem);
      if (key.asymmetricKeyType !== 'rsa') throw new Error('is not an RSA private key');
      return key;
    },
  );
  // Several keys (comma-separated, serials in the same order) while WeChat Pay rotates its platform key.
  const serials = splitList(config.WECHATPAY_PLATFORM_SERIAL);
  const platformKeys = new Map<string, KeyObject>();
  let certificateMode = false;
  splitList(config.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH).forEach((path, i) => {
    const serial = serials[i] ?? '';
    const key = readPem(problems, 'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH', path, (pem) => {
      const key = platformPublicKey(pem, serial);
      if (key.asymmetricKeyType !== 'rsa') throw new Error('is not an RSA public key');
      if (pem.includes('BEGIN CERTIFICATE')) certificateMode = true;
      return key;
    });
    if (key) platformKeys.set(serial, key);
  });
  if (problems.length || !merchantPrivateKey || !platformKeys.size) {
    throw new InvalidConfigError(`Invalid environment variables:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return {
    mchid: config.WECHATPAY_MCHID,
    appid: config.WECHATPAY_APPID,
    merchantSerial: config.WECHATPAY_SERIAL ?? '',
    merchantPrivateKey,
    apiV3Key: config.WECHATPAY_APIV3_KEY ?? '',
    platformKeys,
    certificateMode,
    apiBase: (config.WECHATPAY_API_BASE ?? LIVE_API_BASE).replace(/\/+$/, ''),
    notifyUrl: config.WECHATPAY_NOTIFY_URL,
  };
}

/**
 * A WeChat Pay public key (PUB_KEY_ID_… serial) or a platform certificate. For a certificate, its serial must
 * be the configured one: a notice naming that serial is then checked with the key it really belongs to.
 */
function platformPublicKey(pem: string, serial: string): KeyObject {
  // createPublicKey would happily derive one from a private key: a swapped path must not boot.
  if (pem.includes('PRIVATE KEY'))
    throw new Error("is a private key, not WeChat Pay's public key or platform certificate");
  if (!pem.includes('BEGIN CERTIFICATE')) return createPublicKey(pem);
  const certificate = new X509Certificate(pem);
  const strip = (s: string) => s.toUpperCase().replace(/^0+/, '');
  if (strip(certificate.serialNumber) !== strip(serial)) {
    throw new Error(
      `is a certificate with serial ${certificate.serialNumber}, not WECHATPAY_PLATFORM_SERIAL ${serial}`,
    );
  }
  if (Date.parse(certificate.validTo) < Date.now())
    throw new Error(`is a certificate that expired on ${certificate.validTo}`);
  return certificate.publicKey;
}

function readPem<T>(problems: string[], name: string, path: string | undefined, parse: (pem: string) => T): T | null {
  let pem: string;
  try {
    pem = readFileSync(path ?? '', 'utf8');
  } catch (error) {
    problems.push(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return null;
  }
  try {
    return parse(pem);
  } catch (error) {
    const reason =
      error instanceof Error && error.message.startsWith('is ') ? error.message : 'is not a PEM key or certificate';
    problems.push(`${name}: ${path} ${reason}`);
    return null;
  }
}
