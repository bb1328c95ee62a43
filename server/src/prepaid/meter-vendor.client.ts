import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { METER_SIGNATURE_HEADERS, meterSignature } from './meter-vendor-signature';

export const METER_VENDOR_OPTIONS = Symbol('METER_VENDOR_OPTIONS');

export interface MeterVendorOptions {
  baseUrl: string;
  key: string;
  timeoutMs: number;
}

/** A top-up to put on an IoT meter; `requestId` makes it idempotent at the vendor (the same id applies once). */
export interface VendorTopUp {
  requestId: string;
  meterNo: string;
  accountNo: string;
  amountFen: number;
}

export interface VendorConfirmation {
  /** The vendor's reference of the top-up on the meter. */
  vendorRef: string;
}

/** The vendor did not confirm: unreachable, timed out, or refused; `retry` false for a refusal that will not change. */
export class MeterVendorError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/**
 * The IoT meter vendor's platform (METER_VENDOR_API_BASE): `POST /v1/top-ups` puts money on a meter, signed as
 * meter-vendor-signature.ts says. Mock and live run this same client; only the base URL and key differ
 * (prepaid.module.ts).
 */
@Injectable()
export class MeterVendorClient {
  constructor(@Inject(METER_VENDOR_OPTIONS) private readonly options: MeterVendorOptions) {}

  async sendTopUp(topUp: VendorTopUp): Promise<VendorConfirmation> {
    const path = '/v1/top-ups';
    const body = JSON.stringify(topUp);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = meterSignature(this.options.key, { method: 'POST', path, timestamp, nonce, body });
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [METER_SIGNATURE_HEADERS.timestamp]: timestamp,
          [METER_SIGNATURE_HEADERS.nonce]: nonce,
          [METER_SIGNATURE_HEADERS.signature]: signature,
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new MeterVendorError(`vendor unreachable: ${(error as Error).message}`, true);
    }
    const answer = (await response.json().catch(() => null)) as { vendorRef?: unknown; message?: unknown } | null;
    if (response.ok && typeof answer?.vendorRef === 'string') return { vendorRef: answer.vendorRef };
    const why = `vendor answered ${response.status}: ${String(answer?.message ?? '').slice(0, 120)}`;
    // 4xx other than 408/429 will answer the same again (a bad signature, an unknown meter): still retried
    // on the slow schedule, since a fixed key or meter record makes it pass, but reported as not transient.
    throw new MeterVendorError(why, response.status >= 500 || response.status === 408 || response.status === 429);
  }
}
