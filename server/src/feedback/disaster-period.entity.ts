import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A declared disaster (storm, cold wave): return visits of field work finished in it are due in 48 h instead of 24 h. */
@Entity('disaster_period')
export class DisasterPeriod {
  @PrimaryGeneratedColumn()
  id: number;

  @TimeColumn()
  startsAt: Date;

  @TimeColumn()
  endsAt: Date;

  /** Null: the whole company. */
  @IdRefColumn({ nullable: true })
  districtId: number | null;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @IdRefColumn()
  declaredById: number;

  @TimeColumn()
  createdAt: Date;
}
