import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, notFound } from '../common/app-error';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { PhotoTargets } from './photo-targets';
import { Upload } from './upload.entity';
import { UploadsService } from './uploads.service';

/** What a resident may see of the photos of a request of theirs besides their own: the technician's after-photos. */
const RESIDENT_READABLE = /^repair_after:/;

/**
 * Who may read a photo (docs/domain.md#photos): its uploader; for a photo of a ticket, staff who may read
 * the ticket (the same scope as GET /api/tickets/:id: a west technician gets 404 for an east home's photo)
 * and residents who may read it, for the technician's after-photos. A photo of no ticket (a meter reading's)
 * stays readable by staff. Anyone else gets 404, as for an unknown id, so ids cannot be probed.
 */
@Injectable()
export class PhotoAccess {
  constructor(
    private readonly uploads: UploadsService,
    private readonly targets: PhotoTargets,
    private readonly tickets: TicketReader,
    private readonly bindings: AccountBindingsService,
  ) {}

  async read(id: number, viewer: StaffPrincipal | ResidentPrincipal): Promise<{ upload: Upload; bytes: Buffer }> {
    const upload = await this.uploads.find(id);
    if (!(await this.mayRead(upload, viewer))) throw notFound();
    return { upload, bytes: await this.uploads.bytesOf(upload) };
  }

  private async mayRead(upload: Upload, viewer: StaffPrincipal | ResidentPrincipal): Promise<boolean> {
    const viewerKind = viewer.kind === 'staff' ? 'staff' : 'resident';
    if (upload.ownerKind === viewerKind && upload.ownerId === viewer.id) return true;
    const ticketId = await this.targets.ticketOf(upload.attachedTo);
    if (ticketId === undefined) return viewer.kind === 'staff';
    if (ticketId === null) return false;
    if (viewer.kind === 'staff') return found(this.tickets.visibleTicket(viewer, ticketId));
    if (!RESIDENT_READABLE.test(upload.attachedTo ?? '')) return false;
    const accountNos = await this.bindings.accountNos(viewer.id);
    return found(this.tickets.residentTicket(accountNos, ticketId, viewer.id));
  }
}

/** Whether the read found the ticket in the viewer's scope (a 404 means it did not; other errors propagate). */
const found = (read: Promise<unknown>): Promise<boolean> =>
  read.then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.getStatus() === HttpStatus.NOT_FOUND) return false;
      throw error;
    },
  );
