import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  APPLICATION_DOCUMENT_LABELS,
  APPLICATION_KINDS,
  ApplicationDocument,
  Channel,
  CreateApplicationRequest,
  FeedbackRequestCreated,
  TicketType,
  maskIdNumber,
  maskPhone,
} from '@utility/shared';
import { notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { requestCreated } from '../complaints/request-created';
import { ResidentIntake } from '../residents/resident-intake.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { BusinessApplication } from './business-application.entity';

/** Photos per application: the documents need at most 4 kinds, a few pages each. */
const MAX_APPLICATION_PHOTOS = 12;

export interface ApplicationView {
  ticketId: number;
  kind: string;
  kindLabel: string;
  /** Field label → value; ID numbers and phones masked. */
  fields: { key: string; label: string; value: string }[];
  documents: { document: ApplicationDocument; label: string; photoIds: number[] }[];
}

/** 开户、过户、停复气、停复热: a ticket in the business queue (answered within 3 working days) with its form and documents. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectRepository(BusinessApplication) private readonly applications: Repository<BusinessApplication>,
    private readonly reader: TicketReader,
    private readonly intake: ResidentIntake,
    private readonly clock: Clock,
  ) {}

  async apply(
    me: ResidentPrincipal,
    body: CreateApplicationRequest,
    key: string | undefined,
  ): Promise<{ created: FeedbackRequestCreated; replayed: boolean }> {
    const created = await this.intake.file(me, 'application', body, key, async () => {
      const account = await this.intake.boundAccount(me, body.accountId);
      const def = APPLICATION_KINDS[body.kind];
      const name = body.fields.applicantName ?? body.fields.newHolderName ?? account.holderName;
      const fields = Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [k, v.trim()]));
      return {
        ticket: {
          type: TicketType.Application,
          accountNo: account.accountNo,
          address: account.address,
          contactName: name.trim(),
          contactPhone: body.fields.phone.trim(),
          description: `${def.label}申请${body.fields.reason ? `：${body.fields.reason.trim()}` : ''}`,
          channel: Channel.Miniapp,
        },
        photoIds: Object.values(body.photoIds).flat(),
        maxPhotos: MAX_APPLICATION_PHOTOS,
        record: async (ticket) => {
          await this.applications.insert({
            ticketId: ticket.id,
            kind: body.kind,
            accountId: account.id,
            residentId: me.id,
            fields: JSON.stringify(fields),
            documents: body.photoIds,
            createdAt: this.clock.now(),
          });
        },
      };
    });
    return { created: await requestCreated(this.reader, created.resourceId, false), replayed: created.replayed };
  }

  /** Staff: the form of an application ticket in their scope, personal data masked. */
  async view(staff: StaffPrincipal, ticketId: number): Promise<ApplicationView> {
    await this.reader.visibleTicket(staff, ticketId);
    const row = await this.applications.findOneBy({ ticketId });
    if (!row) throw notFound();
    const def = APPLICATION_KINDS[row.kind];
    const values = JSON.parse(row.fields) as Record<string, string>;
    return {
      ticketId,
      kind: row.kind,
      kindLabel: def.label,
      fields: def.fields
        .filter((f) => values[f.key])
        .map((f) => ({
          key: f.key,
          label: f.label,
          value:
            f.input === 'id_number'
              ? maskIdNumber(values[f.key])
              : f.input === 'phone'
                ? maskPhone(values[f.key])
                : values[f.key],
        })),
      documents: def.documents.map((d) => ({
        document: d,
        label: APPLICATION_DOCUMENT_LABELS[d],
        photoIds: row.documents[d] ?? [],
      })),
    };
  }
}
