import { HazardSeverity, HazardStatus, InspectionItemCode } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** 隐患: a failed checklist item, open until a re-inspection passes it. */
@Entity('hazard')
@Index(['accountId', 'status'])
@Index(['districtId', 'status'])
export class Hazard {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  accountId: number;

  @IdRefColumn()
  districtId: number;

  /** The visit that found it. */
  @IdRefColumn()
  visitId: number;

  @Column({ type: 'varchar', length: 16 })
  code: InspectionItemCode;

  @Column({ type: 'varchar', length: 16 })
  severity: HazardSeverity;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ type: 'varchar', length: 300 })
  advice: string;

  @Column({ type: 'simple-json' })
  photoIds: number[];

  @TimeColumn()
  deadline: Date;

  @Column({ type: 'varchar', length: 16 })
  status: HazardStatus;

  @TimeColumn()
  foundAt: Date;

  @TimeColumn({ nullable: true })
  closedAt: Date | null;

  /** The re-inspection visit that passed it. */
  @IdRefColumn({ nullable: true })
  closedByVisitId: number | null;

  /** The open re-inspection ticket that will check it. */
  @IdRefColumn({ nullable: true })
  reinspectionTicketId: number | null;

  @IdRefColumn({ nullable: true })
  stopSupplyTicketId: number | null;
}
