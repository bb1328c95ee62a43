import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { StaffSessionSource, StaffSessionState as StaffSession } from '../common/staff-session-source';
import { Staff } from './staff.entity';

/**
 * Read on every staff request, kept for at most SESSION_CACHE_MS: a disable, reset or password change
 * made by any process (it raises tokenVersion) stops the older tokens everywhere within a second
 * (issue 13). Changes made by this process are seen at once (`forget`).
 */
export const SESSION_CACHE_MS = 500;

@Injectable()
export class StaffSessions implements StaffSessionSource {
  private readonly cache = new Map<number, { at: number; session: Promise<StaffSession | null> }>();

  constructor(@InjectRepository(Staff) private readonly staff: Repository<Staff>) {}

  get(staffId: number): Promise<StaffSession | null> {
    const now = Date.now();
    const hit = this.cache.get(staffId);
    if (hit && now - hit.at < SESSION_CACHE_MS) return hit.session;
    const session = this.load(staffId);
    this.cache.set(staffId, { at: now, session });
    // A failed read (database down) must not be remembered.
    session.catch(() => this.cache.delete(staffId));
    if (this.cache.size > 10_000) this.sweep(now);
    return session;
  }

  forget(staffId: number): void {
    this.cache.delete(staffId);
  }

  private async load(staffId: number): Promise<StaffSession | null> {
    const s = await this.staff.findOne({
      where: { id: staffId },
      select: {
        id: true,
        name: true,
        role: true,
        roles: true,
        stationId: true,
        districtId: true,
        active: true,
        tokenVersion: true,
        mustChangePassword: true,
      },
    });
    if (!s) return null;
    const { id, name, role, stationId, districtId, active, tokenVersion, mustChangePassword } = s;
    const roles = s.roles.length ? s.roles : [role];
    return { id, name, role, roles, stationId, districtId, active, tokenVersion, mustChangePassword };
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.cache) if (now - entry.at >= SESSION_CACHE_MS) this.cache.delete(id);
  }
}
