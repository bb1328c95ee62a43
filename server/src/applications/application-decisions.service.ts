import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import {
  ApplicationDecisionRequest,
  ErrorCode,
  ResidentTicketView,
  Role,
  TicketEventKind,
  TicketStatus,
  TicketType,
} from '@utility/shared';
import { AppError, conflict, unprocessable } from '../common/app-error';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { TicketAssignment } from '../tickets/ticket-assignment.service';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketSnapshot } from '../tickets/ticket-snapshot';
import { TicketsService } from '../tickets/tickets.service';

/**
 * An application is answered by a decision, not by its acceptance (docs/domain.md#clocks):
 * approve or refuse with a reason the resident reads; it resolves the ticket and so stops the
 * 3-working-day decision clock. The decider takes the ticket if nobody has it.
 */
@Injectable()
export class ApplicationDecisions implements OnModuleInit {
  constructor(
    private readonly tickets: TicketsService,
    private readonly assignment: TicketAssignment,
    private readonly reader: TicketReader,
    private readonly extensions: TicketExtensions,
    private readonly db: Db,
  ) {}

  onModuleInit(): void {
    this.extensions.addResidentViewDecorator((views) => this.showDecisions(views));
  }

  async decide(staff: StaffPrincipal, id: number, body: ApplicationDecisionRequest): Promise<TicketSnapshot> {
    await this.reader.visibleTicket(staff, id);
    return this.db.transaction(async () => {
      const { events, ...locked } = await this.tickets.lockForStep(id);
      let ticket = locked.ticket;
      if (ticket.type !== TicketType.Application) throw unprocessable(ErrorCode.TicketTypeMismatch);
      if (events.some((e) => e.kind === TicketEventKind.Decided)) throw conflict(ErrorCode.AlreadyDecided);
      if (ticket.status === TicketStatus.Submitted)
        ticket = await this.tickets.recordStep(staff, ticket, { to: TicketStatus.Accepted });
      if (ticket.assigneeId === null) ticket = (await this.assignment.claimIn(staff, ticket)) ?? ticket;
      if (ticket.assigneeId !== staff.id && staff.role !== Role.Supervisor)
        throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.NotAssignee);
      const words = body.approve ? '同意办理' : '不予办理';
      return this.tickets.recordStep(staff, ticket, {
        to: TicketStatus.Resolved,
        note: `${words}：${body.reason}`,
        events: [{ kind: TicketEventKind.Decided, note: body.reason, data: { approved: body.approve } }],
      });
    });
  }

  private async showDecisions(views: ResidentTicketView[]): Promise<void> {
    const ids = views.filter((v) => v.type === TicketType.Application).map((v) => v.id);
    if (!ids.length) return;
    const decided = (await this.reader.eventsOf(ids)).filter((e) => e.kind === TicketEventKind.Decided);
    for (const v of views) {
      if (v.type !== TicketType.Application) continue;
      const e = decided.find((d) => d.ticketId === v.id);
      v.decision = e ? { approved: e.data?.approved === true, reason: e.note ?? '', at: e.at.toISOString() } : null;
    }
  }
}
