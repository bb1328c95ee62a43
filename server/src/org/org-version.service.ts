import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Db, isDuplicateKey } from '../common/db';
import { OrgVersionRow } from './org-version.entity';

const ROW = { id: 1 };

/** The organisation's change counter (see OrgVersionRow): read before trusting a cache, bumped with every change. */
@Injectable()
export class OrgVersion {
  constructor(
    @InjectRepository(OrgVersionRow) private readonly rows: Repository<OrgVersionRow>,
    private readonly db: Db,
  ) {}

  /** One primary-key read. `em`: on the caller's transaction's connection. */
  async current(em?: EntityManager): Promise<number> {
    const row = await (em?.getRepository(OrgVersionRow) ?? this.rows).findOneBy(ROW);
    return row?.version ?? 0;
  }

  /** Inside the transaction that makes the change, so the new version and the change commit together. */
  async bump(em: EntityManager): Promise<void> {
    if ((await em.increment(OrgVersionRow, ROW, 'version', 1)).affected) return;
    try {
      await em.insert(OrgVersionRow, { ...ROW, version: 1 });
    } catch (error) {
      // Another process created the row first (SQLite databases start without it).
      if (!isDuplicateKey(error)) throw error;
      await em.increment(OrgVersionRow, ROW, 'version', 1);
    }
  }

  /** Outside any transaction (seed, a change whose own save is not transactional). */
  async bumpNow(): Promise<void> {
    await this.db.transaction((em) => this.bump(em));
  }
}
