import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../common/config';
import { BackgroundJob } from '../../common/jobs/background-job.decorator';
import { WechatPayClient, WechatPayError } from './wechat-pay.client';
import { WECHAT_PAY_CREDENTIALS, WechatPayCredentials } from './wechat-pay.credentials';
import { decryptResource } from './wechat-pay.crypto';

const sameSerial = (a: string, b: string) => {
  const strip = (s: string) => s.toUpperCase().replace(/^0+/, '');
  return strip(a) === strip(b);
};

/**
 * Certificate mode: WeChat Pay rotates its platform certificate, listing the new one at /v3/certificates
 * before it signs with it. This job downloads the list on schedule (WECHATPAY_CERT_REFRESH_SECONDS) and adds
 * each certificate to the platform keys, so notices signed by the old and the new key are both accepted.
 * Nothing in the list is trusted on its own: the answer's signature must verify with a key already held
 * (the client checks every answer), and each certificate must decrypt with the APIv3 key (GCM tag checked),
 * carry the serial it is listed under, and not have expired.
 */
@Injectable()
export class PlatformCertificates implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlatformCertificates.name);

  constructor(
    @Inject(WECHAT_PAY_CREDENTIALS) private readonly credentials: WechatPayCredentials,
    private readonly client: WechatPayClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The list is fetched once at start, then by the job registry's schedule. */
  onApplicationBootstrap(): void {
    if (!this.config.JOBS.includes('platform-certificates')) return;
    void this.scheduledRefresh().catch((e) => this.logger.error(`platform certificates: ${String(e)}`));
  }

  @BackgroundJob('platform-certificates')
  async scheduledRefresh(): Promise<string[]> {
    if (!this.credentials.certificateMode || !this.config.WECHATPAY_CERT_REFRESH_SECONDS) return [];
    return this.refresh();
  }

  /** Downloads and checks the current certificates; returns the serials newly trusted. */
  async refresh(now = new Date()): Promise<string[]> {
    let listed;
    try {
      listed = await this.client.platformCertificates();
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      // A bad or missing signature lands here too: the keys stay as they were.
      this.logger.warn(`platform certificates not downloaded: ${error.message}`);
      return [];
    }
    const added: string[] = [];
    for (const entry of listed) {
      const { serialNo, encryptCertificate: sealed } = entry;
      if (this.credentials.platformKeys.has(serialNo)) continue;
      let certificate: X509Certificate;
      try {
        if (sealed.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`algorithm ${sealed.algorithm}`);
        const pem = decryptResource(sealed.ciphertext, this.credentials.apiV3Key, sealed.associatedData, sealed.nonce);
        certificate = new X509Certificate(pem);
      } catch (error) {
        this.logger.warn(`platform certificate ${serialNo} refused: does not decrypt (${(error as Error).message})`);
        continue;
      }
      if (!sameSerial(certificate.serialNumber, serialNo)) {
        this.logger.warn(`platform certificate listed as ${serialNo} has serial ${certificate.serialNumber}: refused`);
        continue;
      }
      if (Date.parse(certificate.validTo) < now.getTime()) {
        this.logger.warn(`platform certificate ${serialNo} expired on ${certificate.validTo}: refused`);
        continue;
      }
      this.credentials.platformKeys.set(serialNo, certificate.publicKey);
      added.push(serialNo);
      this.logger.log(`platform certificate ${serialNo} trusted (valid until ${certificate.validTo})`);
    }
    return added;
  }
}
