import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, StaffView } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';
import { Staff } from './staff.entity';

export const toStaffView = (s: Staff): StaffView => ({
  id: s.id,
  name: s.name,
  username: s.username,
  role: s.role,
  roles: s.roles.length ? s.roles : [s.role],
  stationId: s.stationId,
  districtId: s.districtId,
});

let dummyHash: Promise<string> | null = null;
/** Verified against when the username is unknown, so timing does not reveal which names exist. */
const unknownUserHash = () => (dummyHash ??= hashPassword('no-such-staff-member'));

@Injectable()
export class StaffService {
  constructor(@InjectRepository(Staff) private readonly staff: Repository<Staff>) {}

  /** The active staff member with these credentials, or null. A hash of an older scheme is replaced. */
  async authenticate(username: string, password: string): Promise<Staff | null> {
    const found = await this.staff.findOneBy({ username, active: true });
    const ok = await verifyPassword(password, found?.passwordHash ?? (await unknownUserHash()));
    // MariaDB's collation matches usernames case-insensitively, SQLite does not: be exact on both.
    if (!ok || !found || found.username !== username) return null;
    if (needsRehash(found.passwordHash)) {
      const passwordHash = await hashPassword(password);
      // Only if nobody changed it meanwhile (a reset racing this sign-in wins).
      await this.staff.update({ id: found.id, passwordHash: found.passwordHash }, { passwordHash });
    }
    return found;
  }

  /** Whether these are the credentials of a disabled account (to tell the person why they cannot sign in). */
  async isDisabledWithPassword(username: string, password: string): Promise<boolean> {
    const found = await this.staff.findOneBy({ username, active: false });
    return !!found && found.username === username && (await verifyPassword(password, found.passwordHash));
  }

  findById(id: number): Promise<Staff | null> {
    return this.staff.findOneBy({ id, active: true });
  }

  findByIds(ids: number[]): Promise<Staff[]> {
    return ids.length ? this.staff.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Every active staff member, by name (the admin's pickers). */
  listActive(): Promise<Staff[]> {
    return this.staff.find({ where: { active: true }, order: { role: 'ASC', name: 'ASC', id: 'ASC' } });
  }

  /** Active staff with this role in this district (e.g. the supervisors to tell about a breach). */
  activeInDistrict(role: Role, districtId: number): Promise<Staff[]> {
    return this.staff.find({
      where: { role, districtId, active: true },
      order: { id: 'ASC' },
    });
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** Whether any staff member exists: the demo seed runs only on a database without staff. */
  async anyExist(): Promise<boolean> {
    return (await this.staff.count({ take: 1 })) > 0;
  }

  /**
   * Seed: creates the account if its username is free. An existing account is left as it is: its
   * password is never reset and a disabled one is never re-activated (issue 13).
   */
  async ensureStaff(
    row: Omit<Staff, 'id' | 'passwordHash' | 'active' | 'mustChangePassword' | 'tokenVersion'>,
    passwordHash: string,
  ): Promise<Staff> {
    const existing = await this.staff.findOneBy({ username: row.username });
    if (existing) return existing;
    return this.staff.save(
      this.staff.create({ ...row, passwordHash, active: true, mustChangePassword: false, tokenVersion: 0 }),
    );
  }
}
