import type { AdminChangeView } from '@utility/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { AdminChange } from './admin-change.entity';

export interface AdminChangeRecord {
  action: string;
  subjectType: string;
  subjectId: string | number;
  /** The subject as it was; omit for a creation. Never pass secrets (password hashes, keys). */
  before?: unknown;
  /** The subject as it is now; omit for a removal. */
  after?: unknown;
}

export type { AdminChangeView };

export interface AdminChangeQuery {
  limit: number;
  subjectType?: string;
  subjectId?: string;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Who changed what in the operator's console, with the before and after (docs/domain.md#personal-data). */
@Injectable()
export class AdminAudit {
  constructor(
    @InjectRepository(AdminChange) private readonly changes: Repository<AdminChange>,
    private readonly clock: Clock,
  ) {}

  /** In the open transaction: the record commits (or rolls back) with the change itself. */
  async record(staff: StaffPrincipal, change: AdminChangeRecord): Promise<void> {
    const row = {
      staffId: staff.id,
      staffName: staff.name,
      action: change.action,
      subjectType: change.subjectType,
      subjectId: String(change.subjectId),
      before: json(change.before),
      after: json(change.after),
      at: this.clock.now(),
    };
    await this.changes.insert(row);
  }

  async recent(query: AdminChangeQuery): Promise<AdminChangeView[]> {
    const where = {
      ...(query.subjectType ? { subjectType: query.subjectType } : {}),
      ...(query.subjectId ? { subjectId: query.subjectId } : {}),
    };
    const rows = await this.changes.find({ where, order: { id: 'DESC' }, take: query.limit });
    return rows.map((r) => ({ ...r, before: parsed(r.before), after: parsed(r.after), at: r.at.toISOString() }));
  }
}
