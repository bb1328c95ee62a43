import { GasTier, HeatingTariff } from './tariff-types';

/**
 * Defaults until an operator configures its district's prices: a typical northern city's
 * residential 阶梯气价 (2.61 / 3.13 / 3.92 元/m³, tiers at 350 and 500 m³ a year, docs/domain.md#billing)
 * and heating at 24.00 元/m² for the 11-15 → 03-15 season.
 */
export const DEFAULT_GAS_TIERS: GasTier[] = [
  { upToM3: 350, priceFenPerM3: 261 },
  { upToM3: 500, priceFenPerM3: 313 },
  { upToM3: null, priceFenPerM3: 392 },
];

export const DEFAULT_HEATING: Pick<HeatingTariff, 'seasonStart' | 'seasonEnd' | 'priceFenPerM2'> = {
  seasonStart: '11-15',
  seasonEnd: '03-15',
  priceFenPerM2: 2400,
};
