import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';

/**
 * Staff sign-in attempts that did not succeed (a success removes its own), counted per username and per
 * address to throttle guessing. In the database, so that every server process counts the same attempts.
 */
@Entity('staff_login_failure')
@Index(['username', 'at'])
@Index(['address', 'at'])
export class StaffLoginFailure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Index()
  @TimeColumn()
  at: Date;
}
