import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AccountFacts,
  BINDING_SECOND_FACT_HINTS,
  BINDING_SECOND_FACT_LABELS,
  BindAccountRequest,
  BindingRequirementView,
  BindingSecondFact,
  BoundAccountView,
  ErrorCode,
  checkSecondFact,
  maskName,
} from '@utility/shared';
import { EntityManager, In, MoreThan, Not, Repository } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { BillsService } from '../billing/bills.service';
import { AppError, RateLimitError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db } from '../common/db';
import { AccountBinding } from './account-binding.entity';
import { BindAttempt } from './bind-attempt.entity';
import { EndedBinding } from './ended-binding.entity';
import { Resident } from './resident.entity';

const MAX_FAILED_PER_HOUR = 5;
const MAX_BINDINGS = 10;

/** Which accounts (户号) a resident may act for. */
/** A binding the company ended (a 过户), and whose it was, so they can be told. */
export interface EndedBindingOf {
  bindingId: number;
  residentId: number;
}

@Injectable()
export class AccountBindingsService {
  constructor(
    @InjectRepository(AccountBinding) private readonly bindings: Repository<AccountBinding>,
    @InjectRepository(BindAttempt) private readonly attempts: Repository<BindAttempt>,
    private readonly accounts: AccountsService,
    private readonly db: Db,
    private readonly clock: Clock,
    // BillsService by lookup: the billing module already depends on this one.
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secondFact = config.BINDING_SECOND_FACT as BindingSecondFact;
    this.accountLock = { failures: config.BIND_ACCOUNT_FAILURE_LIMIT, hours: config.BIND_ACCOUNT_LOCK_HOURS };
  }

  private readonly secondFact: BindingSecondFact;
  private readonly accountLock: { failures: number; hours: number };

