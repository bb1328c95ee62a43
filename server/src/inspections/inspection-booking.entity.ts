import { BookingState } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A resident's booking of a slot for an account. `active` is 1 while the booking holds the
 * plan's one place for the account (booked or missed) and NULL afterwards: the unique key on
 * (planId, accountId, active) lets the database refuse a second active booking, on SQLite and
 * MariaDB alike (both allow any number of NULLs in a unique key).
 */
@Entity('inspection_booking')
@Index(['planId', 'accountId', 'active'], { unique: true })
@Index(['slotId'])
@Index(['accountId'])
export class InspectionBooking {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  planId: number;

  @IdRefColumn()
  slotId: number;

  @IdRefColumn()
  accountId: number;

  @IdRefColumn()
  residentId: number;

  @IdRefColumn()
  ticketId: number;

  @Column({ type: 'varchar', length: 16 })
  state: BookingState;

  @Column({ type: 'tinyint', nullable: true })
  active: 1 | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
