import { Injectable, Logger } from '@nestjs/common';
import {
  Channel,
  CreateComplaintRequest,
  CreateMisconductReportRequest,
  TicketEventKind,
  TicketType,
  isOpen,
} from '@utility/shared';
import { EntityManager, In } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Account } from '../accounts/account.entity';
import { notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { ResidentsService } from '../residents/residents.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { Ticket } from '../tickets/ticket.entity';
import { UploadsService } from '../uploads/uploads.service';
import { ComplaintCase } from './complaint-case.entity';
import { requestCreated } from './request-created';
import { ResidentRequest } from './resident-request.entity';

export const ANONYMOUS_NAME = '匿名';

/** Complaints and reports from the miniapp, and complaints the feedback loop opens. */
@Injectable()
export class ComplaintIntake {
  private readonly logger = new Logger(ComplaintIntake.name);

  constructor(
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly residents: ResidentsService,
    private readonly uploads: UploadsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async complain(me: ResidentPrincipal, body: CreateComplaintRequest, key: string | undefined) {
    const created = await this.idempotency.create(`resident:${me.id}`, key, 'complaint', body, async (em) => {
      const accountNos = await this.bindings.accountNos(me.id);
      const about = body.ticketId ? await this.reader.residentTicket(accountNos, body.ticketId, me.id) : null;
      const account = await this.accountOf(me, body.accountId, about, accountNos);
      const phone = (await this.residents.findActive(me.id))?.phone ?? '';
      const ticket = await this.tickets.intake(em, me, {
        type: TicketType.Complaint,
        accountNo: account?.accountNo,
        address: account?.address ?? '—',
        contactName: account?.holderName ?? '居民',
        contactPhone: phone,
        description: about ? `关于工单${about.no}：${body.text}` : body.text,
        channel: Channel.Miniapp,
      });
      await this.record(em, ticket, me.id, false, about?.id ?? null, body.photoIds ?? []);
      return ticket.id;
    });
    return { created: await requestCreated(this.reader, created.resourceId, false), replayed: created.replayed };
  }

  /** Anonymous: no account, no phone, no resident on the timeline; only resident_request knows, and staff never read it. */
  async reportMisconduct(me: ResidentPrincipal, body: CreateMisconductReportRequest, key: string | undefined) {
    const created = await this.idempotency.create(`resident:${me.id}`, key, 'report', body, async (em) => {
      const phone = body.anonymous ? '' : ((await this.residents.findActive(me.id))?.phone ?? '');
      const ticket = await this.tickets.intake(em, body.anonymous ? null : me, {
        type: TicketType.MisconductReport,
        address: '—',
        contactName: body.anonymous ? ANONYMOUS_NAME : '实名举报人',
        contactPhone: phone,
        description: body.text,
        channel: Channel.Miniapp,
      });
      await this.record(em, ticket, me.id, body.anonymous, null, body.photoIds ?? []);
      // Operators see reports arrive; the line names the ticket only, never the resident.
      this.logger.log(`report ${ticket.no} filed${body.anonymous ? ' anonymously' : ''}`);
      return ticket.id;
    });
    return {
      created: await requestCreated(this.reader, created.resourceId, body.anonymous),
      replayed: created.replayed,
    };
  }

  /**
   * The loop: a dissatisfied rating or visit, or desk work not fixed, opens a complaint about it,
   * filed by the system. While such a complaint is still open, a second bad outcome (the rating,
   * then the visit) is added to it as a note instead of queueing the same grievance twice.
   */
  async openLinked(em: EntityManager, about: Ticket, why: string): Promise<Ticket> {
    const linked = await em.findBy(ComplaintCase, { relatedTicketId: about.id });
    const open = linked.length
      ? await em.findOne(Ticket, {
          where: { id: In(linked.map((c) => c.ticketId)), channel: Channel.System, type: TicketType.Complaint },
          order: { id: 'DESC' },
        })
      : null;
    if (open && isOpen(open.status)) {
      return this.tickets.recordStep(em, null, open, {
        events: [{ kind: TicketEventKind.Note, note: `关于工单${about.no}：${why}` }],
      });
    }
    const ticket = await this.tickets.intake(em, null, {
      type: TicketType.Complaint,
      accountNo: about.accountNo ?? undefined,
      districtId: about.accountNo ? undefined : (about.districtId ?? undefined),
      address: about.address,
      contactName: about.contactName,
      contactPhone: about.contactPhone,
      description: `关于工单${about.no}：${why}`,
      channel: Channel.System,
    });
    await em.insert(ComplaintCase, {
      ticketId: ticket.id,
      grade: null,
      relatedTicketId: about.id,
      firstReplyAt: null,
      firstReply: null,
    });
    // The resident who filed the original (a report, a general complaint) follows the new one too.
    const author = await em.findOneBy(ResidentRequest, { ticketId: about.id });
    if (author)
      await em.insert(ResidentRequest, {
        ticketId: ticket.id,
        residentId: author.residentId,
        anonymous: author.anonymous,
        createdAt: this.clock.now(),
      });
    return ticket;
  }

  private async record(
    em: EntityManager,
    ticket: Ticket,
    residentId: number,
    anonymous: boolean,
    relatedTicketId: number | null,
    photoIds: number[],
  ) {
    await em.insert(ResidentRequest, { ticketId: ticket.id, residentId, anonymous, createdAt: this.clock.now() });
    await em.insert(ComplaintCase, {
      ticketId: ticket.id,
      grade: null,
      relatedTicketId,
      firstReplyAt: null,
      firstReply: null,
    });
    await this.uploads.claim(em, photoIds, { kind: 'resident', id: residentId }, `ticket:${ticket.id}`);
  }

  /** The complained-about ticket's account, else the one named (bound), else the resident's first account, else none (triage). */
  private async accountOf(
    me: ResidentPrincipal,
    accountId: number | undefined,
    about: Ticket | null,
    accountNos: string[],
  ): Promise<Account | null> {
    if (about?.accountNo) return this.accounts.findByNo(about.accountNo);
    if (accountId) {
      await this.bindings.assertBound(me.id, accountId);
      const account = await this.accounts.findById(accountId);
      if (!account) throw notFound();
      return account;
    }
    return accountNos.length ? this.accounts.findByNo(accountNos[0]) : null;
  }
}
