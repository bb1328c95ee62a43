import { PlanPeriod, SlotHalf } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A yearly, quarterly or monthly inspection plan of a district; its slots are InspectionSlot rows. */
@Entity('inspection_plan')
@Index(['districtId', 'endDate'])
export class InspectionPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  districtId: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  period: PlanPeriod;

  /** Shanghai calendar dates, inclusive. */
  @Column({ type: 'varchar', length: 10 })
  startDate: string;

  @Column({ type: 'varchar', length: 10 })
  endDate: string;

  @Column({ type: 'simple-json' })
  halves: SlotHalf[];

  @Column({ type: 'int' })
  capacity: number;

  @IdRefColumn({ nullable: true })
  createdById: number | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;
}
