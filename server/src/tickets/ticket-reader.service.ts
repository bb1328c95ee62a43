import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, TicketDetailView, TicketView, allowedTransitions } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { QueuesService } from '../queues/queues.service';
import { StaffService } from '../staff/staff.service';
import { TicketClock } from './ticket-clock.entity';
import { TicketEvent } from './ticket-event.entity';
import { toEventView, toTicketView } from './ticket-view';
import { Ticket } from './ticket.entity';

/** Reads tickets within the caller's scope and maps them for the wire. */
@Injectable()
export class TicketReader {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketClock) private readonly clocks: Repository<TicketClock>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly queues: QueuesService,
    private readonly staff: StaffService,
    private readonly clock: Clock,
  ) {}

  /**
   * The ticket if it is in the caller's scope: its queue is visible, it is assigned to them,
   * or they took it in (an agent follows the calls they logged). Else 404.
   */
  async visibleTicket(viewer: StaffPrincipal, id: number): Promise<Ticket> {
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket) throw notFound();
    if (ticket.assigneeId === viewer.id || ticket.createdById === viewer.id) return ticket;
    if (!(await this.queues.findVisible(viewer, ticket.queueId))) throw notFound();
    return ticket;
  }

  async views(tickets: Ticket[], viewer: StaffPrincipal): Promise<TicketView[]> {
    if (!tickets.length) return [];
    const ids = tickets.map((t) => t.id);
    const [clocks, queues, assignees] = await Promise.all([
      this.clocks.find({ where: { ticketId: In(ids) }, order: { id: 'ASC' } }),
      this.queues.findByIds([...new Set(tickets.map((t) => t.queueId))]),
      this.staff.findByIds([...new Set(tickets.map((t) => t.assigneeId).filter((id): id is number => id !== null))]),
    ]);
    const now = this.clock.now();
    return tickets.map((t) =>
      toTicketView(t, {
        queueName: queues.find((q) => q.id === t.queueId)?.name ?? '',
        assigneeName: assignees.find((s) => s.id === t.assigneeId)?.name ?? null,
        clocks: clocks.filter((c) => c.ticketId === t.id),
        revealPhone: t.assigneeId === viewer.id,
        now,
      }),
    );
  }

  async view(ticket: Ticket, viewer: StaffPrincipal): Promise<TicketView> {
    return (await this.views([ticket], viewer))[0];
  }

  async detail(viewer: StaffPrincipal, id: number): Promise<TicketDetailView> {
    const ticket = await this.visibleTicket(viewer, id);
    const [view, events] = await Promise.all([
      this.view(ticket, viewer),
      this.events.find({ where: { ticketId: id }, order: { id: 'ASC' } }),
    ]);
    const actor = { role: viewer.role as Role, isAssignee: ticket.assigneeId === viewer.id };
    return { ...view, events: events.map(toEventView), allowedTransitions: allowedTransitions(ticket.type, ticket.status, actor) };
  }
}
