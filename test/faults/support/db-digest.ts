import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';
import { REPO_ROOT, TestDatabase } from '../../support/server-process';

/** Per-table fingerprints of the whole database: equal before and after a request ⇔ it changed nothing. */
export interface DatabaseDigest {
  take: () => Promise<Record<string, string>>;
  close: () => Promise<void>;
}

/** `ignore`: tables a refused request may write by design (attempt counters, logs of refusals). */
export async function openDigest(db: TestDatabase, ignore: string[] = []): Promise<DatabaseDigest> {
  if (db.url.startsWith('sqlite:')) {
    const Database = createRequire(join(REPO_ROOT, 'server/package.json'))('better-sqlite3');
    const conn = new Database(db.url.slice('sqlite:'.length), { readonly: true, fileMustExist: true, timeout: 10_000 });
    const tables = (
      conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => !ignore.includes(t));
    return {
      take: async () => {
        // One read transaction: a consistent snapshot of every table.
        const read = conn.transaction(() =>
          Object.fromEntries(
            tables.map((t) => [
              t,
              createHash('sha1')
                .update(JSON.stringify(conn.prepare(`SELECT * FROM "${t}"`).raw().all()))
                .digest('hex'),
            ]),
          ),
        );
        return read();
      },
      close: async () => conn.close(),
    };
  }
  const conn: Connection = await createConnection(db.url);
  const [rows] = await conn.query('SHOW TABLES');
  const tables = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]).filter((t) => !ignore.includes(t));
  return {
    take: async () => {
      const [sums] = await conn.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`);
      return Object.fromEntries(
        (sums as { Table: string; Checksum: number }[]).map((s) => [s.Table.split('.').pop()!, String(s.Checksum)]),
      );
    },
    close: () => conn.end(),
  };
}

/** The tables whose fingerprints differ. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
