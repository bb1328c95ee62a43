import { GasTier, HeatingTariff, PowerTariff } from './tariff-types';

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

/**
 * Default 阶梯电价 until an operator configures the district's: a typical province's residential
 * tariff, 0.4883 元/kWh up to 2,760 kWh a year, +0.05 元 to 4,800 kWh, +0.30 元 above; 峰谷
 * 0.5683 / 0.2883 元 for step 1 where the meter reads them (docs/domain.md#billing).
 */
export const DEFAULT_POWER: Pick<PowerTariff, 'tiers' | 'timeOfUse'> = {
  tiers: [
    { upToKwh: 2760, priceCentiFenPerKwh: 4883 },
    { upToKwh: 4800, priceCentiFenPerKwh: 5383 },
    { upToKwh: null, priceCentiFenPerKwh: 7883 },
  ],
  timeOfUse: { peakCentiFenPerKwh: 5683, valleyCentiFenPerKwh: 2883 },
};
