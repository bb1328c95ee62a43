import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn } from '../common/columns';

/** Who is on a shift. */
@Entity('shift_member')
@Index(['shiftId', 'staffId'], { unique: true })
export class ShiftMember {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  shiftId: number;

  @Index()
  @IdRefColumn()
  staffId: number;
}