  async list(residentId: number): Promise<BoundAccountView[]> {
    const rows = await this.bindings.find({
      where: { residentId },
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
              ...(a.paymentMode === 'prepaid' && a.meterKind !== 'ordinary' ? { prepaidMeter: a.meterKind } : {}),
            },
          ]
        : [];
    });
  }

  /** Account numbers the resident has bound: their scope for tickets, bills and payments. */
  async accountNos(residentId: number): Promise<string[]> {
    const rows = await this.bindings.findBy({ residentId });
    return (await this.accounts.findByIds(rows.map((b) => b.accountId))).map((a) => a.accountNo);
  }

  /** Throws 404 unless the resident has bound the account: their scope for bills and payments. */
  async assertBound(residentId: number, accountId: number): Promise<void> {
    if (!(await this.bindings.existsBy({ residentId, accountId }))) throw notFound();
  }

  /** Residents who bound this account (they all follow its tickets). */
  async residentIdsOf(accountNo: string): Promise<number[]> {
    const account = await this.accounts.findByNo(accountNo);
    if (!account) return [];
    return (await this.bindings.findBy({ accountId: account.id })).map((b) => b.residentId);
  }

  /** Residents who bound any of these accounts, each once (an outage's notices, docs/domain.md#outages). */
  async residentIdsOfAccounts(accountIds: number[]): Promise<number[]> {
    if (!accountIds.length) return [];
    const rows = await this.bindings
      .createQueryBuilder('b')
      .select('DISTINCT b.residentId', 'residentId')
      .where('b.accountId IN (:...accountIds)', { accountIds })
      .getRawMany<{ residentId: number | string }>();
    return rows.map((r) => Number(r.residentId));
  }

  /** Which second fact the bind form asks for (BINDING_SECOND_FACT). */
  requirement(): BindingRequirementView {
    const kind = this.secondFact;
    return {
      secondFact: kind,
      label: kind === BindingSecondFact.None ? null : BINDING_SECOND_FACT_LABELS[kind],
      hint: kind === BindingSecondFact.None ? null : BINDING_SECOND_FACT_HINTS[kind],
    };
  }

  /**
   * Account number + holder's name + the operator's second fact (the registered phone's last four digits, or
   * the last bill's amount) must match the company's records. The same error for an unknown number, a wrong
   * name and a wrong fact, and two caps on failures: per resident (5 an hour), so numbers cannot be enumerated,
   * and per account across residents (BIND_ACCOUNT_FAILURE_LIMIT in BIND_ACCOUNT_LOCK_HOURS), so fresh WeChat
   * identities cannot take turns guessing one household's facts. Returns the account id; runs before (and
   * outside) the binding's transaction so that a failure is recorded even though nothing is bound.
   */
  async verify(residentId: number, body: BindAccountRequest): Promise<number> {
    if (this.secondFact !== BindingSecondFact.None && !body.secondFact) {
      const label = BINDING_SECOND_FACT_LABELS[this.secondFact];
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, `请填写${label}`, [
        { path: 'secondFact', message: `请填写${label}` },
      ]);
    }
    const now = this.clock.now();
    // Counted before checking, so that a burst of parallel guesses is capped as well.
    const { identifiers } = await this.db.transaction((em) =>
      em.insert(BindAttempt, { residentId, accountNo: body.accountNo, at: now }),
    );
    const attemptId = identifiers[0].id as number;
    const recent = await this.attempts.countBy({ residentId, at: MoreThan(new Date(now.getTime() - 3600_000)) });
    if (recent > MAX_FAILED_PER_HOUR) {
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, '绑定失败次数过多，请1小时后再试');
    }
    await this.assertAccountNotLocked(body.accountNo, attemptId, now);
    const account = await this.accounts.findByNo(body.accountNo);
    if (!account || !account.active || account.holderName !== body.holderName)
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.BindMismatch);
    const check = checkSecondFact(this.secondFact, body.secondFact, await this.factsOf(account));
    if (check === 'mismatch') throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.BindMismatch);
    if (check === 'missing') {
      // Nothing to check it against: not a guess, so not counted; the counter binds it with papers.
      await this.db.transaction((em) => em.delete(BindAttempt, { id: attemptId }));
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.BindAtCounter);
    }
    await this.db.transaction((em) => em.delete(BindAttempt, { id: attemptId }));
    return account.id;
  }

  /**
   * 429 once the account has had BIND_ACCOUNT_FAILURE_LIMIT failed tries (by anyone) in the lock window. The
   * refused try was never checked, so it is not kept: it neither counts nor extends the lock.
   */
  private async assertAccountNotLocked(accountNo: string, attemptId: number, now: Date): Promise<void> {
    const windowMs = this.accountLock.hours * 3600_000;
    const failures = await this.attempts.find({
      where: { accountNo, at: MoreThan(new Date(now.getTime() - windowMs)), id: Not(attemptId) },
      order: { at: 'DESC' },
      take: this.accountLock.failures,
    });
    if (failures.length < this.accountLock.failures) return;
    await this.db.transaction((em) => em.delete(BindAttempt, { id: attemptId }));
    // Open again when the oldest of the last `failures` tries leaves the window.
    const retryAfter = (failures[failures.length - 1].at.getTime() + windowMs - now.getTime()) / 1000;
    throw new RateLimitError(ErrorCode.BindAccountLocked, retryAfter);
  }

  /** What the company holds for the account to check the second fact against. */
  private async factsOf(account: Account): Promise<AccountFacts> {
    const lastBillFen =
      this.secondFact === BindingSecondFact.LastBillAmount
        ? ((await this.moduleRef.get(BillsService, { strict: false }).latestAmountFen(account.id)) ?? null)
        : null;
    return { phone: account.phone ?? null, lastBillFen };
  }

  /** Binds a verified account; binding one already bound changes nothing. */
  async bind(residentId: number, accountId: number, label = ''): Promise<number> {
    const em = this.db.manager;
    // One bind at a time per resident, or two at once both see no binding: two defaults, or a duplicate key (500).
    // (SQLite transactions are already serialized by Db and it has no row locks.)
    if (!this.db.isSqlite)
      await em.findOne(Resident, { where: { id: residentId }, lock: { mode: 'pessimistic_write' } });
    if (await em.existsBy(AccountBinding, { residentId, accountId })) return accountId;
    const count = await em.countBy(AccountBinding, { residentId });
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

  /**
   * Ends every resident's binding of the account, e.g. when its holder changes (过户): the bindings move to
   * `ended_binding` (kept as history), their residents no longer see or act for the account, and a resident
   * who lost their default gets their oldest remaining account as default. Runs in the caller's transaction
   * if one is open. Returns how many bindings ended.
   */
  async endBindingsOfAccount(accountId: number, reason: string): Promise<EndedBindingOf[]> {
    const work = async (tx: EntityManager): Promise<EndedBindingOf[]> => {
      const ended = await tx.find(AccountBinding, { where: { accountId }, order: { id: 'ASC' } });
      if (!ended.length) return [];
      const endedAt = this.clock.now();
      await tx.insert(
        EndedBinding,
        ended.map((b) => ({
          residentId: b.residentId,
          accountId: b.accountId,
          label: b.label,
          boundAt: b.createdAt,
          endedAt,
          reason: reason.slice(0, 200),
        })),
      );
      await tx.delete(AccountBinding, { id: In(ended.map((b) => b.id)) });
      for (const b of ended.filter((x) => x.isDefault)) {
        const next = await tx.findOne(AccountBinding, {
          where: { residentId: b.residentId },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        if (next) await tx.update(AccountBinding, { id: next.id }, { isDefault: true });
      }
      return ended.map((b) => ({ bindingId: b.id, residentId: b.residentId }));
    };
    return this.db.transaction(work);
  }

  async setDefault(residentId: number, accountId: number): Promise<void> {
    await this.db.transaction(async (em) => {
      if (!(await em.existsBy(AccountBinding, { residentId, accountId }))) throw notFound();
      await em.update(AccountBinding, { residentId }, { isDefault: false });
      await em.update(AccountBinding, { residentId, accountId }, { isDefault: true });
    });
  }

  /** Unbinding the default makes the oldest remaining account the default. */
  async unbind(residentId: number, accountId: number): Promise<void> {
    await this.db.transaction(async (em) => {
      const binding = await em.findOneBy(AccountBinding, { residentId, accountId });
      if (!binding) throw notFound();
      await em.delete(AccountBinding, { id: binding.id });
      if (!binding.isDefault) return;
      const next = await em.findOne(AccountBinding, {
        where: { residentId },
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
