import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountImportRow } from '@utility/shared';
import { Brackets, In, IsNull, Repository } from 'typeorm';
import { likeFragment } from '../common/like';
import { phoneIndex } from '../common/phone-index';
import { insertRows, preparedQuery, upsertRows } from '../common/plain-insert';
import { AccountHolderHistory } from './account-holder-history.entity';
import { Account } from './account.entity';
import { Db } from '../common/db';
import { ORG_VERSION_COLUMN } from '../org/org-version.service';

/** Who made a change to the customer master, and through what (`edit`, `import:<jobId>`). */
export interface AccountChangeActor {
  id: number;
  name: string;
  source: string;
}

/** What the bill run reads of an account. */
export type BillableAccount = Pick<Account, 'id' | 'accountNo' | 'utility' | 'districtId'>;

/** A holder change (过户) a write made: the former holder is in the history now. */
export interface HolderChange {
  accountId: number;
  accountNo: string;
  formerHolder: string;
  newHolder: string;
}

export interface AccountBatchResult {
  created: number;
  updated: number;
  unchanged: number;
  holderChanges: HolderChange[];
}

/** Where an account is and what it supplies (AccountsService.placeOf). */
export type AccountPlace = Pick<Account, 'districtId' | 'stationId' | 'utility'>;

/** The fields the customer master file and the admin's edit may change. */
export type AccountFields = Omit<Account, 'id' | 'accountNo' | 'holderSince' | 'updatedAt' | 'phoneIndex'>;
const EDITABLE: (keyof AccountFields)[] = [
  'holderName',
  'address',
  'utility',
  'districtId',
  'stationId',
  'areaCentiM2',
  'meterNo',
  'usageType',
  'keyCustomer',
  'paymentMode',
  'meterKind',
  'phone',
  'active',
];
const WRITTEN: (keyof Account)[] = ['accountNo', ...EDITABLE, 'phoneIndex', 'holderSince', 'updatedAt'];

