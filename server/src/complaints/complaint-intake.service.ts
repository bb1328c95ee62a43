import { Injectable, Logger } from '@nestjs/common';
import {
  Channel,
  CreateComplaintRequest,
  CreateMisconductReportRequest,
  TicketEventKind,
  TicketType,
  isOpen,
} from '@utility/shared';
import { In } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Account } from '../accounts/account.entity';
import { Clock } from '../common/clock';
import { ResidentPrincipal } from '../common/principal';
import { ResidentIntake } from '../residents/resident-intake.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { Ticket } from '../tickets/ticket.entity';
import { ComplaintCase } from './complaint-case.entity';
import { requestCreated } from './request-created';
import { ResidentRequest } from './resident-request.entity';
import { Db } from '../common/db';

export const ANONYMOUS_NAME = '匿名';

/** Complaints and reports from the miniapp, and complaints the feedback loop opens. */
@Injectable()
export class ComplaintIntake {
  private readonly logger = new Logger(ComplaintIntake.name);

  constructor(
    private readonly db: Db,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly accounts: AccountsService,
    private readonly intake: ResidentIntake,
    private readonly clock: Clock,
  ) {}

  async complain(me: ResidentPrincipal, body: CreateComplaintRequest, key: string | undefined) {
    const created = await this.intake.file(me, 'complaint', body, key, async () => {
      const accountNos = await this.intake.accountNos(me);
      const about = body.ticketId ? await this.reader.residentTicket(accountNos, body.ticketId, me.id) : null;
      const account = await this.accountOf(me, body.accountId, about, accountNos);
      return {
        ticket: {
          type: TicketType.Complaint,
          accountNo: account?.accountNo,
          address: account?.address ?? '—',
          contactName: account?.holderName ?? '居民',
          contactPhone: await this.intake.phoneOf(me),
          description: about ? `关于工单${about.no}：${body.text}` : body.text,
          channel: Channel.Miniapp,
        },
        photoIds: body.photoIds,
        record: (ticket) => this.record(ticket.id, me.id, false, about?.id ?? null),
      };
    });
    return { created: await requestCreated(this.reader, created.resourceId, false), replayed: created.replayed };
  }

  /** Anonymous: no account, no phone, no resident on the timeline; only resident_request knows, and staff never read it. */
  async reportMisconduct(me: ResidentPrincipal, body: CreateMisconductReportRequest, key: string | undefined) {
    const created = await this.intake.file(me, 'report', body, key, async () => ({
      actor: body.anonymous ? null : me,
      ticket: {
        type: TicketType.MisconductReport,
        address: '—',
        contactName: body.anonymous ? ANONYMOUS_NAME : '实名举报人',
        contactPhone: body.anonymous ? '' : await this.intake.phoneOf(me),
        description: body.text,
        channel: Channel.Miniapp,
      },
      photoIds: body.photoIds,
      record: async (ticket) => {
        await this.record(ticket.id, me.id, body.anonymous, null);
        // Operators see reports arrive; the line names the ticket only, never the resident.
        this.logger.log(`report ${ticket.no} filed${body.anonymous ? ' anonymously' : ''}`);
      },
    }));
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
  async openLinked(about: Ticket, why: string): Promise<Ticket> {
    const em = this.db.manager;
    const linked = await em.findBy(ComplaintCase, { relatedTicketId: about.id });
    const open = linked.length
      ? await em.findOne(Ticket, {
          where: { id: In(linked.map((c) => c.ticketId)), channel: Channel.System, type: TicketType.Complaint },
          order: { id: 'DESC' },
        })
      : null;
    if (open && isOpen(open.status)) {
      return this.tickets.recordStep(null, open, {
        events: [{ kind: TicketEventKind.Note, note: `关于工单${about.no}：${why}` }],
      });
    }
    const ticket = await this.tickets.intake(null, {
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

  private async record(ticketId: number, residentId: number, anonymous: boolean, relatedTicketId: number | null) {
    const em = this.db.manager;
    await this.recordAuthor(ticketId, residentId, anonymous);
    await em.insert(ComplaintCase, {
      ticketId,
      grade: null,
      relatedTicketId,
      firstReplyAt: null,
      firstReply: null,
    });
  }

  /**
   * The resident who filed a ticket that may name no account (a consultation, a suggestion): it is
   * theirs to follow in 我的 requests (TicketExtensions.authoredBy); in the caller's transaction.
   */
  async recordAuthor(ticketId: number, residentId: number, anonymous = false): Promise<void> {
    const em = this.db.manager;
    await em.insert(ResidentRequest, { ticketId, residentId, anonymous, createdAt: this.clock.now() });
  }

  /** The complained-about ticket's account, else the one named (bound), else the resident's first account, else none (triage). */
  private async accountOf(
    me: ResidentPrincipal,
    accountId: number | undefined,
    about: Ticket | null,
    accountNos: string[],
  ): Promise<Account | null> {
    if (about?.accountNo) return this.accounts.findByNo(about.accountNo);
    if (accountId) return this.intake.boundAccount(me, accountId);
    return accountNos.length ? this.accounts.findByNo(accountNos[0]) : null;
  }
}
