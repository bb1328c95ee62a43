import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BindAccountRequest, BoundAccountView, ErrorCode, maskName } from '@utility/shared';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { AccountBinding } from './account-binding.entity';
import { BindAttempt } from './bind-attempt.entity';
import { Resident } from './resident.entity';

const MAX_FAILED_PER_HOUR = 5;
const MAX_BINDINGS = 10;

/** Which accounts (户号) a resident may act for. */
@Injectable()
export class AccountBindingsService {
  constructor(
    @InjectRepository(AccountBinding) private readonly bindings: Repository<AccountBinding>,
    @InjectRepository(BindAttempt) private readonly attempts: Repository<BindAttempt>,
    private readonly accounts: AccountsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(residentId: number): Promise<BoundAccountView[]> {
    const rows = await this.bindings.find({
      where: { residentId, endedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const accounts = await this.accounts.findByIds(rows.map((b) => b.accountId));
    return rows.flatMap((b) => {
      const a = accounts.find((x) => x.id === b.accountId);
      return a
        ? [
            {
              id: a.id,
              accountNo: a.accountNo,
              holderName: maskName(a.holderName),
              address: a.address,
              utility: a.utility,
              label: b.label,
              isDefault: b.isDefault,
            },
          ]
        : [];
    });
  }

  /** Account numbers the resident has bound: their scope for tickets, bills and payments. */
  async accountNos(residentId: number): Promise<string[]> {
    const rows = await this.bindings.findBy({ residentId, endedAt: IsNull() });
    return (await this.accounts.findByIds(rows.map((b) => b.accountId))).map((a) => a.accountNo);
  }

  /** Throws 404 unless the resident has bound the account: their scope for bills and payments. */
  async assertBound(residentId: number, accountId: number): Promise<void> {
    if (!(await this.bindings.existsBy({ residentId, accountId, endedAt: IsNull() }))) throw notFound();
  }

  /** Residents who bound this account (they all follow its tickets). */
  async residentIdsOf(accountNo: string): Promise<number[]> {
    const account = await this.accounts.findByNo(accountNo);
    if (!account) return [];
    return (await this.bindings.findBy({ accountId: account.id, endedAt: IsNull() })).map((b) => b.residentId);
  }

  /**
   * Account number + holder's name must match the company's records. The same error for an
   * unknown number and a wrong name, and a cap on failures, so numbers cannot be enumerated.
   * Returns the account id; runs before (and outside) the binding's transaction so that a
   * failure is recorded even though nothing is bound.
   */
  async verify(residentId: number, body: BindAccountRequest): Promise<number> {
    const now = this.clock.now();
    // Counted before checking, so that a burst of parallel guesses is capped as well.
    const { identifiers } = await this.db.transaction((em) =>
      em.insert(BindAttempt, { residentId, accountNo: body.accountNo, at: now }),
    );
    const recent = await this.attempts.countBy({ residentId, at: MoreThan(new Date(now.getTime() - 3600_000)) });
    if (recent > MAX_FAILED_PER_HOUR) {
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, '绑定失败次数过多，请1小时后再试');
    }
    const account = await this.accounts.findByNo(body.accountNo);
    if (!account || !account.active || account.holderName !== body.holderName)
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.BindMismatch);
    await this.db.transaction((em) => em.delete(BindAttempt, { id: identifiers[0].id }));
    return account.id;
  }

  /** Binds a verified account; binding one already bound changes nothing. */
  async bind(em: EntityManager, residentId: number, accountId: number, label = ''): Promise<number> {
    // One bind at a time per resident, or two at once both see no binding: two defaults, or a duplicate key (500).
    // (SQLite transactions are already serialized by Db and it has no row locks.)
    if (!this.db.isSqlite)
      await em.findOne(Resident, { where: { id: residentId }, lock: { mode: 'pessimistic_write' } });
    if (await em.existsBy(AccountBinding, { residentId, accountId, endedAt: IsNull() })) return accountId;
    const count = await em.countBy(AccountBinding, { residentId, endedAt: IsNull() });
    if (count >= MAX_BINDINGS) throw new AppError(HttpStatus.CONFLICT, ErrorCode.BindingLimit);
    await em.insert(AccountBinding, {
      residentId,
      accountId,
      label,
      isDefault: count === 0,
      createdAt: this.clock.now(),
    });
    return accountId;
  }

  async setDefault(residentId: number, accountId: number): Promise<void> {
    await this.db.transaction(async (em) => {
      if (!(await em.existsBy(AccountBinding, { residentId, accountId, endedAt: IsNull() }))) throw notFound();
      await em.update(AccountBinding, { residentId }, { isDefault: false });
      await em.update(AccountBinding, { residentId, accountId, endedAt: IsNull() }, { isDefault: true });
    });
  }

  /** Unbinding the default makes the oldest remaining account the default. */
  async unbind(residentId: number, accountId: number): Promise<void> {
    await this.db.transaction(async (em) => {
      const binding = await em.findOneBy(AccountBinding, { residentId, accountId, endedAt: IsNull() });
      if (!binding) throw notFound();
      await em.delete(AccountBinding, { id: binding.id });
      if (!binding.isDefault) return;
      const next = await em.findOne(AccountBinding, {
        where: { residentId, endedAt: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      if (next) await em.update(AccountBinding, { id: next.id }, { isDefault: true });
    });
  }

  async unbindAll(residentId: number): Promise<void> {
    // Through Db: on SQLite a bare delete would join (and be undone with) another open transaction.
    await this.db.transaction((em) => em.delete(AccountBinding, { residentId }));
  }
}
