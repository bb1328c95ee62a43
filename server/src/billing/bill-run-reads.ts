import { EntityManager } from 'typeorm';
import { addDays } from './billing-period';

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

/** How far back the batch read looks for the reading a bill starts from; older ones are looked up one by one. */
const LOOKBACK_DAYS = 400;

/**
 * The period's accepted readings of the accounts (in account and date order) and each account's last
 * billed reading before the period, where its bill starts: one range read over the accounts' readings
 * of the last LOOKBACK_DAYS, and a second read only for the accounts whose last bill is older than that.
 */
export async function readingsToBill(
  em: EntityManager,
  accounts: AccountRange,
  period: { first: string; last: string },
): Promise<{ accepted: ReadingFacts[]; previous: Map<number, ReadingFacts> }> {
  const rows: ReadingFacts[] = await em.query(
    `SELECT ${READING}, r.status FROM meter_reading r
     WHERE r.accountId BETWEEN ? AND ? AND r.readOn BETWEEN ? AND ? AND r.status IN ('accepted', 'billed')
     ORDER BY r.accountId, r.readOn`,
    [accounts.first, accounts.last, addDays(period.first, -LOOKBACK_DAYS), period.last],
  );
  const accepted: ReadingFacts[] = [];
  const previous = new Map<number, ReadingFacts>();
  for (const row of rows as (ReadingFacts & { status: string })[]) {
    const { status, ...reading } = row;
    if (reading.readOn >= period.first) {
      if (status === 'accepted') accepted.push(reading);
    } else if (status === 'billed') previous.set(reading.accountId, reading);
  }
  const older = [...new Set(accepted.map((r) => r.accountId))].filter((id) => !previous.has(id));
  if (older.length) for (const [id, r] of await olderPreviousReadings(em, older, period.first)) previous.set(id, r);
  return { accepted, previous };
}

/** Each account's last billed reading before `before`, however old: for the few not read in the batch's range. */
async function olderPreviousReadings(
  em: EntityManager,
  accountIds: number[],
  before: string,
): Promise<Map<number, ReadingFacts>> {
  const found = new Map<number, ReadingFacts>();
  for (let i = 0; i < accountIds.length; i += 500) {
    const ids = accountIds.slice(i, i + 500);
    const rows: ReadingFacts[] = await em.query(
      `SELECT ${READING} FROM meter_reading r
       WHERE r.accountId IN (${ids.map(() => '?').join(', ')}) AND r.status = 'billed'
         AND r.readOn = (SELECT MAX(p.readOn) FROM meter_reading p
                         WHERE p.accountId = r.accountId AND p.status = 'billed' AND p.readOn < ?)`,
      [...ids, before],
    );
    for (const r of rows) found.set(r.accountId, r);
  }
  return found;
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
