import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { FaultCategory } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** What a resident reported with a fault or an emergency, beside the ticket it became (one per ticket). */
@Entity('repair_request')
export class RepairRequest {
  @PrimaryColumn({ type: 'int' })
  ticketId: number;

  @Index()
  @IdRefColumn()
  residentId: number;

  @Column({ type: 'varchar', length: 16 })
  category: FaultCategory;

  /** The resident's photos, in the order given; they are attached to `ticket:<id>`. */
  @Column({ type: 'simple-json' })
  photoIds: number[];

  /** Preferred visit window (non-emergencies), null when none was asked for. */
  @TimeColumn({ nullable: true })
  windowStart: Date | null;

  @TimeColumn({ nullable: true })
  windowEnd: Date | null;

  /** Where the phone was when the emergency was raised, if the resident shared it. */
  @Column({ type: 'double', nullable: true })
  latitude: number | null;

  @Column({ type: 'double', nullable: true })
  longitude: number | null;

  @TimeColumn()
  createdAt: Date;
}
