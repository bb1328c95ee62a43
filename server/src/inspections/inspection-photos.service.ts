import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TicketPhotoKind } from '@utility/shared';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { TicketPhotos } from '../tickets/ticket-photos.service';
import { PhotoTargets } from '../uploads/photo-targets';
import { registerPhotoRecords } from '../uploads/record-photos';
import { UploadsService } from '../uploads/uploads.service';
import { InspectionVisit } from './inspection-visit.entity';

/** Where a recorded visit attaches its photos (inspection-results.service.ts), and what kind each is. */
const KINDS: [prefix: string, kind: TicketPhotoKind][] = [
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
    const visitsOf = (where: FindOptionsWhere<InspectionVisit>) =>
      this.visits.find({ where, select: { id: true, ticketId: true } });
    const photosOf = registerPhotoRecords(this.targets, this.uploads, {
      kinds: KINDS,
      byIds: (ids) => visitsOf({ id: In(ids) }),
      ofTickets: (ticketIds) => visitsOf({ ticketId: In(ticketIds) }),
    });
    this.photos.addSource(photosOf);
  }
}
