import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ResidentTicketView, TicketPhotoKind } from '@utility/shared';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketPhotos } from '../tickets/ticket-photos.service';
import { PhotoTargets } from '../uploads/photo-targets';
import { registerPhotoRecords } from '../uploads/record-photos';
import { UploadsService } from '../uploads/uploads.service';
import { RepairResult } from './repair-result.entity';

/** Where field work attaches its photos (field-work.service.ts), and what kind each is. */
const KINDS: [prefix: string, kind: TicketPhotoKind][] = [
  ['repair_before', 'before'],
  ['repair_after', 'after'],
  ['repair_sign', 'signature'],
];

/** What a resident sees of the photos of their request: theirs and the technician's after-photos. */
const RESIDENT_KINDS: TicketPhotoKind[] = ['resident', 'after'];

/**
 * The technician's photos of a repair (docs/domain.md#photos): listed with the ticket's other photos,
 * readable by whoever may read the ticket; and the work done on the resident's request page.
 */
@Injectable()
export class RepairPhotos implements OnModuleInit {
  constructor(
    @InjectRepository(RepairResult) private readonly results: Repository<RepairResult>,
    private readonly uploads: UploadsService,
    private readonly targets: PhotoTargets,
    private readonly photos: TicketPhotos,
    private readonly extensions: TicketExtensions,
  ) {}

  onModuleInit(): void {
    const resultsOf = (where: FindOptionsWhere<RepairResult>) =>
      this.results.find({ where, select: { id: true, ticketId: true } });
    const photosOf = registerPhotoRecords(this.targets, this.uploads, {
      kinds: KINDS,
      byIds: (ids) => resultsOf({ id: In(ids) }),
      ofTickets: (ticketIds) => resultsOf({ ticketId: In(ticketIds) }),
    });
    this.photos.addSource(photosOf);
    this.extensions.addResidentViewDecorator((views, residentId) => this.decorate(views, residentId));
  }

  /**
   * The resident's request page: the photos they took (not a household member's), the after-photos, and
   * the work of the latest resolution.
   */
  private async decorate(views: ResidentTicketView[], residentId: number | null): Promise<void> {
    if (!views.length) return;
    const ids = views.map((v) => v.id);
    const [photos, results] = await Promise.all([
      this.photos.ofTickets(ids, { kinds: RESIDENT_KINDS, residentId: residentId ?? -1 }),
      this.results.find({ where: { ticketId: In(ids) }, order: { id: 'DESC' } }),
    ]);
    for (const view of views) {
      view.photos = photos.get(view.id) ?? [];
      const latest = results.find((r) => r.ticketId === view.id);
      view.work = latest
        ? {
            cause: latest.diagnosis,
            measures: latest.work,
            parts: latest.parts,
            chargeable: latest.chargeable,
            chargeFen: latest.chargeFen,
            resolvedAt: latest.resolvedAt.toISOString(),
          }
        : null;
    }
  }
}
