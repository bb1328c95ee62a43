import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { REPO_ROOT, TestDatabase } from '../../support/server-process';

/**
 * Writes to the servers' database behind their back, for what the suite cannot wait for in real time
 * (an SLA clock running out): `?` placeholders on both databases. Returns the affected rows.
 */
export async function execute(db: Pick<TestDatabase, 'url'>, sql: string, params: unknown[] = []): Promise<number> {
  if (db.url.startsWith('sqlite:')) {
    const Database = createRequire(join(REPO_ROOT, 'server/package.json'))('better-sqlite3');
    const conn = new Database(db.url.slice('sqlite:'.length), { fileMustExist: true, timeout: 10_000 });
    try {
      return conn.prepare(sql).run(...params).changes as number;
    } finally {
      conn.close();
    }
  }
  const conn = await createConnection(db.url);
  try {
    const [result] = await conn.query(sql, params);
    return (result as { affectedRows: number }).affectedRows;
  } finally {
    await conn.end();
  }
}

/** An instant as both databases store TimeColumn values (UTC, milliseconds). */
export const dbTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
