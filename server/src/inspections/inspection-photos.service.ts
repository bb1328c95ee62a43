import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TicketPhotoKind } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { TicketPhoto, TicketPhotos } from '../tickets/ticket-photos.service';
import { PhotoTargets } from '../uploads/photo-targets';
import { UploadsService } from '../uploads/uploads.service';
import { InspectionVisit } from './inspection-visit.entity';

/** Where a recorded visit attaches its photos (inspection-results.service.ts), and what kind each is. */
const TARGETS: [prefix: string, kind: TicketPhotoKind][] = [
  ['inspection_item', 'hazard'],
  ['inspection_sign', 'signature'],
];

/**
 * The inspector's checklist photos and the signed record of a visit belong to the visit's inspection ticket
 * (docs/domain.md#photos): listed with the ticket's photos (staff ticket, field jobs) and readable by whoever
 * may read that ticket — a west inspector gets 404 for an east home's photo.
 */
@Injectable()
export class InspectionPhotos implements OnModuleInit {
  constructor(
    @InjectRepository(InspectionVisit) private readonly visits: Repository<InspectionVisit>,
    private readonly uploads: UploadsService,
    private readonly targets: PhotoTargets,
    private readonly photos: TicketPhotos,
  ) {}

  onModuleInit(): void {
    for (const [prefix] of TARGETS)
      this.targets.register(prefix, async (visitIds) => {
        const rows = visitIds.length ? await this.visits.findBy({ id: In(visitIds) }) : [];
        return new Map(rows.map((v) => [v.id, v.ticketId]));
      });
    this.photos.addSource((ticketIds) => this.photosOf(ticketIds));
  }

  private async photosOf(ticketIds: number[]): Promise<TicketPhoto[]> {
    const visits = await this.visits.find({ where: { ticketId: In(ticketIds) }, select: { id: true, ticketId: true } });
    if (!visits.length) return [];
    const ticketOf = new Map(visits.map((v) => [v.id, v.ticketId]));
    const uploads = await this.uploads.listAttachedToAny(
      visits.flatMap((v) => TARGETS.map(([prefix]) => `${prefix}:${v.id}`)),
    );
    return uploads.map((u) => {
      const [prefix, id] = u.attachedTo!.split(':');
      return {
        ticketId: ticketOf.get(Number(id))!,
        uploadId: u.id,
        kind: TARGETS.find(([p]) => p === prefix)![1],
        takenAt: u.createdAt,
      };
    });
  }
}
