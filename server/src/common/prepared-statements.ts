import { DataSource, EntityManager } from 'typeorm';
import { changedRows, preparedQuery } from './plain-insert';

/** mysql2's pool under TypeORM's MariaDB driver (callback API). */
interface Mysql2Pool {
  execute(sql: string, values: unknown[], done: (error: Error | null, result: unknown) => void): void;
}

/**
 * preparedQuery that also runs outside any transaction: on MariaDB, prepared on whichever pooled
 * connection mysql2 hands out (each holds its own copy) and executed. Every payment notice reads its
 * order, and every retry writes its log line, outside a transaction (plain-insert.ts#preparedQuery).
 * A fixed, small set of texts only. Elsewhere it is `em.query`, queued as SQLite's loose queries are.
 */
export function preparedAnywhere<T = unknown>(em: EntityManager, sql: string, parameters: unknown[]): Promise<T> {
  if (em.queryRunner) return preparedQuery<T>(em, sql, parameters);
  const pool = mariadbPool(em.connection);
  if (!pool) return em.query(sql, parameters);
  return new Promise((resolve, reject) =>
    pool.execute(sql, parameters, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** changedRows of a prepared statement, in the caller's transaction (MariaDB answers affectedRows). */
export async function preparedChange(em: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  if (em.connection.driver.options.type !== 'mariadb') return changedRows(em, sql, parameters);
  if (!em.queryRunner?.isTransactionActive) throw new Error('preparedChange runs in a transaction');
  const header = await preparedQuery<{ affectedRows?: number }>(em, sql, parameters);
  return header.affectedRows ?? 0;
}

function mariadbPool(dataSource: DataSource): Mysql2Pool | undefined {
  if (dataSource.driver.options.type !== 'mariadb') return undefined;
  return (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
}
