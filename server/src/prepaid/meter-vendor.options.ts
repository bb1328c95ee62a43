import { AppConfig } from '../common/config';
import { MeterVendorOptions } from './meter-vendor.client';

/** Mock mode: the base URL of the fake meter vendor the DevModule started (server/src/dev/). */
export const FAKE_METER_VENDOR_URL = Symbol('FAKE_METER_VENDOR_URL');

/** The only place mock and live differ: which base URL the one client uses (docs/architecture.md#wechat). */
export function meterVendorOptions(config: AppConfig, fakeUrl?: string): MeterVendorOptions {
  const baseUrl = config.METER_VENDOR_API_BASE ?? fakeUrl;
  // Live mode has refused to boot without a base URL; mock mode without the DevModule would have nowhere to send.
  if (!baseUrl)
    throw new Error('METER_VENDOR_MODE=mock needs the DevModule (server/src/dev/) to start the fake vendor');
  return { baseUrl, key: config.METER_VENDOR_KEY, timeoutMs: config.METER_VENDOR_TIMEOUT_MS };
}
