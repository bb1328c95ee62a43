import type { AreaClass } from '@utility/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 片区: accounts, queues and staff belong to one. */
@Entity('district')
export class District {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** 城市 / 农村 / 偏远 (power rules): every account of the district shares it; sets a power repair's on-site limit. */
  @Column({ type: 'varchar', length: 8, default: 'urban' })
  areaClass: AreaClass;
}
