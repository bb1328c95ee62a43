import { SlotHalf } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A bookable half-day. `booked` counts active bookings and is only ever changed by a
 * conditional UPDATE (`booked < capacity`), which is what keeps it within capacity across
 * processes on SQLite and MariaDB.
 */
@Entity('inspection_slot')
@Index(['planId', 'date', 'half'], { unique: true })
@Index(['districtId', 'date'])
export class InspectionSlot {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  planId: number;

  @IdRefColumn()
  districtId: number;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 2 })
  half: SlotHalf;

  @TimeColumn()
  startsAt: Date;

  @TimeColumn()
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  booked: number;

  /** Closed by a plan change or cancellation: no longer bookable. */
  @TimeColumn({ nullable: true })
  closedAt: Date | null;
}
