import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AccountYearVolume } from './account-year-volume.entity';
import { Bill } from './bill.entity';

/** What a new bill is written with; the rest take their columns' defaults (nothing paid, no late fee). */
export type NewBill = Omit<
  Bill,
  | 'id'
  | 'paidFen'
  | 'paidAt'
  | 'paymentId'
  | 'lateFeeFen'
  | 'lateFeeWaivedAt'
  | 'lateFeeWaivedById'
  | 'lateFeeWaiverReason'
>;

/** What every bill of a batch shares. */
export interface BillStamp {
  period: string;
  /** The period's last day: a bill without lines runs to it. */
  last: string;
  dueOn: string;
  createdAt: Date;
}

/** Rows per statement: well under both databases' limits on placeholders. */
const ROWS_PER_STATEMENT = 500;

/**
 * Multi-row writes of the bill run with plain `?` placeholders. TypeORM's insert builder names
 * and checks every value (microseconds each), which at a million bills was most of the run's
 * CPU; values still go through the driver's own conversion for their column (dates, JSON).
 */
async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
  onConflict: { sqlite: string; mariadb: string; ignore?: boolean },
) {
  const { driver } = em.connection;
  const metadata = em.connection.getMetadata(entity);
  // The columns the rows set (they all set the same ones); the others take their defaults.
  const columns = metadata.columns.filter(
    (c) => !c.isGenerated && rows.length && c.getEntityValue(rows[0]) !== undefined,
  );
  const sqlite = driver.options.type === 'better-sqlite3';
  const verb = onConflict.ignore ? (sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
  const head = `${verb} INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const params = part.flatMap((row) => columns.map((c) => driver.preparePersistentValue(c.getEntityValue(row), c)));
    await em.query(
      `${head}${part.map(() => tuple).join(', ')} ${sqlite ? onConflict.sqlite : onConflict.mariadb}`,
      params,
    );
  }
}

/** New bills; one for an account and period that already has one is skipped (the unique index decides). */
export const insertBillsOnce = (em: EntityManager, bills: NewBill[]) =>
  insertRows(em, Bill, bills, { ignore: true, sqlite: '', mariadb: '' });

/** Sets each account's billed volume for its year, creating the counter or replacing its value. */
export const saveYearVolumes = (em: EntityManager, volumes: AccountYearVolume[]) =>
  insertRows(em, AccountYearVolume, volumes, {
    sqlite: 'ON CONFLICT ("accountId", "year") DO UPDATE SET "volumeCentiM3" = excluded."volumeCentiM3"',
    mariadb: 'ON DUPLICATE KEY UPDATE `volumeCentiM3` = VALUES(`volumeCentiM3`)',
  });

/** The billed readings: accepted → billed, in statements of at most ROWS_PER_STATEMENT ids. */
export async function markReadingsBilled(em: EntityManager, ids: number[]) {
  for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
    const part = ids.slice(i, i + ROWS_PER_STATEMENT);
    await em.query(
      `UPDATE meter_reading SET status = 'billed' WHERE status = 'accepted' AND id IN (${part.map(() => '?').join(', ')})`,
      part,
    );
  }
}
