import { PhotoTargets } from './photo-targets';
import { UploadsService } from './uploads.service';

/** A record of a module that belongs to a ticket (a repair's result, an inspection visit). */
export interface TicketRecord {
  id: number;
  ticketId: number;
}

/** A photo attached to such a record, as the ticket's photo list takes it. */
export interface RecordPhoto<Kind extends string> {
  ticketId: number;
  uploadId: number;
  kind: Kind;
  takenAt: Date;
}

/**
 * The records a module attaches photos to, as `<prefix>:<record id>` with one kind of photo per prefix
 * (`repair_after:7` → an after-photo of result 7).
 */
export interface PhotoRecords<Kind extends string> {
  kinds: readonly (readonly [prefix: string, kind: Kind])[];
  /** The records of these ids (unknown ids left out). */
  byIds(ids: number[]): Promise<TicketRecord[]>;
  /** The records of these tickets. */
  ofTickets(ticketIds: number[]): Promise<TicketRecord[]>;
}

/**
 * Makes a module's record photos readable by whoever may read the record's ticket (PhotoTargets,
 * docs/domain.md#photos), and returns what lists the photos attached to the records of some tickets:
 * the module adds it as a source of the tickets' photo list.
 */
export function registerPhotoRecords<Kind extends string>(
  targets: PhotoTargets,
  uploads: UploadsService,
  records: PhotoRecords<Kind>,
): (ticketIds: number[]) => Promise<RecordPhoto<Kind>[]> {
  const kindOf = new Map(records.kinds);
  for (const [prefix] of records.kinds)
    targets.register(prefix, async (ids) => {
      const rows = ids.length ? await records.byIds(ids) : [];
      return new Map(rows.map((r) => [r.id, r.ticketId]));
    });
  return async (ticketIds) => {
    const rows = ticketIds.length ? await records.ofTickets(ticketIds) : [];
    if (!rows.length) return [];
    const ticketOf = new Map(rows.map((r) => [r.id, r.ticketId]));
    const attached = await uploads.listAttachedToAny(
      rows.flatMap((r) => records.kinds.map(([prefix]) => `${prefix}:${r.id}`)),
    );
    return attached.map((u) => {
      const [prefix, id] = u.attachedTo!.split(':');
      return { ticketId: ticketOf.get(Number(id))!, uploadId: u.id, kind: kindOf.get(prefix)!, takenAt: u.createdAt };
    });
  };
}
