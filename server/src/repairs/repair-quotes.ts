import { QuoteView } from '@utility/shared';
import { In, IsNull, Not, Repository } from 'typeorm';
import { RepairQuote } from './repair-quote.entity';
import { openTransaction } from '../common/db';

export const toQuoteView = (q: RepairQuote): QuoteView => ({
  id: q.id,
  lines: q.lines,
  totalFen: q.totalFen,
  status: q.status === 'accepted' ? 'accepted' : 'pending',
  sentAt: q.sentAt.toISOString(),
  acceptedAt: q.acceptedAt ? q.acceptedAt.toISOString() : null,
  acceptedVia: q.acceptedVia,
});

/** The visit's quote: the latest sent, not superseded, not yet closed by a resolution; null when none. */
export function currentQuote(ticketId: number): Promise<RepairQuote | null> {
  const em = openTransaction();
  return em.findOne(RepairQuote, {
    where: { ticketId, resultId: IsNull(), status: Not('superseded') },
    order: { id: 'DESC' },
  });
}

/** The quote each ticket's resident sees: the visit's, else the last one accepted (never a superseded one, nor one a free resolution closed). */
export async function shownQuotes(
  repo: Repository<RepairQuote>,
  ticketIds: number[],
): Promise<Map<number, RepairQuote>> {
  const shown = new Map<number, RepairQuote>();
  if (!ticketIds.length) return shown;
  const rows = await repo.find({
    where: [
      { ticketId: In(ticketIds), resultId: IsNull(), status: Not('superseded') },
      { ticketId: In(ticketIds), status: 'accepted' },
    ],
    order: { id: 'ASC' },
  });
  for (const q of rows) shown.set(q.ticketId, q);
  return shown;
}
