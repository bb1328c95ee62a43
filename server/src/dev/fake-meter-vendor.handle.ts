import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { FakeMeterVendor, startFakeMeterVendor } from './fake-meter-vendor.server';

/**
 * The fake meter vendor this process started (METER_VENDOR_MODE=mock without METER_VENDOR_API_BASE). Tests
 * reach the fake through it; it closes the fake at shutdown.
 */
export class FakeMeterVendorHandle implements OnApplicationShutdown {
  constructor(readonly fake: FakeMeterVendor) {}

  static async start(config: AppConfig): Promise<FakeMeterVendorHandle> {
    const fake = await startFakeMeterVendor(config.METER_VENDOR_KEY);
    new Logger('DevModule').log(`METER_VENDOR_MODE=mock: fake meter vendor at ${fake.url}`);
    return new FakeMeterVendorHandle(fake);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fake.close();
  }
}
