import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_GAS_TIERS, DEFAULT_HEATING } from '@utility/shared';
import { Repository } from 'typeorm';
import { Tariff } from './tariff.entity';

@Injectable()
export class TariffsService {
  constructor(@InjectRepository(Tariff) private readonly tariffs: Repository<Tariff>) {}

  list(): Promise<Tariff[]> {
    return this.tariffs.find({ order: { districtId: 'ASC', kind: 'ASC', effectiveFrom: 'ASC' } });
  }

  /** Seed: the default gas tiers and heating price for a district, from a date, unless present. */
  async ensureDefaults(districtId: number, effectiveFrom: string): Promise<void> {
    const defaults = [
      { kind: 'gas' as const, spec: { tiers: DEFAULT_GAS_TIERS } },
      {
        kind: 'heating' as const,
        spec: {
          seasonStart: DEFAULT_HEATING.seasonStart,
          seasonEnd: DEFAULT_HEATING.seasonEnd,
          priceFenPerM2: DEFAULT_HEATING.priceFenPerM2,
        },
      },
    ];
    for (const d of defaults) {
      if (!(await this.tariffs.existsBy({ kind: d.kind, districtId, effectiveFrom })))
        await this.tariffs.insert({ ...d, districtId, effectiveFrom });
    }
  }
}
