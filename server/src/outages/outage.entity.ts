import type { OutageArea, OutageKind, Utility } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** 停气 / 停热 / 停电 over an area (docs/domain.md#outages): declared by staff, over when restored. */
@Entity('outage')
@Index(['restoredAt', 'startsAt'])
export class Outage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  utility: Utility;

  @Column({ type: 'varchar', length: 10 })
  kind: OutageKind;

  /** The area as declared; the accounts it covered then are in outage_account. */
  @Column({ type: 'simple-json' })
  area: OutageArea;

  @TimeColumn()
  startsAt: Date;

  /** The expected restore time residents are told; staff may move it (a follow-up notice). */
  @TimeColumn()
  restoreBy: Date;

  @TimeColumn({ nullable: true })
  restoredAt: Date | null;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  /** The districts its accounts are in: a district's monthly report counts it. */
  @Column({ type: 'simple-json' })
  districtIds: number[];

  /** Accounts (户号) in the area when declared. */
  @Column({ type: 'int', default: 0 })
  households: number;

  @IdRefColumn()
  createdById: number;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
