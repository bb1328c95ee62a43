/*
 * Units, all integers: volumes in centiM3 (0.01 m³, what a meter shows), areas in centiM2,
 * unit prices in fen per whole m³ or m², money in fen. Dates are Shanghai calendar dates,
 * 'YYYY-MM-DD', converted by the caller.
 */

export interface GasTier {
  /** Upper limit of the tier in whole m³ per calendar year, inclusive; null = no limit (last tier only). */
  upToM3: number | null;
  priceFenPerM3: number;
}

/** 阶梯气价 of a district from `effectiveFrom` (inclusive) until the next tariff of the district. */
export interface GasTariff {
  districtId: number;
  effectiveFrom: string;
  /** Exactly three, ascending limits, the last one null. */
  tiers: GasTier[];
}

export interface PowerTier {
  /** Upper limit of the step in whole kWh per tariff (calendar) year, inclusive; null = no limit (last step only). */
  upToKwh: number | null;
  /** 0.01 fen (0.0001 元) per kWh: 0.4883 元 is 4883. */
  priceCentiFenPerKwh: number;
}

/** 阶梯电价 of a district from `effectiveFrom`, optionally with 峰谷 prices for step 1. */
export interface PowerTariff {
  districtId: number;
  effectiveFrom: string;
  /** Exactly three, ascending limits, the last one null. */
  tiers: PowerTier[];
  /** Peak and valley prices of step 1; steps 2 and 3 add their surcharge over step 1. */
  timeOfUse?: { peakCentiFenPerKwh: number; valleyCentiFenPerKwh: number } | null;
}

/** Heating price of a district, for seasons that start on or after `effectiveFrom`. */
export interface HeatingTariff {
  districtId: number;
  /** 'MM-DD', first heated day of the season. */
  seasonStart: string;
  /** 'MM-DD', last heated day; earlier in the calendar than seasonStart = the next year. */
  seasonEnd: string;
  priceFenPerM2: number;
  effectiveFrom: string;
}

export interface BillLine {
  kind: 'gas_tier' | 'heating' | 'power_tier';
  tier?: 1 | 2 | 3;
  /** Gas: the calendar year whose tier counter the line fills. Heating: the season's start year. */
  year?: number;
  /** First and last day the line covers, both inclusive (unlike a reading period, see gas-bill.ts). */
  from: string;
  to: string;
  /** centiM3 for gas, centiM2 for heating, centiKwh for power. */
  quantity: number;
  unitPriceFen: number;
  /** Power: the exact price in 0.01 fen per kWh (unitPriceFen is it rounded to the fen). */
  unitPriceCentiFen?: number;
  /** Power on a 峰谷 meter: which register the line prices. */
  timeOfUse?: 'peak' | 'valley';
  amountFen: number;
  /** Heating for part of a season: amount = quantity × price × days / ofDays. */
  prorata?: { days: number; ofDays: number };
}

export interface BillComputation {
  lines: BillLine[];
  /** Always the sum of the lines' amounts. */
  amountFen: number;
  volumeCentiM3?: number;
}
