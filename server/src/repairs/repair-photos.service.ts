import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ResidentTicketView, TicketPhotoKind } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketPhoto, TicketPhotos } from '../tickets/ticket-photos.service';
import { PhotoTargets } from '../uploads/photo-targets';
import { UploadsService } from '../uploads/uploads.service';
import { RepairResult } from './repair-result.entity';

/** Where field work attaches its photos (field-work.service.ts), and what kind each is. */
const TARGETS: [prefix: string, kind: TicketPhotoKind][] = [
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
    for (const [prefix] of TARGETS)
      this.targets.register(prefix, async (resultIds) => {
        const rows = resultIds.length ? await this.results.findBy({ id: In(resultIds) }) : [];
        return new Map(rows.map((r) => [r.id, r.ticketId]));
      });
    this.photos.addSource((ticketIds) => this.photosOf(ticketIds));
    this.extensions.addResidentViewDecorator((views, residentId) => this.decorate(views, residentId));
  }

  private async photosOf(ticketIds: number[]): Promise<TicketPhoto[]> {
    const results = await this.results.findBy({ ticketId: In(ticketIds) });
    if (!results.length) return [];
    const ticketOf = new Map(results.map((r) => [r.id, r.ticketId]));
    const uploads = await this.uploads.listAttachedToAny(
      results.flatMap((r) => TARGETS.map(([prefix]) => `${prefix}:${r.id}`)),
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
