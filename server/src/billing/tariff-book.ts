import { GasTariff, HeatingTariff } from '@utility/shared';
import { Tariff } from './tariff.entity';

/** A district's price lists, as the shared bill functions take them. */
export class TariffBook {
  constructor(private readonly rows: Tariff[]) {}

  gas(districtId: number): GasTariff[] {
    return this.rows
      .filter((t) => t.kind === 'gas' && t.districtId === districtId)
      .map((t) => ({ districtId, effectiveFrom: t.effectiveFrom, ...(t.spec as Pick<GasTariff, 'tiers'>) }));
  }

  heating(districtId: number): HeatingTariff[] {
    return this.rows
      .filter((t) => t.kind === 'heating' && t.districtId === districtId)
      .map((t) => ({
        districtId,
        effectiveFrom: t.effectiveFrom,
        ...(t.spec as Pick<HeatingTariff, 'seasonStart' | 'seasonEnd' | 'priceFenPerM2'>),
      }));
  }
}
