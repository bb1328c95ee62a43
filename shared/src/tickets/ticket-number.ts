import { shanghaiDate } from '../sla/sla-deadlines';

/**
 * 工单号 (docs/domain.md#ticket-life): the Shanghai date the ticket was filed and its id, at least six
 * digits (20261207000123).
 * Derived, never stored: unique because the id is, and intake writes it in no statement of its own.
 */
export function ticketNumber(createdAt: Date, id: number): string {
  return shanghaiDate(createdAt).replaceAll('-', '') + String(id).padStart(6, '0');
}

/** The id a ticket number names (what follows its eight date digits), or null when it is no ticket number. */
export function ticketIdOfNumber(no: string): number | null {
  const match = /^\d{8}(\d{6,})$/.exec(no);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
