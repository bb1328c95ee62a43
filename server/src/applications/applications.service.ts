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
import { AccountsService } from '../accounts/accounts.service';
import { notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { requestCreated } from '../complaints/request-created';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
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
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly uploads: UploadsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async apply(
    me: ResidentPrincipal,
    body: CreateApplicationRequest,
    key: string | undefined,
  ): Promise<{ created: FeedbackRequestCreated; replayed: boolean }> {
    const created = await this.idempotency.create(`resident:${me.id}`, key, 'application', body, async (em) => {
      await this.bindings.assertBound(me.id, body.accountId);
      const account = await this.accounts.findById(body.accountId);
      if (!account) throw notFound();
      const def = APPLICATION_KINDS[body.kind];
      const name = body.fields.applicantName ?? body.fields.newHolderName ?? account.holderName;
      const ticket = await this.tickets.intake(em, me, {
        type: TicketType.Application,
        accountNo: account.accountNo,
        address: account.address,
        contactName: name.trim(),
        contactPhone: body.fields.phone.trim(),
        description: `${def.label}申请${body.fields.reason ? `：${body.fields.reason.trim()}` : ''}`,
        channel: Channel.Miniapp,
      });
      const photoIds = Object.values(body.photoIds).flat();
      await this.uploads.claim(
        em,
        photoIds,
        { kind: 'resident', id: me.id },
        `ticket:${ticket.id}`,
        MAX_APPLICATION_PHOTOS,
      );
      const fields = Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [k, v.trim()]));
      await em.insert(BusinessApplication, {
        ticketId: ticket.id,
        kind: body.kind,
        accountId: account.id,
        residentId: me.id,
        fields: JSON.stringify(fields),
        documents: body.photoIds,
        createdAt: this.clock.now(),
      });
      return ticket.id;
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
