import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@utility/shared';
import { IdRefColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';

@Entity('staff')
export class Staff {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Index()
  @IdRefColumn({ nullable: true })
  stationId: number | null;

  @Index()
  @IdRefColumn({ nullable: true })
  districtId: number | null;

  /** On shift now: only on-duty technicians are auto-assigned emergencies. */
  @Column({ type: 'boolean', default: false })
  onDuty: boolean;

  /** Open tickets this person may hold at once (auto-assignment respects it). */
  @Column({ type: 'int', default: 5 })
  capacity: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Work phone of a technician: residents see it masked (139****1111) on their ticket. Personal data: encrypted at rest. */
  @Column({ type: 'varchar', length: 120, nullable: true, transformer: encrypted })
  phone?: string | null;

  /** 企业微信 user id: staff messages go there too; without one, only the in-app notification centre. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  wecomUserId?: string | null;
}
