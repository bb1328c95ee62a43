/** Bill arithmetic: pure, no chinese-days (exported from the package root, which the miniapp bundles). */
export * from './tariff-types';
export * from './billing-error';
export * from './money';
export * from './pro-rata';
export * from './gas-bill';
export * from './power-bill';
export * from './heating-bill';
export * from './reading-checks';
export * from './time-of-use-registers';
export * from './default-tariffs';
export * from './late-fee';
export * from './arrears-schedule';
