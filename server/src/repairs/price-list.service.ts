import { HttpStatus, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_REPAIR_PRICE_LIST, ErrorCode, PriceListSchema, PriceListView, RepairPriceItem } from '@utility/shared';
import { z } from 'zod';
import { In, Repository } from 'typeorm';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { PriceListItem } from './price-list-item.entity';
import { RepairQuote } from './repair-quote.entity';

type PriceListBody = z.output<typeof PriceListSchema>;

const toItem = (r: PriceListItem): RepairPriceItem => ({
  code: r.code,
  name: r.name,
  unit: r.unit,
  unitFen: r.unitFen,
});

/**
 * The repair price list as the operator keeps it (docs/domain.md#charges): what technicians may
 * quote, priced by `priceQuote` from the items not retired. Changes are recorded with before and
 * after; an item a quote named can be retired, never deleted.
 */
@Injectable()
export class PriceListService implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(PriceListItem) private readonly rows: Repository<PriceListItem>,
    private readonly db: Db,
    private readonly audit: AdminAudit,
    private readonly clock: Clock,
  ) {}

  /** SQLite's schema comes from the entities, not the migrations: it gets the migration's seed here. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.db.isSqlite || (await this.rows.count())) return;
    const now = this.clock.now();
    try {
      await this.rows.insert(
        DEFAULT_REPAIR_PRICE_LIST.map((item, position) => ({ ...item, position, retired: false, updatedAt: now })),
      );
    } catch (error) {
      // Another process seeded it first.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** What a technician may quote now, in the form's order (inside the caller's transaction, if any). */
  async quotable(): Promise<RepairPriceItem[]> {
    const repo = this.rows;
    return (await repo.find({ where: { retired: false }, order: { position: 'ASC' } })).map(toItem);
  }

  /** The whole list for the operator, each item saying whether a quote has named it. */
  async view(): Promise<PriceListView> {
    const rows = await this.rows.find({ order: { position: 'ASC' } });
    const inUse = await Promise.all(rows.map((r) => this.quoted(r.code)));
    return { items: rows.map((r, i) => ({ ...toItem(r), retired: r.retired, inUse: inUse[i] })) };
  }

  /** Replaces the list: items matched by code are updated, new ones added, the rest deleted (409 when quoted). */
  async replace(staff: StaffPrincipal, body: PriceListBody): Promise<PriceListView> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const before = await em.find(PriceListItem, { order: { position: 'ASC' } });
      const kept = new Set(body.items.map((i) => i.code));
      const dropped = before.filter((r) => !kept.has(r.code));
      for (const row of dropped) {
        if (await this.quoted(row.code))
          throw new AppError(
            HttpStatus.CONFLICT,
            ErrorCode.PriceItemInUse,
            `收费项目「${row.name}」已用于报价，只能停用，不能删除`,
          );
      }
      if (dropped.length) await em.delete(PriceListItem, { id: In(dropped.map((r) => r.id)) });
      for (const [position, item] of body.items.entries()) {
        const row = before.find((r) => r.code === item.code);
        if (row) await em.update(PriceListItem, { id: row.id }, { ...item, position, updatedAt: now });
        else await em.insert(PriceListItem, { ...item, position, updatedAt: now });
      }
      await this.audit.record(staff, {
        action: 'price_list.update',
        subjectType: 'price_list',
        subjectId: 1,
        before: before.map((r) => ({ ...toItem(r), retired: r.retired })),
        after: body.items,
      });
      return this.view();
    });
  }

  /** A quote named the item: its lines are stored as JSON, `{"code":"…",…}` (codes hold no quote or wildcard). */
  private async quoted(code: string): Promise<boolean> {
    const em = this.db.manager;
    const found = await em
      .createQueryBuilder(RepairQuote, 'q')
      .select('q.id')
      .where('q.lines LIKE :pattern', { pattern: `%"code":"${code}"%` })
      .limit(1)
      .getRawMany();
    return found.length > 0;
  }
}
