import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A room temperature measured on site for a 室温不达标 ticket; valid once the resident signed or confirmed it. */
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

  /** The resident's signature under the reading, on the technician's phone (`temp_sign:<id>`). */
  @IdRefColumn({ nullable: true })
  signaturePhotoId: number | null;

  /** When the resident confirmed the reading in the miniapp. Unsigned and unconfirmed, it does not count. */
  @TimeColumn({ nullable: true })
  residentConfirmedAt: Date | null;
}
