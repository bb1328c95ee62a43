import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** One column of an entity, as TypeORM describes it. */
type ColumnMetadata = EntityMetadata['columns'][number];

/** A hot insert's columns and statement head, by entity and property list: worked out once. */
interface InsertPlan {
  columns: ColumnMetadata[];
  head: string;
  tuple: string;
}

const plans = new WeakMap<EntityMetadata, Map<string, InsertPlan>>();

function insertPlan(em: EntityManager, metadata: EntityMetadata, names: string[]): InsertPlan {
  const byNames = plans.get(metadata) ?? plans.set(metadata, new Map()).get(metadata)!;
  const key = names.join(',');
  let plan = byNames.get(key);
  if (!plan) {
    const driver = em.connection.driver;
    const columns = names.map((name) => {
      const column = metadata.findColumnWithPropertyPath(name);
      if (!column) throw new Error(`${metadata.name} has no column ${name}`);
      return column;
    });
    plan = {
      columns,
      head: `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `,
      tuple: `(${columns.map(() => '?').join(', ')})`,
    };
    byNames.set(key, plan);
  }
  return plan;
}

/**
 * A multi-row INSERT of whole rows, with no read-back of generated ids, for hot paths (intake
 * writes a ticket's events and clocks on every call): TypeORM's insert builder re-derives the
 * statement and each value's expression every time. Values still go through the driver's own
 * preparation (dates, simple-json, column transformers), so the rows stored are those `em.insert`
 * stores, on SQLite and MariaDB alike. Every row must carry the same properties.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<unknown> {
  if (!rows.length) return;
  const names = Object.keys(rows[0]);
  const { columns, head, tuple } = insertPlan(em, em.connection.getMetadata(target), names);
  const driver = em.connection.driver;
  const values: unknown[] = [];
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values.push(driver.preparePersistentValue(row[names[i]], columns[i]));
  }
  const sql = rows.length === 1 ? head + tuple : head + rows.map(() => tuple).join(', ');
  // A few rows (a ticket, its events, its clocks): few distinct texts, worth holding prepared.
  return rows.length <= PREPARED_ROWS ? preparedQuery(em, sql, values) : em.query(sql, values);
}

/** insertRows prepares statements of at most this many rows (their texts are few: a site, a row count). */
const PREPARED_ROWS = 4;

/** mysql2's connection under a TypeORM query runner on MariaDB. */
interface Mysql2Connection {
  promise(): { execute(sql: string, values: unknown[]): Promise<[unknown, unknown]> };
}

/**
 * A hot path's statement of fixed text in the caller's transaction, answering what em.query
 * answers. On MariaDB it is prepared once per pooled connection, then executed (mysql2's execute:
 * values go in the binary protocol, nothing is escaped into the text nor parsed again by the
 * server, and TypeORM's per-query wrapping is skipped); intake runs a handful on every call.
 * Elsewhere, em.query (better-sqlite3 prepares and caches statements itself). Only for a bounded
 * set of texts: every text held prepared takes a server-side statement on each connection.
 */
export async function preparedQuery<T = unknown>(em: EntityManager, sql: string, parameters: unknown[]): Promise<T> {
  const runner = em.queryRunner as { databaseConnection?: Mysql2Connection; isTransactionActive?: boolean } | undefined;
  const connection = runner?.isTransactionActive ? runner.databaseConnection : undefined;
  if (!connection || em.connection.driver.options.type !== 'mariadb') return em.query(sql, parameters);
  const [raw] = await connection.promise().execute(sql, parameters);
  return raw as T;
}

/**
 * insertRows of one row, answering the id the database generated for it (MariaDB's insertId,
 * SQLite's last row id): what `em.insert` answers in `identifiers`, without its builder.
 */
export async function insertRow<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  row: Partial<T>,
): Promise<number> {
  const raw = (await insertRows(em, target, [row])) as { insertId?: number | string } | number | bigint;
  return Number(typeof raw === 'object' ? raw.insertId : raw);
}

/**
 * insertRows that updates the row already holding the same unique key instead (MariaDB's
 * ON DUPLICATE KEY UPDATE, SQLite's ON CONFLICT … DO UPDATE): `update` names the properties
 * a duplicate takes from the new row. `key` is the unique column's property (SQLite names it).
 */
export async function upsertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
  key: string,
  update: string[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = em.connection.getMetadata(target);
  const driver = em.connection.driver;
  const names = Object.keys(rows[0]);
  const columns = names.map((name) => {
    const column = metadata.findColumnWithPropertyPath(name);
    if (!column) throw new Error(`${metadata.name} has no column ${name}`);
    return column;
  });
  const column = (name: string) => driver.escape(metadata.findColumnWithPropertyPath(name)!.databaseName);
  const sqlite = driver.options.type === 'better-sqlite3';
  const tail = sqlite
    ? ` ON CONFLICT (${column(key)}) DO UPDATE SET ${update.map((u) => `${column(u)} = excluded.${column(u)}`).join(', ')}`
    : ` ON DUPLICATE KEY UPDATE ${update.map((u) => `${column(u)} = VALUES(${column(u)})`).join(', ')}`;
  const head = `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const values = rows.flatMap((row) => columns.map((c, i) => driver.preparePersistentValue(row[names[i]], c)));
  await em.query(head + rows.map(() => tuple).join(', ') + tail, values);
}

/**
 * A value as the driver stores it in an entity's column (dates, simple-json, transformers): a
 * parameter of a plain statement on a hot path (better-sqlite3 binds no Date, for one).
 */
export function storedValue<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  const metadata = em.connection.getMetadata(target);
  const column = metadata.findColumnWithPropertyPath(property);
  if (!column) throw new Error(`${metadata.name} has no column ${property}`);
  return em.connection.driver.preparePersistentValue(value, column);
}

/**
 * A plain UPDATE (or DELETE) in the caller's transaction, answering how many rows it changed, as
 * `em.update(…).affected` does (em.query answers SQLite's last row id instead).
 */
export async function changedRows(em: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  if (!em.queryRunner) throw new Error('changedRows runs in a transaction');
  return (await em.queryRunner.query(sql, parameters, true)).affected ?? 0;
}
