import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

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

/**
 * Transactions that behave the same on SQLite and MariaDB.
 * TypeORM runs every SQLite query on one connection, so two transactions of one process must
 * not interleave: they are queued here, and a query made outside any transaction waits its turn
 * in the same queue rather than slipping into (and rolling back with) someone else's.
 * Across processes (and MariaDB deadlocks) the whole transaction is retried on a lock conflict.
 * On MariaDB a transaction holds one pooled connection while reads that services make outside
 * it (routing, SLA policy…) take another: with every connection held by transactions queued
 * on one row lock, the lock holder would wait for a connection forever. So at most half the
 * pool runs transactions; the other half always serves those reads, which never wait on locks.
 */
@Injectable()
export class Db {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set while a transaction's work runs: its own queries go straight to the connection. */
  private readonly inTransaction = new AsyncLocalStorage<true>();
  private readonly gate: Gate;

  constructor(readonly dataSource: DataSource) {
    if (this.isSqlite) this.queueLooseQueries();
    const pool = (dataSource.options.extra as { connectionLimit?: number } | undefined)?.connectionLimit ?? 10;
    this.gate = new Gate(Math.max(1, Math.floor(pool / 2)));
  }

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.serialized(() => this.inTransaction.run(true, () => this.dataSource.transaction(work)));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await sleep(5 * 2 ** attempt + Math.random() * 20);
      }
    }
  }

  private queueLooseQueries(): void {
    const runner: QueryRunner = this.dataSource.driver.createQueryRunner('master');
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    // (Repository.save's own implicit transaction would interleave too: callers pass `{ transaction: false }`.)
    runner.query = ((...args: unknown[]) =>
      this.inTransaction.getStore() ? query(...args) : this.serialized(() => query(...args))) as QueryRunner['query'];
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.gate.through(run);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
