import { PRIORITY_RANK, TICKET_TYPE_LABELS, type TicketView } from '@utility/shared';

/** The desk queue table's sortable columns. */
export type SortKey = 'no' | 'type' | 'priority' | 'address' | 'due' | 'assignee';
export type SortDir = 'asc' | 'desc';
export interface SortOrder {
  key: SortKey;
  dir: SortDir;
}

/** Work order, as the server lists a queue: the most urgent first, then the oldest. */
export const WORK_ORDER: SortOrder = { key: 'priority', dir: 'desc' };

/** The soonest deadline of a clock still running, or +∞ when every clock has stopped. */
export function nextDue(ticket: TicketView): number {
  const running = ticket.clocks.filter((c) => !c.stoppedAt).map((c) => Date.parse(c.dueAt));
  return running.length ? Math.min(...running) : Number.POSITIVE_INFINITY;
}

const collator = new Intl.Collator('zh-CN');

function compareBy(key: SortKey, a: TicketView, b: TicketView): number {
  switch (key) {
    case 'no':
      return a.no.localeCompare(b.no);
    case 'type':
      return collator.compare(TICKET_TYPE_LABELS[a.type], TICKET_TYPE_LABELS[b.type]);
    case 'priority':
      return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
    case 'address':
      return collator.compare(a.address, b.address);
    case 'due':
      return nextDue(a) - nextDue(b) || 0;
    case 'assignee':
      // Unassigned tickets are the dispatcher's business: they come first going up.
      return collator.compare(a.assigneeName ?? '', b.assigneeName ?? '');
  }
}

/**
 * The table's rows in the chosen order; ties keep work order (oldest first), so clicking a header
 * never shuffles equal rows.
 */
export function sortTickets(tickets: readonly TicketView[], order: SortOrder): TicketView[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  return [...tickets].sort(
    (a, b) => sign * compareBy(order.key, a, b) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id,
  );
}

/** A header click: the same column flips its direction, another column starts with its natural one. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'priority' ? 'desc' : 'asc' };
}