@Injectable()
export class AccountsService {
  constructor(
    private readonly db: Db,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  findByNo(accountNo: string): Promise<Account | null> {
    return this.accounts.findOneBy({ accountNo });
  }

  /**
   * Where an account is and what it supplies, or null when there is no such account: what intake
   * routes and clocks a ticket by. A plain statement without the holder's personal data (nothing
   * to decrypt), read on every intake (inside intake's transaction, on its connection), which also
   * reads the organisation's version (OrgVersion.adopt): routing and the SLA policy need it next,
   * and one round trip answers both.
   */
  async placeOf(accountNo: string): Promise<(AccountPlace & { orgVersion: number | string | null }) | null> {
    const rows = await preparedQuery<(AccountPlace & { orgVersion: number | string | null })[]>(
      this.accounts.manager,
      `SELECT districtId, stationId, utility, ${ORG_VERSION_COLUMN} AS orgVersion FROM account WHERE accountNo = ?`,
      [accountNo],
    );
    if (!rows.length) return null;
    const { districtId, stationId, utility, orgVersion } = rows[0];
    return { districtId, stationId, utility, orgVersion };
  }

  /**
   * Holds the account's row until the caller's transaction ends, so that work on one account (a leak alarm)
   * runs one at a time across processes. SQLite transactions are already serialized (Db), and it has no row locks.
   */
  async lockForUpdate(id: number): Promise<void> {
    const em = this.db.manager;
    if (em.connection.options.type === 'better-sqlite3') return;
    await em.getRepository(Account).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByNos(accountNos: string[]): Promise<Account[]> {
    return accountNos.length ? this.accounts.findBy({ accountNo: In(accountNos) }) : Promise.resolve([]);
  }

  findById(id: number): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<Account[]> {
    return ids.length ? this.accounts.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Keyset page of accounts (primary key order) with what a bill names, as plain rows (no entity,
   * no decryption): the bill run pages a million accounts through it.
   */
  async billablePageAfter(afterId: number, limit: number): Promise<BillableAccount[]> {
    const rows = await this.accounts
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('a.accountNo', 'accountNo')
      .addSelect('a.utility', 'utility')
      .addSelect('a.districtId', 'districtId')
      // Prepaid accounts pay for gas before they use it (docs/domain.md#prepaid-accounts): no monthly bill.
      .where("a.id > :afterId AND a.paymentMode = 'postpaid'", { afterId })
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getRawMany<BillableAccount>();
    return rows.map((r) => ({ ...r, id: Number(r.id), districtId: Number(r.districtId) }));
  }

  /** Keyset page of active prepaid accounts with an IC-card or IoT meter (docs/domain.md#prepaid-accounts). */
  prepaidAccountsAfter(afterId: number, limit: number): Promise<Account[]> {
    return this.accounts
      .createQueryBuilder('a')
      .where("a.paymentMode = 'prepaid' AND a.meterKind <> 'ordinary' AND a.active = :active AND a.id > :afterId", {
        active: true,
        afterId,
      })
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Keyset page of heating accounts with an area, for the seasonal bill run. */
  heatingAccountsAfter(afterId: number, limit: number): Promise<Account[]> {
    return this.accounts
      .createQueryBuilder('a')
      .where("a.utility = 'heating' AND a.areaCentiM2 IS NOT NULL AND a.id > :afterId", { afterId })
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Keyset page of the active accounts of a utility in an area (any of its districts, stations or
   * buildings — an address prefix), for an outage (docs/domain.md#outages). A list of 户号 is looked
   * up with findByNos.
   */
  async inAreaAfter(
    area: { utility: string; districtIds: number[]; stationIds: number[]; buildings: string[] },
    afterId: number,
    limit: number,
  ): Promise<{ id: number; accountNo: string; districtId: number }[]> {
    const { districtIds, stationIds, buildings } = area;
    if (!districtIds.length && !stationIds.length && !buildings.length) return [];
    const q = this.accounts
      .createQueryBuilder('a')
      .select(['a.id AS id', 'a.accountNo AS accountNo', 'a.districtId AS districtId'])
      .where('a.utility = :utility AND a.active = :active AND a.id > :afterId', {
        utility: area.utility,
        active: true,
        afterId,
      })
      .andWhere(
        new Brackets((w) => {
          if (districtIds.length) w.orWhere('a.districtId IN (:...districtIds)', { districtIds });
          if (stationIds.length) w.orWhere('a.stationId IN (:...stationIds)', { stationIds });
          buildings.forEach((b, i) =>
            w.orWhere(`a.address LIKE :b${i} ESCAPE '!'`, { [`b${i}`]: `${b.trim().replace(/[!%_]/g, '!$&')}%` }),
          );
        }),
      )
      .orderBy('a.id', 'ASC')
      .limit(limit);
    const rows = await q.getRawMany<{ id: number | string; accountNo: string; districtId: number | string }>();
    return rows.map((r) => ({ id: Number(r.id), accountNo: r.accountNo, districtId: Number(r.districtId) }));
  }

  count(): Promise<number> {
    return this.accounts.count();
  }

  /**
   * Writes one batch of an import (no account twice in it), in the import's transaction:
   * new numbers are created, changed accounts updated, the others left as they are. A new
   * holder's name is a 过户: the former holder goes to the history.
   */
  async writeImportBatch(rows: AccountImportRow[], actor: AccountChangeActor, at: Date): Promise<AccountBatchResult> {
    const em = this.db.manager;
    const existing = new Map(
      (await em.findBy(Account, { accountNo: In(rows.map((r) => r.accountNo)) })).map((a) => [a.accountNo, a]),
    );
    const result: AccountBatchResult = { created: 0, updated: 0, unchanged: 0, holderChanges: [] };
    const written: Omit<Account, 'id'>[] = [];
    const history: Omit<AccountHolderHistory, 'id'>[] = [];
    for (const row of rows) {
      const before = existing.get(row.accountNo);
      if (!before) {
        result.created++;
        written.push({
          accountNo: row.accountNo,
          holderName: row.holderName,
          address: row.address,
          utility: row.utility,
          districtId: row.districtId,
          stationId: row.stationId,
          areaCentiM2: row.areaCentiM2 ?? null,
          meterNo: row.meterNo ?? null,
          usageType: row.usageType,
          keyCustomer: row.keyCustomer ?? false,
          paymentMode: row.paymentMode,
          meterKind: row.meterKind ?? 'ordinary',
          phone: row.phone ?? null,
          phoneIndex: phoneIndex(row.phone),
          active: true,
          holderSince: at,
          updatedAt: at,
        });
        continue;
      }
      const { accountNo: _no, ...fields } = row;
      const changes = changedFields(before, fields);
      if (!changes) {
        result.unchanged++;
        continue;
      }
      result.updated++;
      const after = {
        ...before,
        ...changes,
        phoneIndex: phoneIndex(changes.phone !== undefined ? changes.phone : before.phone),
        updatedAt: at,
      };
      if (changes.holderName !== undefined) {
        after.holderSince = at;
        result.holderChanges.push(holderChange(before, changes.holderName));
        history.push(historyRow(before, actor, at));
      }
      const { id: _id, ...columns } = after;
      written.push(columns);
    }
    // Every row with every column, so one statement serves them all (the driver needs one shape).
    const full = written.map(
      (w) => Object.fromEntries(WRITTEN.map((k) => [k, w[k as keyof typeof w]])) as Partial<Account>,
    );
    // A batch of new numbers only (a first import) needs no upsert.
    if (existing.size)
      await upsertRows(
        em,
        Account,
        full,
        'accountNo',
        WRITTEN.filter((k) => k !== 'accountNo'),
      );
    else await insertRows(em, Account, full);
    await insertRows(em, AccountHolderHistory, history);
    return result;
  }

  /**
   * An admin's edit; null when nothing differs. A new holder's name is a 过户 (history kept).
   * Returns the account before and after.
   */
  async edit(
    account: Account,
    fields: Partial<AccountFields>,
    actor: AccountChangeActor,
    at: Date,
  ): Promise<{ before: Account; after: Account; holderChange: HolderChange | null } | null> {
    const em = this.db.manager;
    const changes = changedFields(account, fields);
    if (!changes) return null;
    const after: Account = {
      ...account,
      ...changes,
      phoneIndex: phoneIndex(changes.phone !== undefined ? changes.phone : account.phone),
      updatedAt: at,
    };
    let change: HolderChange | null = null;
    if (changes.holderName !== undefined) {
      after.holderSince = at;
      change = holderChange(account, changes.holderName);
      await em.insert(AccountHolderHistory, historyRow(account, actor, at));
    }
    const { id, ...columns } = after;
    await em.update(Account, { id }, columns);
    return { before: account, after, holderChange: change };
  }

  /** Earlier holders of an account, newest first. */
  holderHistory(accountId: number): Promise<AccountHolderHistory[]> {
    return this.accounts.manager.find(AccountHolderHistory, { where: { accountId }, order: { id: 'DESC' } });
  }

  /** 户号 prefix (digits), or a fragment of the holder's name or the address; by 户号. */
  async search(q: string, page: number, pageSize: number): Promise<{ items: Account[]; total: number }> {
    const query = this.accounts.createQueryBuilder('a');
    if (/^\d+$/.test(q)) query.where('a.accountNo LIKE :prefix', { prefix: `${q}%` });
    else if (q) {
      // '!' escapes LIKE's wildcards: a backslash would itself need escaping in MariaDB's literals.
      const fragment = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      query.where(
        new Brackets((w) =>
          w
            .where("a.holderName LIKE :fragment ESCAPE '!'", { fragment })
            .orWhere("a.address LIKE :fragment ESCAPE '!'", { fragment }),
        ),
      );
    }
    const [items, total] = await query
      .orderBy('a.accountNo', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * The desk's search (docs/domain.md#customer-history): by 户号 prefix, by a phone's blind index or by
   * an address fragment; only in `districtIds` unless null (the searcher's scope). At most `limit`, by 户号.
   */
  findForDesk(
    by: { accountNoPrefix: string } | { phoneIndex: string } | { addressFragment: string },
    districtIds: number[] | null,
    limit: number,
  ): Promise<Account[]> {
    if (districtIds?.length === 0) return Promise.resolve([]);
    const query = this.accounts.createQueryBuilder('a');
    if ('accountNoPrefix' in by) query.where('a.accountNo LIKE :prefix', { prefix: `${by.accountNoPrefix}%` });
    else if ('phoneIndex' in by) query.where('a.phoneIndex = :index', { index: by.phoneIndex });
    else query.where("a.address LIKE :fragment ESCAPE '!'", { fragment: likeFragment(by.addressFragment) });
    if (districtIds) query.andWhere('a.districtId IN (:...districtIds)', { districtIds });
    return query.orderBy('a.accountNo', 'ASC').limit(limit).getMany();
  }

  /**
   * Indexes the phones of accounts written before phones were indexed, a batch after `afterId` at a
   * time (idempotent, safe in several processes); answers the last id seen, null when done.
   */
  async indexPhones(afterId: number, batch: number): Promise<number | null> {
    const rows = await this.accounts
      .createQueryBuilder('a')
      .where('a.id > :afterId AND a.phone IS NOT NULL AND a.phoneIndex IS NULL', { afterId })
      .orderBy('a.id', 'ASC')
      .limit(batch)
      .getMany();
    for (const a of rows) await this.accounts.update({ id: a.id }, { phoneIndex: phoneIndex(a.phone) });
    return rows.length < batch ? null : rows[rows.length - 1].id;
  }

  /** Seed: inserts the accounts whose numbers are not there yet, and registers a phone where none is. */
  async ensureAccounts(
    rows: (Pick<
      Account,
      'accountNo' | 'holderName' | 'address' | 'utility' | 'districtId' | 'stationId' | 'areaCentiM2'
    > &
      Partial<Pick<Account, 'paymentMode' | 'meterKind' | 'meterNo'>> & { phone?: string | null })[],
  ): Promise<void> {
    const existing = new Set((await this.accounts.find({ select: { accountNo: true } })).map((a) => a.accountNo));
    const missing = rows.filter((r) => !existing.has(r.accountNo));
    if (missing.length) await this.accounts.insert(missing.map((r) => ({ ...r, phoneIndex: phoneIndex(r.phone) })));
    // Accounts seeded before phones were registered (the binding's second fact needs one).
    for (const r of rows)
      if (existing.has(r.accountNo) && r.phone)
        await this.accounts.update(
          { accountNo: r.accountNo, phone: IsNull() },
          { phone: r.phone, phoneIndex: phoneIndex(r.phone) },
        );
  }
}

/** The fields of `next` that differ from the account, or null when none does. */
function changedFields(account: Account, next: Partial<AccountFields>): Partial<AccountFields> | null {
  const changes: Partial<AccountFields> = {};
  for (const key of EDITABLE) {
    const value = next[key];
    if (value !== undefined && value !== account[key]) (changes as Record<string, unknown>)[key] = value;
  }
  return Object.keys(changes).length ? changes : null;
}

const holderChange = (account: Account, newHolder: string): HolderChange => ({
  accountId: account.id,
  accountNo: account.accountNo,
  formerHolder: account.holderName,
  newHolder,
});

const historyRow = (account: Account, actor: AccountChangeActor, at: Date): Omit<AccountHolderHistory, 'id'> => ({
  accountId: account.id,
  holderName: account.holderName,
  heldFrom: account.holderSince,
  heldUntil: at,
  changedById: actor.id,
  changedByName: actor.name,
  source: actor.source.slice(0, 48),
});
