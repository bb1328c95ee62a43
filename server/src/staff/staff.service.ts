import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, StaffView } from '@utility/shared';
import { compare, hash } from 'bcryptjs';
import { EntityManager, In, Repository } from 'typeorm';
import { Staff } from './staff.entity';

const BCRYPT_COST = 10;
/** Compared against when the username is unknown, so timing does not reveal which names exist. */
const DUMMY_HASH = '$2b$10$8Fpq0qxLyUph1iGBKzwYaODt.3g6qAczfMMaTWF7eVnO0ZwnHl5kC';

export const toStaffView = (s: Staff): StaffView => ({
  id: s.id,
  name: s.name,
  username: s.username,
  role: s.role,
  stationId: s.stationId,
  districtId: s.districtId,
  onDuty: s.onDuty,
});

@Injectable()
export class StaffService {
  constructor(@InjectRepository(Staff) private readonly staff: Repository<Staff>) {}

  /** The active staff member with these credentials, or null. */
  async authenticate(username: string, password: string): Promise<Staff | null> {
    const found = await this.staff.findOneBy({ username, active: true });
    const ok = await compare(password, found?.passwordHash ?? DUMMY_HASH);
    // MariaDB's collation matches usernames case-insensitively, SQLite does not: be exact on both.
    return ok && found && found.username === username ? found : null;
  }

  findById(id: number): Promise<Staff | null> {
    return this.staff.findOneBy({ id, active: true });
  }

  findByIds(ids: number[], em?: EntityManager): Promise<Staff[]> {
    return ids.length ? (em?.getRepository(Staff) ?? this.staff).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Active staff with this role in this district (e.g. the supervisors to tell about a breach). */
  activeInDistrict(role: Role, districtId: number, em?: EntityManager): Promise<Staff[]> {
    return (em?.getRepository(Staff) ?? this.staff).find({
      where: { role, districtId, active: true },
      order: { id: 'ASC' },
    });
  }

  hashPassword(password: string): Promise<string> {
    return hash(password, BCRYPT_COST);
  }

  /** Seed: creates the account or resets its password hash (hashed once for all demo staff). */
  async ensureStaff(row: Omit<Staff, 'id' | 'passwordHash' | 'active'>, passwordHash: string): Promise<Staff> {
    const existing = await this.staff.findOneBy({ username: row.username });
    return this.staff.save({ ...existing, ...row, passwordHash, active: true }, { transaction: false });
  }
}
