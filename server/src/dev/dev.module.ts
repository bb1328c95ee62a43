import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../common/config';
import { MOCK_WECHAT_PAY_CREDENTIALS } from '../payments/wechat-pay/wechat-pay.credentials';
import { ResidentsModule } from '../residents/residents.module';
import { FAKE_WECHAT_URL } from '../wechat/wechat.module';
import { FAKE_WECOM_URL } from '../wecom/wecom.module';
import { FAKE_METER_VENDOR_URL } from '../prepaid/meter-vendor.options';
import { FakeMeterVendorHandle } from './fake-meter-vendor.handle';
import { FakeWechatPayHandle, mockWechatPayCredentials } from './fake-wechat-pay.handle';
import { FakeWechatHandle } from './fake-wechat.handle';
import { FakeWecomHandle } from './fake-wecom.handle';
import { WechatPayDevController } from './wechat-pay-dev.controller';
import { WechatDevController } from './wechat-dev.controller';

/** Does this configuration run any fake? Only then is this module loaded (bootstrap.ts imports it on demand). */
export function runsFakes(config: AppConfig): boolean {
  return (
    runsFakeWechat(config) || runsFakeWecom(config) || config.WECHATPAY_MODE === 'mock' || runsFakeMeterVendor(config)
  );
}

/** Mock mode pointed at an outside METER_VENDOR_API_BASE (a test's own fake) starts nothing. */
export function runsFakeMeterVendor(config: AppConfig): boolean {
  return config.METER_VENDOR_MODE === 'mock' && !config.METER_VENDOR_API_BASE;
}

/** Mock mode pointed at an outside WECOM_API_BASE (a test's own fake) starts nothing. */
export function runsFakeWecom(config: AppConfig): boolean {
  return config.WECOM_MODE === 'mock' && !config.WECOM_API_BASE;
}

function runsFakeWechat(config: AppConfig): boolean {
  // Mock mode pointed at an outside WECHAT_API_BASE (the fault tests' own fake) starts nothing.
  return config.WECHAT_MODE === 'mock' && !config.WECHAT_API_BASE;
}

/** The fake WeChat, started at boot, and its URL for the WeChat client (wechat.module.ts). */
export const fakeWechatProviders: Provider[] = [
  { provide: FakeWechatHandle, inject: [APP_CONFIG], useFactory: FakeWechatHandle.start },
  { provide: FAKE_WECHAT_URL, inject: [FakeWechatHandle], useFactory: (h: FakeWechatHandle) => h.fake.url },
];

/** The fake WeCom, started at boot, and its URL for the WeCom client (wecom.module.ts). */
export const fakeWecomProviders: Provider[] = [
  { provide: FakeWecomHandle, inject: [APP_CONFIG], useFactory: FakeWecomHandle.start },
  { provide: FAKE_WECOM_URL, inject: [FakeWecomHandle], useFactory: (h: FakeWecomHandle) => h.fake.url },
];

/** The fake IoT meter vendor, started at boot, and its URL for the vendor client (prepaid/meter-vendor.options.ts). */
export const fakeMeterVendorProviders: Provider[] = [
  { provide: FakeMeterVendorHandle, inject: [APP_CONFIG], useFactory: FakeMeterVendorHandle.start },
  {
    provide: FAKE_METER_VENDOR_URL,
    inject: [FakeMeterVendorHandle],
    useFactory: (h: FakeMeterVendorHandle) => h.fake.url,
  },
];

/** The fake WeChat Pay, started at boot, and the credentials the WeChat Pay client uses with it. */
export const fakeWechatPayProviders: Provider[] = [
  { provide: FakeWechatPayHandle, inject: [APP_CONFIG], useFactory: FakeWechatPayHandle.start },
  {
    provide: MOCK_WECHAT_PAY_CREDENTIALS,
    inject: [APP_CONFIG, FakeWechatPayHandle],
    useFactory: mockWechatPayCredentials,
  },
];

/**
 * Mock mode: the fake WeChat, WeCom, WeChat Pay and meter vendor on loopback, and the `/api/dev/*` routes the H5 mock pages use.
 * The production modules only see a base URL (FAKE_WECHAT_URL, FAKE_WECOM_URL) and credentials (MOCK_WECHAT_PAY_CREDENTIALS),
 * so their live code paths run unchanged; without this module no `/api/dev/*` route exists.
 */
@Global()
@Module({})
export class DevModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers: Provider[] = [];
    const controllers: Type[] = [];
    if (runsFakeWechat(config)) {
      providers.push(...fakeWechatProviders);
      controllers.push(WechatDevController);
    }
    if (runsFakeWecom(config)) providers.push(...fakeWecomProviders);
    if (runsFakeMeterVendor(config)) providers.push(...fakeMeterVendorProviders);
    if (config.WECHATPAY_MODE === 'mock') {
      providers.push(...fakeWechatPayProviders);
      controllers.push(WechatPayDevController);
    }
    return {
      module: DevModule,
      imports: [ResidentsModule],
      providers,
      controllers,
      exports: providers.map((p) => (p as { provide: unknown }).provide as string | symbol | Type),
    };
  }
}
