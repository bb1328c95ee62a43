import { TicketStatus } from '@utility/shared';
import { EntityManager } from 'typeorm';
import { preparedQuery, storedValue } from '../common/plain-insert';
import { preparedChange } from '../common/prepared-statements';
import { entityColumns, hydrateRow } from '../common/plain-select';
import { CLAIMABLE, CLAIM_ORDER_INDEX, Ticket } from './ticket.entity';

interface ClaimStatements {
  /** The first claimable ticket of a queue in work order that nobody else holds (MariaDB: locked). */
  next: string;
  /** Whether the queue still has a claimable ticket, held or not (MariaDB only: a read without locks). */
  anyLeft: string;
  /** Gives it to the claimant while it is still as read (SQLite: another process may share the file). */
  take: string;
}

/** Claimable tickets of a queue (claimPlace is NULL for every other one) in work order. */
const CLAIMABLE_IN_QUEUE = 'queueId = ? AND claimPlace IS NOT NULL';
const WORK_ORDER = 'claimPlace, createdAt, id';

const byDialect = new Map<string, ClaimStatements>();

/**
 * Built once per dialect (docs/architecture.md#claiming-the-next-ticket). MariaDB walks the
 * claim-order index (queueId, claimPlace, createdAt, id) from the queue's first claimable entry and
 * locks the first row nobody else holds: concurrent claimants skip each other's rows, no row is read
 * out of work order (a sort would lock every candidate first) and no row that may not be claimed is
 * read at all. SQLite has one writer, and Db runs one transaction of a process at a time: the first
 * row in work order is free.
 */
function statements(em: EntityManager): ClaimStatements {
  const dialect = em.connection.driver.options.type;
  const known = byDialect.get(dialect);
  if (known) return known;
  const sqlite = dialect === 'better-sqlite3';
  const built = {
    next: sqlite
      ? `SELECT ${entityColumns(em, Ticket)} FROM ticket WHERE ${CLAIMABLE_IN_QUEUE} ORDER BY ${WORK_ORDER} LIMIT 1`
      : `SELECT ${entityColumns(em, Ticket)} FROM ticket FORCE INDEX (${CLAIM_ORDER_INDEX})
         WHERE ${CLAIMABLE_IN_QUEUE} ORDER BY ${WORK_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED`,
    anyLeft: `SELECT id FROM ticket WHERE ${CLAIMABLE_IN_QUEUE} LIMIT 1`,
    take: `UPDATE ticket SET assigneeId = ?, status = ?, updatedAt = ?
           WHERE id = ? AND assigneeId IS NULL AND status IN (${CLAIMABLE.map(() => '?').join(', ')})`,
  };
  byDialect.set(dialect, built);
  return built;
}

/**
 * In the caller's transaction, gives the queue's next ticket in work order to `assigneeId` (now
 * assigned): answers the ticket as it was read, before the claim; null when the queue has none to
 * claim; 'contended' when every claimable one is held by another transaction right now (another
 * claimant about to take it, or about to give up), so the caller may look again.
 */
export async function takeNextInQueue(
  em: EntityManager,
  queueId: number,
  assigneeId: number,
  now: Date,
): Promise<Ticket | 'contended' | null> {
  const sql = statements(em);
  const sqlite = em.connection.driver.options.type === 'better-sqlite3';
  // Fixed texts run on every claim: held prepared on MariaDB (no escaping, no TypeORM query wrapper).
  const [raw] = await preparedQuery<Record<string, unknown>[]>(em, sql.next, [queueId]);
  if (!raw) {
    if (sqlite) return null;
    return (await em.query<unknown[]>(sql.anyLeft, [queueId])).length ? 'contended' : null;
  }
  const ticket = hydrateRow(em, Ticket, raw);
  const updatedAt = storedValue(em, Ticket, 'updatedAt', now);
  const take = [assigneeId, TicketStatus.Assigned, updatedAt, ticket.id, ...CLAIMABLE];
  return (await preparedChange(em, sql.take, take)) ? ticket : 'contended';
}
