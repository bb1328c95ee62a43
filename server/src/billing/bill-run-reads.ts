import { EntityManager } from 'typeorm';

/** What a bill needs of a meter reading, read as plain rows (no entity hydration). */
export interface ReadingFacts {
  id: number;
  accountId: number;
  readOn: string;
  valueCentiM3: number;
  peakCentiKwh: number | null;
  valleyCentiKwh: number | null;
}

/** The accounts of one keyset page of the bill run: ids `first`…`last`, both included. */
export interface AccountRange {
  first: number;
  last: number;
}

const READING = 'r.id, r.accountId, r.readOn, r.valueCentiM3, r.peakCentiKwh, r.valleyCentiKwh';

/*
 * Every read is bounded by a range of account ids, not a list of them: MariaDB turns an IN list of
 * over 1,000 values into a derived table and then walked the (status, readOn) index over every
 * reading of the month for each batch, which was most of the bill run's time.
 */

/** The period's accepted readings of the accounts, in account and date order. */
export const acceptedReadings = (
  em: EntityManager,
  accounts: AccountRange,
  period: { first: string; last: string },
): Promise<ReadingFacts[]> =>
  em.query(
    `SELECT ${READING} FROM meter_reading r
     WHERE r.accountId BETWEEN ? AND ? AND r.status = 'accepted' AND r.readOn BETWEEN ? AND ?
     ORDER BY r.accountId, r.readOn`,
    [accounts.first, accounts.last, period.first, period.last],
  );

/** Each account's last billed reading before `before`: where this bill's volume starts. */
export async function previousReadings(
  em: EntityManager,
  accounts: AccountRange,
  before: string,
): Promise<Map<number, ReadingFacts>> {
  const rows: ReadingFacts[] = await em.query(
    `SELECT ${READING} FROM meter_reading r
     WHERE r.accountId BETWEEN ? AND ? AND r.status = 'billed'
       AND r.readOn = (SELECT MAX(p.readOn) FROM meter_reading p
                       WHERE p.accountId = r.accountId AND p.status = 'billed' AND p.readOn < ?)`,
    [accounts.first, accounts.last, before],
  );
  return new Map(rows.map((r) => [r.accountId, r]));
}

/** The accounts that already have a bill for the period. */
export async function billedAccounts(em: EntityManager, accounts: AccountRange, period: string): Promise<Set<number>> {
  const rows: { accountId: number }[] = await em.query(
    'SELECT accountId FROM bill WHERE accountId BETWEEN ? AND ? AND period = ?',
    [accounts.first, accounts.last, period],
  );
  return new Set(rows.map((r) => Number(r.accountId)));
}

/** The step counters of the accounts for the years `from`…`to`, keyed `accountId:year`. */
export async function yearVolumes(
  em: EntityManager,
  accounts: AccountRange,
  years: { from: number; to: number },
): Promise<Map<string, number>> {
  const rows: { accountId: number; year: number; volumeCentiM3: number }[] = await em.query(
    'SELECT accountId, year, volumeCentiM3 FROM account_year_volume WHERE accountId BETWEEN ? AND ? AND year BETWEEN ? AND ?',
    [accounts.first, accounts.last, years.from, years.to],
  );
  return new Map(rows.map((r) => [`${r.accountId}:${r.year}`, Number(r.volumeCentiM3)]));
}
