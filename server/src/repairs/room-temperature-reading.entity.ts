import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A room temperature measured on site for a 室温不达标 ticket. */
@Entity('room_temperature_reading')
export class RoomTemperatureReading {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @IdRefColumn()
  technicianId: number;

  /** Tenths of a degree (175 = 17.5 ℃): exact on both databases. */
  @Column({ type: 'int' })
  deciCelsius: number;

  @TimeColumn()
  measuredAt: Date;

  /** The standard that applied at `measuredAt` (18 by day, 16 at night), kept with the reading. */
  @Column({ type: 'int' })
  minCelsius: number;

  @Column({ type: 'boolean' })
  belowStandard: boolean;

  @TimeColumn()
  recordedAt: Date;
}
