import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const isDuplicateKey = (error: unknown): boolean => {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const isRetryable = (error: unknown): boolean => {
  const code = (error as { driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE.has(code);
};

/**
 * Transactions that behave the same on SQLite and MariaDB.
 * TypeORM runs every SQLite query on one connection, so two transactions of one process must
 * not interleave: they are queued here. Across processes (and MariaDB deadlocks) the whole
 * transaction is retried on a lock conflict.
 */
@Injectable()
export class Db {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.serialized(() => this.dataSource.transaction(work));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await sleep(5 * 2 ** attempt + Math.random() * 20);
      }
    }
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    if (!this.isSqlite) return run();
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
