import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@utility/shared';
import { IdRefColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';

/** Roles as stored: comma-separated, the primary role first. */
const roleList = {
  to: (roles: Role[] | undefined) => roles?.join(','),
  // After an insert TypeORM hydrates generated values through `from` too, with what it wrote.
  from: (stored: string | Role[] | null): Role[] =>
    Array.isArray(stored) ? stored : stored ? (stored.split(',') as Role[]) : [],
};

@Entity('staff')
export class Staff {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** Employee number (工号); demo staff created before accounts were administered have none. */
  @Column({ type: 'varchar', length: 32, nullable: true, unique: true })
  employeeNo: string | null;

  /** `scrypt$…` (see password-hash.ts), or a bcrypt hash from before, rehashed at the next sign-in. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  /** The primary role: `roles[0]`, kept in its own column for the many checks and queries on one role. */
  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Every role held, the primary one first. */
  @Column({ type: 'varchar', length: 120, default: '', transformer: roleList })
  roles: Role[];

  @Index()
  @IdRefColumn({ nullable: true })
  stationId: number | null;

  @Index()
  @IdRefColumn({ nullable: true })
  districtId: number | null;

  /** Open tickets this person may hold at once (auto-assignment respects it). */
  @Column({ type: 'int', default: 5 })
  capacity: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** A one-time password was issued (creation, reset): every call but the password change is refused until then. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** Carried in every token; raised by a disable, a reset or a password change, which revokes the older tokens. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  /** Work phone: residents see it masked (139****1111) on their ticket. Personal data: encrypted at rest. */
  @Column({ type: 'varchar', length: 120, nullable: true, transformer: encrypted })
  phone?: string | null;

  /** 企业微信 user id: staff messages go there too; without one, only the in-app notification centre. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  wecomUserId: string | null;
}
