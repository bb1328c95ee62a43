import { Injectable } from '@nestjs/common';
import { ErrorCode, ResidentTicketView, TicketEventKind, TicketStatus } from '@utility/shared';
import { conflict } from '../common/app-error';
import { Db } from '../common/db';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { confirmedSinceResolved } from '../tickets/resident-ticket-view';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';

/** The resident's word on finished work: confirmed, or not fixed (reopened under the same number). */
@Injectable()
export class ResidentSignOffService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly bindings: AccountBindingsService,
    private readonly db: Db,
  ) {}

  /** Once per resolution: a second confirmation (a retry, or the other member of the household) records nothing more. */
  async confirm(me: ResidentPrincipal, id: number): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    await this.reader.residentTicket(accountNos, id);
    await this.db.transaction(async (em) => {
      const { ticket, events } = await this.tickets.lockForStep(em, id);
      const done = ticket.status === TicketStatus.Resolved || ticket.status === TicketStatus.Closed;
      if (done && confirmedSinceResolved(events)) return;
      if (ticket.status !== TicketStatus.Resolved) throw conflict(ErrorCode.TransitionNotAllowed);
      await this.tickets.recordStep(em, me, ticket, {
        events: [{ kind: TicketEventKind.ResidentConfirmed, note: '居民确认已修好' }],
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
