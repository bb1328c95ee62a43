import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner, Repository } from 'typeorm';

const RETRYABLE = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A counting semaphore: at most `size` holders, the others wait in arrival order. */
class Gate {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async through<T>(run: () => Promise<T>): Promise<T> {
    if (this.held >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held++;
    try {
      return await run();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.held--;
    }
  }
}

export const isDuplicateKey = (error: unknown): boolean => {
  const code =
    (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const isRetryable = (error: unknown): boolean => {
  const code = (error as { driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE.has(code);
};

/** The transaction a piece of work runs in: its manager once TypeORM has opened it, and whether it is still open. */
interface TransactionScope {
  dataSource: DataSource;
  manager?: EntityManager;
  open: boolean;
}

const current = new AsyncLocalStorage<TransactionScope>();

/** The manager of the transaction this code runs in (on `dataSource`), if any is still open. */
function transactionManager(dataSource: DataSource): EntityManager | undefined {
  const scope = current.getStore();
  return scope?.open && scope.dataSource === dataSource ? scope.manager : undefined;
}

/**
 * The open transaction's manager, for plain functions that only run inside one (no Db at hand,
 * e.g. appending to a ticket's timeline): throws outside any transaction.
 */
export function openTransaction(): EntityManager {
  const scope = current.getStore();
  if (!scope?.open || !scope.manager) throw new Error('runs inside Db.transaction only');
  return scope.manager;
}

// Every repository made on the default manager (the injected ones) answers the current
// transaction's manager while one is open: its reads and writes join that transaction by
// themselves (docs/architecture.md#transactions). Repositories of a given manager keep it.
const ownManager = Symbol('ownManager');
type WithOwnManager = { [ownManager]: EntityManager };
Object.defineProperty(Repository.prototype, 'manager', {
  configurable: true,
  get(this: WithOwnManager): EntityManager {
    const own = this[ownManager];
    return (own && !own.queryRunner && transactionManager(own.dataSource)) || own;
  },
  set(this: WithOwnManager, manager: EntityManager) {
    this[ownManager] = manager;
  },
});

/** mysql2's PoolConnection, as far as its promise wrapper goes. */
interface PoolConnectionClass {
  prototype: { promise(this: object, promiseImpl?: PromiseConstructor): unknown };
}

const promiseWrappers = new WeakMap<object, unknown>();
let wrappersShared = false;

/**
 * mysql2's `PoolConnection.promise()` `require`s its wrapper's module and builds a new wrapper (an
 * EventEmitter) on every call, and TypeORM calls it for every statement it runs: about 15 µs each, a
 * tenth of intake's CPU. The wrapper holds nothing but the connection, so each pooled connection keeps
 * the one it was first given.
 */
function shareConnectionPromiseWrappers(PoolConnection: PoolConnectionClass): void {
  if (wrappersShared) return;
  wrappersShared = true;
  const wrap = PoolConnection.prototype.promise;
  PoolConnection.prototype.promise = function (this: object, promiseImpl?: PromiseConstructor) {
    if (promiseImpl) return wrap.call(this, promiseImpl);
    let wrapper = promiseWrappers.get(this);
    if (!wrapper) promiseWrappers.set(this, (wrapper = wrap.call(this)));
    return wrapper;
  };
}

/** Pooled MariaDB connections whose session already reads committed (docs/architecture.md#transactions). */
const READ_COMMITTED = new WeakSet<object>();

/** The default manager's writes that TypeORM wraps in a transaction of its own. */
const SELF_WRAPPED = ['save', 'remove', 'softRemove', 'recover'] as const;

/**
 * Transactions that behave the same on SQLite and MariaDB, joined by context.
 * The open transaction's manager lives in AsyncLocalStorage: `db.manager` and every injected
 * repository use it while `work` runs, so nothing passes an EntityManager around, and a
 * `transaction` called inside another joins it (one commit, one retry of the outermost work).
 * TypeORM runs every SQLite query on one connection, so two transactions of one process must
 * not interleave: they are queued here, and a query made outside any transaction waits its turn
 * in the same queue rather than slipping into (and rolling back with) someone else's; a save
 * outside any transaction (TypeORM's own transaction) is queued as a transaction of its own.
 * Across processes (and MariaDB deadlocks) the whole transaction is retried on a lock conflict.
 * On MariaDB a transaction holds one pooled connection while reads made outside any transaction
 * take another: with every connection held by transactions queued on one row lock, the lock
 * holder would wait for a connection forever. So at most half the pool runs transactions.
 */
@Injectable()
export class Db {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly gate: Gate;

  constructor(readonly dataSource: DataSource) {
    if (this.isSqlite) {
      this.queueLooseQueries();
      this.wrapLooseSaves();
    } else {
      shareConnectionPromiseWrappers(
        (dataSource.driver as unknown as { mysql: { PoolConnection: PoolConnectionClass } }).mysql.PoolConnection,
      );
    }
    const pool = (dataSource.options.extra as { connectionLimit?: number } | undefined)?.connectionLimit ?? 10;
    this.gate = new Gate(Math.max(1, Math.floor(pool / 2)));
  }

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  /** The open transaction's manager, or the default one outside any transaction. */
  get manager(): EntityManager {
    return transactionManager(this.dataSource) ?? this.dataSource.manager;
  }

  /** The open transaction's manager; undefined outside any transaction. */
  get transactionManager(): EntityManager | undefined {
    return transactionManager(this.dataSource);
  }

  /**
   * Runs `work` in a transaction, or in the one already open (joined: no commit, no retry of
   * its own). A lock conflict re-runs the whole outermost work.
   */
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = transactionManager(this.dataSource);
    if (joined) return work(joined);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.serialized(() => this.runOpen(work));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await sleep(5 * 2 ** attempt + Math.random() * 20);
      }
    }
  }

  /** One attempt: the scope is set before BEGIN (SQLite's own queries bypass the queue) and closed after COMMIT. */
  private async runOpen<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const scope: TransactionScope = { dataSource: this.dataSource, open: true };
    try {
      const opened = (em: EntityManager) => {
        scope.manager = em;
        return work(em);
      };
      return await current.run(scope, () =>
        this.isSqlite ? this.dataSource.transaction(opened) : this.readCommitted(opened),
      );
    } finally {
      // Work left running past the transaction (a promise not awaited) must not use its manager.
      scope.open = false;
    }
  }

  /**
   * MariaDB: READ COMMITTED, so that a read after taking a row lock sees what the lock's last holder
   * committed, even when an earlier read of this transaction (a repository joined by context) would have
   * fixed REPEATABLE READ's snapshot before the lock. Set once per pooled connection, not before every
   * transaction (TypeORM's `transaction('READ COMMITTED')` spends a round trip on it each time).
   */
  private async readCommitted<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection: object = await runner.connect();
      if (!READ_COMMITTED.has(connection)) {
        await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        READ_COMMITTED.add(connection);
      }
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private queueLooseQueries(): void {
    const runner: QueryRunner = this.dataSource.driver.createQueryRunner('master');
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    const inTransaction = () => current.getStore()?.open === true && current.getStore()?.dataSource === this.dataSource;
    runner.query = ((...args: unknown[]) =>
      inTransaction() ? query(...args) : this.serialized(() => query(...args))) as QueryRunner['query'];
  }

  /** Repository.save outside any transaction opens TypeORM's own, whose statements would interleave. */
  private wrapLooseSaves(): void {
    const manager = this.dataSource.manager as unknown as Record<string, unknown>;
    for (const name of SELF_WRAPPED) {
      manager[name] = (...args: unknown[]) =>
        this.transaction((em) => (em[name] as (...a: unknown[]) => Promise<unknown>)(...args));
    }
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.gate.through(run);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
