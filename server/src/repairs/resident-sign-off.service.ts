import { Injectable } from '@nestjs/common';
import { ErrorCode, ResidentTicketView, TicketEventKind, TicketStatus, TicketType, formatYuan } from '@utility/shared';
import { In, IsNull } from 'typeorm';
import { conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { confirmedInVisit } from '../tickets/resident-ticket-view';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { RepairQuote } from './repair-quote.entity';
import { currentQuote } from './repair-quotes';
import { RoomTemperatureReading } from './room-temperature-reading.entity';

/** While the job is under way: a quote can be agreed to before the work. */
const UNDER_WAY: readonly TicketStatus[] = [TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite];

/** The timeline's words for the resident's confirmation: an inspection is checked, other work fixed. */
function confirmationNote(type: TicketType, status: TicketStatus): string {
  if (type === TicketType.Inspection)
    return status === TicketStatus.OnSite ? '居民在小程序中确认安检（检查员在现场）' : '居民确认安检已完成';
  return status === TicketStatus.OnSite ? '居民在小程序中确认已修好（师傅在现场）' : '居民确认已修好';
}

/**
 * The resident's own word, in the app (docs/domain.md#charges): agreeing to a quote before the
 * work, confirming the work (on site, before the technician records it, or once resolved), the
 * room-temperature readings, or saying it is not fixed (reopened under the same number).
 */
@Injectable()
export class ResidentSignOffService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly bindings: AccountBindingsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Once per visit: on site (the technician then resolves with `in_app`) or once resolved. A second
   * confirmation (a retry, or the other member of the household) records nothing more.
   */
  async confirm(me: ResidentPrincipal, id: number): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    await this.reader.residentTicket(accountNos, id);
    await this.db.transaction(async () => {
      const { ticket, events } = await this.tickets.lockForStep(id);
      const confirmable = [TicketStatus.OnSite, TicketStatus.Resolved, TicketStatus.Closed].includes(ticket.status);
      if (confirmable && confirmedInVisit(events)) return;
      if (ticket.status !== TicketStatus.Resolved && ticket.status !== TicketStatus.OnSite)
        throw conflict(ErrorCode.TransitionNotAllowed);
      await this.tickets.recordStep(me, ticket, {
        events: [
          {
            kind: TicketEventKind.ResidentConfirmed,
            note: confirmationNote(ticket.type, ticket.status),
          },
        ],
      });
    });
    return this.reader.residentDetail(accountNos, id);
  }

  /**
   * 同意报价: the quote the resident saw, while the job is under way. A newer quote (or none) is
   * 409 QUOTE_CHANGED: the resident must see what they agree to. Accepting it again changes nothing.
   */
  async acceptQuote(me: ResidentPrincipal, id: number, quoteId: number): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    await this.reader.residentTicket(accountNos, id);
    await this.db.transaction(async (em) => {
      const { ticket } = await this.tickets.lockForStep(id);
      if (!UNDER_WAY.includes(ticket.status)) throw conflict(ErrorCode.TransitionNotAllowed);
      const quote = await currentQuote(ticket.id);
      if (!quote || quote.id !== quoteId) throw conflict(ErrorCode.QuoteChanged);
      if (quote.status === 'accepted') return;
      await em.update(
        RepairQuote,
        { id: quote.id, status: 'pending' },
        { status: 'accepted', acceptedAt: this.clock.now(), acceptedVia: 'in_app', acceptedByResidentId: me.id },
      );
      await this.tickets.recordStep(me, ticket, {
        events: [
          {
            kind: TicketEventKind.QuoteAccepted,
            note: `用户已在小程序中同意报价，合计${formatYuan(quote.totalFen)}`,
            data: { quoteId: quote.id, totalFen: quote.totalFen, via: 'in_app' },
          },
        ],
      });
    });
    return this.reader.residentDetail(accountNos, id);
  }

  /** The room-temperature readings taken on site and not signed: the resident confirms them in the app. */
  async confirmTemperature(me: ResidentPrincipal, id: number): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    await this.reader.residentTicket(accountNos, id);
    await this.db.transaction(async (em) => {
      const { ticket } = await this.tickets.lockForStep(id);
      if (ticket.type !== TicketType.RoomTemperature) throw conflict(ErrorCode.TicketTypeMismatch);
      if (ticket.status !== TicketStatus.OnSite) throw conflict(ErrorCode.TransitionNotAllowed);
      const open = await em.findBy(RoomTemperatureReading, {
        ticketId: ticket.id,
        signaturePhotoId: IsNull(),
        residentConfirmedAt: IsNull(),
      });
      if (!open.length) return;
      await em.update(
        RoomTemperatureReading,
        { id: In(open.map((r) => r.id)) },
        { residentConfirmedAt: this.clock.now() },
      );
      await this.tickets.recordStep(me, ticket, {
        events: [
          {
            kind: TicketEventKind.TemperatureConfirmed,
            note: `居民确认室温读数：${open.map((r) => `${(r.deciCelsius / 10).toFixed(1)}℃`).join('、')}`,
            data: { readingIds: open.map((r) => r.id).join(',') },
          },
        ],
      });
    });
    return this.reader.residentDetail(accountNos, id);
  }

  /** Back to 受理 with the resident's reason; the ticket keeps its number and gets fresh on-site and resolve clocks. */
  async notFixed(me: ResidentPrincipal, id: number, reason: string): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    // Only finished work can be "not fixed": 409 before that, though staff could send a job in progress back to 受理.
    if ((await this.reader.residentTicket(accountNos, id)).status !== TicketStatus.Resolved)
      throw conflict(ErrorCode.TransitionNotAllowed);
    await this.tickets.transitionForResident(me, accountNos, id, TicketStatus.Accepted, reason);
    return this.reader.residentDetail(accountNos, id);
  }
}
