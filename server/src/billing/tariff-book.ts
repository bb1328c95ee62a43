import { GasTariff, HeatingTariff, PowerTariff } from '@utility/shared';
import { StoredPowerSpec, Tariff } from './tariff.entity';

/** A district's price lists, as the shared bill functions take them (built once per district and kind). */
export class TariffBook {
  private readonly built = new Map<string, unknown[]>();

  constructor(private readonly rows: Tariff[]) {}

  private once<T>(kind: Tariff['kind'], districtId: number, build: () => T[]): T[] {
    const key = `${kind}:${districtId}`;
    if (!this.built.has(key)) this.built.set(key, build());
    return this.built.get(key) as T[];
  }

  gas(districtId: number): GasTariff[] {
    return this.once('gas', districtId, () => this.gasOf(districtId));
  }

  power(districtId: number): PowerTariff[] {
    return this.once('power', districtId, () => this.powerOf(districtId));
  }

  heating(districtId: number): HeatingTariff[] {
    return this.once('heating', districtId, () => this.heatingOf(districtId));
  }

  private gasOf(districtId: number): GasTariff[] {
    return this.rows
      .filter((t) => t.kind === 'gas' && t.districtId === districtId)
      .map((t) => ({ districtId, effectiveFrom: t.effectiveFrom, ...(t.spec as Pick<GasTariff, 'tiers'>) }));
  }

  /**
   * Power tariffs: the seed stores exact prices (0.01 fen per kWh) and 峰谷 prices; the admin
   * form still stores whole fen per kWh, which is the same price ×100.
   */
  private powerOf(districtId: number): PowerTariff[] {
    return this.rows
      .filter((t) => t.kind === 'power' && t.districtId === districtId)
      .map((t) => {
        const spec = t.spec as StoredPowerSpec;
        return {
          districtId,
          effectiveFrom: t.effectiveFrom,
          tiers: spec.tiers.map((s) => ({
            upToKwh: s.upToKwh,
            priceCentiFenPerKwh: s.priceCentiFenPerKwh ?? (s.priceFenPerKwh ?? 0) * 100,
          })),
          timeOfUse: spec.timeOfUse ?? null,
        };
      });
  }

  private heatingOf(districtId: number): HeatingTariff[] {
    return this.rows
      .filter((t) => t.kind === 'heating' && t.districtId === districtId)
      .map((t) => ({
        districtId,
        effectiveFrom: t.effectiveFrom,
        ...(t.spec as Pick<HeatingTariff, 'seasonStart' | 'seasonEnd' | 'priceFenPerM2'>),
      }));
  }
}
