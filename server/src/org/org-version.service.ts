import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Db, isDuplicateKey } from '../common/db';
import { preparedQuery } from '../common/plain-insert';
import { OrgVersionRow } from './org-version.entity';

const ROW = { id: 1 };

/**
 * The version as a column of another one-row statement (intake reads it with the caller's account:
 * one round trip for both); what it reads is then handed to OrgVersion.adopt.
 */
export const ORG_VERSION_COLUMN = '(SELECT version FROM org_version WHERE id = 1)';

/** The organisation's change counter (see OrgVersionRow): read before trusting a cache, bumped with every change. */
@Injectable()
export class OrgVersion {
  /** The version a transaction read: it reads it once (routing and the SLA policy both ask at intake). */
  private readonly readIn = new WeakMap<EntityManager, Promise<number>>();

  constructor(
    @InjectRepository(OrgVersionRow) private readonly rows: Repository<OrgVersionRow>,
    private readonly db: Db,
  ) {}

  /**
   * One primary-key read. Inside a transaction, on its connection, read once per transaction:
   * its snapshot (MariaDB's repeatable read, SQLite's serialized transactions) would answer the same
   * again, except after its own bump, which forgets it.
   */
  current(): Promise<number> {
    const em = this.db.transactionManager;
    if (!em?.queryRunner?.isTransactionActive) return this.read();
    let version = this.readIn.get(em);
    if (!version) this.readIn.set(em, (version = this.read()));
    return version;
  }

  /**
   * A version the open transaction read along with something else (ORG_VERSION_COLUMN): its
   * routing and SLA policy trust it as if current() had read it. Null is no row yet (version 0).
   * Nothing outside a transaction, nor over a version it already read.
   */
  adopt(version: number | string | null): void {
    const em = this.db.transactionManager;
    if (!em?.queryRunner?.isTransactionActive || this.readIn.has(em)) return;
    this.readIn.set(em, Promise.resolve(version === null ? 0 : Number(version)));
  }

  /** Inside the transaction that makes the change, so the new version and the change commit together. */
  async bump(): Promise<void> {
    const em = this.db.manager;
    this.readIn.delete(em);
    if ((await em.increment(OrgVersionRow, ROW, 'version', 1)).affected) return;
    try {
      await em.insert(OrgVersionRow, { ...ROW, version: 1 });
    } catch (error) {
      // Another process created the row first (SQLite databases start without it).
      if (!isDuplicateKey(error)) throw error;
      await em.increment(OrgVersionRow, ROW, 'version', 1);
    }
  }

  /** A plain statement: a cache check costs intake no entity mapping. */
  private async read(): Promise<number> {
    const rows = await preparedQuery<{ version: number | string }[]>(
      this.rows.manager,
      'SELECT version FROM org_version WHERE id = 1',
      [],
    );
    return rows.length ? Number(rows[0].version) : 0;
  }

  /** Outside any transaction (seed, a change whose own save is not transactional). */
  async bumpNow(): Promise<void> {
    await this.db.transaction(() => this.bump());
  }
}
