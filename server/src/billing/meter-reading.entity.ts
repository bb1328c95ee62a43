import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type ReadingSource = 'staff' | 'import' | 'smart_meter' | 'resident';
/** accepted → billed; held readings wait for staff to check them (a billing ticket). */
export type ReadingStatus = 'accepted' | 'held' | 'billed' | 'trial';

@Entity('meter_reading')
@Index(['accountId', 'readOn'], { unique: true })
@Index(['status', 'readOn'])
export class MeterReading {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  accountId: number;

  /** Shanghai date of the reading. */
  @Column({ type: 'varchar', length: 10 })
  readOn: string;

  /** Meter index in hundredths of m³. */
  @Column({ type: 'int' })
  valueCentiM3: number;

  /** 峰谷 power meters: the peak and valley register indices in centiKwh (their sum is the index); else null. */
  @Column({ type: 'int', nullable: true })
  peakCentiKwh: number | null;

  @Column({ type: 'int', nullable: true })
  valleyCentiKwh: number | null;

  @Column({ type: 'varchar', length: 12 })
  source: ReadingSource;

  @Column({ type: 'varchar', length: 8 })
  status: ReadingStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  holdReason: string | null;

  /** The billing ticket opened to check a held reading. */
  @IdRefColumn({ nullable: true })
  ticketId: number | null;

  @IdRefColumn({ nullable: true })
  photoId: number | null;

  @IdRefColumn({ nullable: true })
  recordedById: number | null;

  @TimeColumn()
  createdAt: Date;
}
