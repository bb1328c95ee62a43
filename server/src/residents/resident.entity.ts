import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';

/** A WeChat user of the miniapp. Deleting the identity clears openid and phone; the row stays for the records it signed. */
@Entity('resident')
export class Resident {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true, nullable: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true, transformer: encrypted })
  phone: string | null;

  @TimeColumn({ nullable: true })
  privacyConsentAt: Date | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  deletedAt: Date | null;
}
