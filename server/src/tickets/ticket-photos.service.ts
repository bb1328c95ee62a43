import { Injectable } from '@nestjs/common';
import { TicketPhotoKind, TicketPhotoView } from '@utility/shared';
import { UploadsService } from '../uploads/uploads.service';

/** A photo of a ticket as a module that attaches photos knows it. */
export interface TicketPhoto {
  ticketId: number;
  uploadId: number;
  kind: TicketPhotoKind;
  takenAt: Date;
  /** The resident who took it, when a resident did. */
  residentId?: number | null;
}

/** Which photos a reader gets: only these kinds; a resident's photos only when taken by `residentId`. */
export interface PhotoFilter {
  kinds?: TicketPhotoKind[];
  residentId?: number;
}

/** The photos another module attached to its records of some tickets (repairs: before, after, signature). */
export type TicketPhotoSource = (ticketIds: number[]) => Promise<TicketPhoto[]>;

export const photoUrl = (uploadId: number): string => `/api/uploads/${uploadId}`;

export const toPhotoView = (p: TicketPhoto): TicketPhotoView => ({
  id: p.uploadId,
  kind: p.kind,
  url: photoUrl(p.uploadId),
  takenAt: p.takenAt.toISOString(),
});

/**
 * Every photo of a ticket (docs/domain.md#photos): those attached to the ticket itself (`ticket:<id>`,
 * the resident's report), and those other modules attach to their records of it, through sources they add.
 */
@Injectable()
export class TicketPhotos {
  private readonly sources: TicketPhotoSource[] = [];

  constructor(private readonly uploads: UploadsService) {}

  addSource(source: TicketPhotoSource): void {
    this.sources.push(source);
  }

  /** Ticket id → its photos, oldest first, as `filter` keeps them (a resident sees their own and the after-photos). */
  async ofTickets(ticketIds: number[], filter: PhotoFilter = {}): Promise<Map<number, TicketPhotoView[]>> {
    const byTicket = new Map<number, TicketPhotoView[]>(ticketIds.map((id) => [id, []]));
    if (!ticketIds.length) return byTicket;
    const attached = await this.uploads.listAttachedToAny(ticketIds.map((id) => `ticket:${id}`));
    const photos: TicketPhoto[] = [
      ...attached.map((u) => ({
        ticketId: Number(u.attachedTo!.split(':')[1]),
        uploadId: u.id,
        kind: (u.ownerKind === 'resident' ? 'resident' : 'staff') as TicketPhotoKind,
        takenAt: u.createdAt,
        residentId: u.ownerKind === 'resident' ? u.ownerId : null,
      })),
      ...(await Promise.all(this.sources.map((source) => source(ticketIds)))).flat(),
    ];
    photos.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || a.uploadId - b.uploadId);
    const kept = (p: TicketPhoto) =>
      (!filter.kinds || filter.kinds.includes(p.kind)) &&
      (filter.residentId === undefined || p.kind !== 'resident' || p.residentId === filter.residentId);
    for (const p of photos) if (kept(p)) byTicket.get(p.ticketId)?.push(toPhotoView(p));
    return byTicket;
  }

  async ofTicket(ticketId: number, filter: PhotoFilter = {}): Promise<TicketPhotoView[]> {
    return (await this.ofTickets([ticketId], filter)).get(ticketId) ?? [];
  }
}
