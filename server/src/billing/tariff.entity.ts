import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GasTariff, HeatingTariff } from '@utility/shared';
import { IdRefColumn } from '../common/columns';

/** A district's price list from a date on: gas tiers or heating per m² and season. */
@Entity('tariff')
@Index(['kind', 'districtId', 'effectiveFrom'], { unique: true })
export class Tariff {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  kind: 'gas' | 'heating';

  @IdRefColumn()
  districtId: number;

  /** Shanghai date YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  effectiveFrom: string;

  /** The tiers (gas) or the season and price (heating), as the shared bill functions take them. */
  @Column({ type: 'simple-json' })
  spec: Pick<GasTariff, 'tiers'> | Pick<HeatingTariff, 'seasonStart' | 'seasonEnd' | 'priceFenPerM2'>;
}
