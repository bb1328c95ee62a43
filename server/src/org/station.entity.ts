import { StationUtility } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn } from '../common/columns';

/** 供热站 / 营业所 within a district. */
@Entity('station')
export class Station {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Index()
  @IdRefColumn()
  districtId: number;

  /** What the station supplies: gas, heating or power. */
  @Column({ type: 'varchar', length: 8, default: 'gas' })
  utility: StationUtility;
}
