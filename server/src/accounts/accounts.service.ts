import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Account } from './account.entity';

@Injectable()
export class AccountsService {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  /** `em`: read on the caller's transaction's connection (a transaction must never wait for a second one). */
  findByNo(accountNo: string, em?: EntityManager): Promise<Account | null> {
    return (em?.getRepository(Account) ?? this.accounts).findOneBy({ accountNo });
  }

  /**
   * Holds the account's row until the caller's transaction ends, so that work on one account (a leak alarm)
   * runs one at a time across processes. SQLite transactions are already serialized (Db), and it has no row locks.
   */
  async lockForUpdate(em: EntityManager, id: number): Promise<void> {
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

  /** Keyset page of account ids (primary key order), for runs over every account. */
  async idsAfter(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.accounts
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.id > :afterId', { afterId })
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
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

  count(): Promise<number> {
    return this.accounts.count();
  }

  /** Seed: inserts the accounts whose numbers are not there yet, and registers a phone where none is. */
  async ensureAccounts(rows: Omit<Account, 'id'>[]): Promise<void> {
    const existing = new Set((await this.accounts.find({ select: { accountNo: true } })).map((a) => a.accountNo));
    const missing = rows.filter((r) => !existing.has(r.accountNo));
    if (missing.length) await this.accounts.insert(missing);
    // Accounts seeded before phones were registered (the binding's second fact needs one).
    for (const r of rows)
      if (existing.has(r.accountNo) && r.phone)
        await this.accounts.update({ accountNo: r.accountNo, phone: IsNull() }, { phone: r.phone });
  }
}
