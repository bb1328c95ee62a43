import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ClockKind,
  ContactedRequest,
  ErrorCode,
  TicketEventKind,
  TicketStatus,
  TicketType,
  VisitWindow,
  appointmentWindowProblem,
} from '@utility/shared';
import { AppError, conflict, unprocessable } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { Actor, ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { TicketClocksService } from './ticket-clocks.service';
import { appendEvents } from './ticket-events';
import { TicketReader } from './ticket-reader.service';
import { Ticket } from './ticket.entity';
import { TicketsService } from './tickets.service';

/** Work with an appointment: the resident's home visit, agreed on the phone or in the app. */
const WINDOWED: ReadonlySet<TicketType> = new Set([TicketType.Repair, TicketType.RoomTemperature]);
/** Until someone sets off, the time can still be agreed anew. */
const BEFORE_DEPARTURE: ReadonlySet<TicketStatus> = new Set([
  TicketStatus.Submitted,
  TicketStatus.Accepted,
  TicketStatus.Assigned,
]);
const CONTACTABLE: ReadonlySet<TicketStatus> = new Set([TicketStatus.Assigned, TicketStatus.EnRoute]);

/**
 * docs/domain.md#clocks: an appointment is a deadline, and calling the resident is a step of its
 * own. Moving a window moves the on-site and resolve clocks with an event; breaches already
 * recorded stay. 联系用户 stops the contact clock, late or not.
 */
@Injectable()
export class TicketAppointments {
  constructor(
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly clocks: TicketClocksService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async moveByStaff(actor: StaffPrincipal, id: number, window: VisitWindow, reason: string): Promise<Ticket> {
    await this.reader.visibleTicket(actor, id);
    return this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(id);
      return this.move(actor, ticket, window, reason);
    });
  }

  /** The resident's own change: only before the agreed window begins. */
  async moveByResident(
    actor: ResidentPrincipal,
    accountNos: string[],
    id: number,
    window: VisitWindow,
    reason?: string,
  ): Promise<Ticket> {
    await this.reader.residentTicket(accountNos, id, actor.id);
    return this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(id);
      if (ticket.windowStart && ticket.windowStart <= this.clock.now()) throw conflict(ErrorCode.WindowNotMovable);
      return this.move(actor, ticket, window, reason ? `居民改约：${reason}` : '居民改约上门时间');
    });
  }

  async contacted(actor: StaffPrincipal, id: number, body: ContactedRequest): Promise<Ticket> {
    await this.reader.visibleTicket(actor, id);
    return this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(id);
      if (ticket.assigneeId !== actor.id) throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.NotAssignee);
      if (!CONTACTABLE.has(ticket.status)) throw conflict(ErrorCode.TransitionNotAllowed);
      const agreed = body.agreedWindow
        ? { start: new Date(body.agreedWindow.start), end: new Date(body.agreedWindow.end) }
        : null;
      if (agreed) this.checkWindow(ticket, agreed);
      const now = this.clock.now();
      await this.tickets.stopClock(ticket, ClockKind.Contact);
      await appendEvents(id, [
        {
          kind: TicketEventKind.Contacted,
          actor,
          at: now,
          note: body.note,
          data: agreed ? { windowStart: agreed.start.toISOString(), windowEnd: agreed.end.toISOString() } : null,
        },
      ]);
      return agreed ? this.move(actor, ticket, agreed, '与用户约定上门时间') : ticket;
    });
  }

  private async move(actor: Actor, ticket: Ticket, window: VisitWindow, note: string) {
    const em = this.db.manager;
    this.checkWindow(ticket, window);
    if (!BEFORE_DEPARTURE.has(ticket.status)) throw conflict(ErrorCode.WindowNotMovable);
    const now = this.clock.now();
    await em.update(Ticket, { id: ticket.id }, { windowStart: window.start, windowEnd: window.end, updatedAt: now });
    const moved = { ...ticket, windowStart: window.start, windowEnd: window.end, updatedAt: now };
    await this.clocks.followWindow(moved, window, now);
    await appendEvents(ticket.id, [
      {
        kind: TicketEventKind.WindowMoved,
        actor,
        at: now,
        note,
        data: { windowStart: window.start.toISOString(), windowEnd: window.end.toISOString() },
      },
    ]);
    return moved;
  }

  private checkWindow(ticket: Ticket, window: VisitWindow): void {
    if (!WINDOWED.has(ticket.type)) throw unprocessable(ErrorCode.TicketTypeMismatch, '该类工单没有预约上门时段');
    const problem = appointmentWindowProblem(window, this.clock.now());
    if (problem) {
      const path = problem.field === 'start' ? 'windowStart' : 'windowEnd';
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, problem.message, [
        { path, message: problem.message },
      ]);
    }
  }
}
