import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, EntityMetadata, Repository } from 'typeorm';
import { StaffSessionSource, StaffSessionState as StaffSession } from '../common/staff-session-source';
import { Staff } from './staff.entity';

/**
 * Read on every staff request, kept for at most SESSION_CACHE_MS: a disable, reset or password change
 * made by any process (it raises tokenVersion) stops the older tokens everywhere within a second
 * (issue 13). Changes made by this process are seen at once (`forget`).
 */
export const SESSION_CACHE_MS = 500;

/** The staff columns a session is made of. */
const SESSION_COLUMNS = [
  'id',
  'name',
  'role',
  'roles',
  'stationId',
  'districtId',
  'active',
  'tokenVersion',
  'mustChangePassword',
] as const;
type SessionColumn = (typeof SESSION_COLUMNS)[number];
type ColumnMetadata = EntityMetadata['columns'][number];

/** The session read by dialect, built once. */
const SESSION_READS = new Map<string, { sql: string; columns: ColumnMetadata[] }>();

function sessionRead(em: EntityManager): { sql: string; columns: ColumnMetadata[] } {
  const dialect = em.connection.driver.options.type;
  const known = SESSION_READS.get(dialect);
  if (known) return known;
  const metadata = em.connection.getMetadata(Staff);
  const columns = SESSION_COLUMNS.map((name) => metadata.findColumnWithPropertyName(name)!);
  const escape = (name: string) => em.connection.driver.escape(name);
  const read = {
    sql: `SELECT ${columns.map((c) => escape(c.databaseName)).join(', ')} FROM ${escape(metadata.tablePath)} WHERE ${escape('id')} = ?`,
    columns,
  };
  SESSION_READS.set(dialect, read);
  return read;
}

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

  /**
   * One plain statement of the session's columns (read on every staff request once its entry is older
   * than SESSION_CACHE_MS): TypeORM's findOne rebuilds its select on each call. Values go through the
   * driver's own conversion (booleans, the role list's transformer), as findOne's would.
   */
  private async load(staffId: number): Promise<StaffSession | null> {
    const em = this.staff.manager;
    const { sql, columns } = sessionRead(em);
    const [raw] = await em.query<Record<string, unknown>[]>(sql, [staffId]);
    if (!raw) return null;
    const read: Record<string, unknown> = {};
    for (const column of columns) {
      read[column.propertyName] = em.connection.driver.prepareHydratedValue(raw[column.databaseName], column);
    }
    const s = read as Pick<Staff, SessionColumn>;
    const { id, name, role, stationId, districtId, active, tokenVersion, mustChangePassword } = s;
    const roles = s.roles.length ? s.roles : [role];
    return { id, name, role, roles, stationId, districtId, active, tokenVersion, mustChangePassword };
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.cache) if (now - entry.at >= SESSION_CACHE_MS) this.cache.delete(id);
  }
}
