import { Role } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** One shift of the duty roster (值班表): a district, a role and a UTC interval (docs/domain.md#duty-roster). */
@Entity('shift')
@Index(['startsAt', 'endsAt'])
export class Shift {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  districtId: number;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Inclusive. */
  @TimeColumn()
  startsAt: Date;

  /** Exclusive: at this instant the next shift is on. */
  @TimeColumn()
  endsAt: Date;

  @Column({ type: 'varchar', length: 100, default: '' })
  note: string;
}
