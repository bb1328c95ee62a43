import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { REPO_ROOT, TestDatabase } from './server-process';

/**
 * Reads the server's database behind its back, for what no API shows (e.g. every order of a bill,
 * not only the paid ones). `?` placeholders on both databases; read-only on SQLite.
 */
export async function queryRows<T = Record<string, unknown>>(
  db: TestDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (db.url.startsWith('sqlite:')) {
    // The server's own driver, resolved as the server resolves it (the test workspace does not depend on it).
    const Database = createRequire(join(REPO_ROOT, 'server/package.json'))('better-sqlite3');
    const conn = new Database(db.url.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    try {
      return conn.prepare(sql).all(...params) as T[];
    } finally {
      conn.close();
    }
  }
  const conn = await createConnection(db.url);
  try {
    const [rows] = await conn.query(sql, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}
