import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** Every time a staff member saw unmasked personal data (docs/domain.md#personal-data). */
@Entity('personal_data_access')
@Index(['at'])
export class PersonalDataAccess {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  staffId: number;

  @Column({ type: 'varchar', length: 50 })
  staffName: string;

  /** What it belongs to: `ticket`, `account`, `resident`. */
  @Column({ type: 'varchar', length: 16 })
  subjectType: string;

  @IdRefColumn()
  subjectId: number;

  @Column({ type: 'varchar', length: 32 })
  field: string;

  @TimeColumn()
  at: Date;
}
