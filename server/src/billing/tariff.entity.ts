import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GasTariff, HeatingTariff, PowerTariff, TariffKind } from '@utility/shared';
import { IdRefColumn } from '../common/columns';

/**
 * Power steps priced exactly in 0.01 fen per kWh, with optional 峰谷 prices; lists saved before prices were exact
 * carry whole fen (`priceFenPerKwh`), read as that ×100 (tariff-book.ts, tariffs.service.ts).
 */
export interface StoredPowerSpec {
  tiers: { upToKwh: number | null; priceFenPerKwh?: number; priceCentiFenPerKwh?: number }[];
  timeOfUse?: PowerTariff['timeOfUse'];
}

/** A district's price list from a date on: gas tiers, heating per m² and season, or power tiers. */
@Entity('tariff')
@Index(['kind', 'districtId', 'effectiveFrom'], { unique: true })
export class Tariff {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  kind: TariffKind;

  @IdRefColumn()
  districtId: number;

  /** Shanghai date YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  effectiveFrom: string;

  /** The tiers (gas, power) or the season and price (heating), as the shared bill functions take them. */
  @Column({ type: 'simple-json' })
  spec: Pick<GasTariff, 'tiers'> | Pick<HeatingTariff, 'seasonStart' | 'seasonEnd' | 'priceFenPerM2'> | StoredPowerSpec;
}
