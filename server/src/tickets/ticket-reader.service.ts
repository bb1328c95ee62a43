import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ResidentTicketView,
  Role,
  TicketDetailView,
  TicketEventKind,
  TicketStatus,
  TicketType,
  TicketView,
  allowedTransitions,
  ticketIdOfNumber,
  ticketNumber,
} from '@utility/shared';
import { In, Not, Repository } from 'typeorm';
import { forbidden, notFound } from '../common/app-error';
import { PersonalDataAudit } from '../audit/personal-data-audit.service';
import { Clock } from '../common/clock';
import { phoneIndex } from '../common/phone-index';
import { entityColumns, hydrateRow } from '../common/plain-select';
import { likeFragment } from '../common/like';
import { StaffPrincipal } from '../common/principal';
import { QueuesService } from '../queues/queues.service';
import { StaffService } from '../staff/staff.service';
import { TicketClock } from './ticket-clock.entity';
import type { NewClock } from './ticket-clocks.service';
import { EventData, TicketEvent } from './ticket-event.entity';
import { toResidentTicketView } from './resident-ticket-view';
import { TicketExtensions } from './ticket-extensions';
import { toEventView, toTicketView } from './ticket-view';
import { Ticket } from './ticket.entity';

export interface TicketEventFact {
  eventId: number;
  kind: TicketEventKind;
  from: TicketStatus | null;
  to: TicketStatus | null;
  at: Date;
  ticketId: number;
  ticketNo: string;
  ticketType: TicketType;
  accountNo: string | null;
  /** What the event carries (a `delayed` event's `expectedBy`). */
  data: EventData | null;
}

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
    private readonly audit: PersonalDataAudit,
    private readonly extensions: TicketExtensions,
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

  /**
   * A ticket of one of the resident's bound accounts, or one they filed themselves (with
   * `residentId`: complaints, reports); any other id is 404. Return visits are staff tasks.
   */
  async residentTicket(accountNos: string[], id: number, residentId?: number): Promise<Ticket> {
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket || ticket.type === TicketType.ReturnVisit) throw notFound();
    if (ticket.accountNo && accountNos.includes(ticket.accountNo)) return ticket;
    if (residentId !== undefined && (await this.extensions.authoredBy(residentId)).includes(id)) return ticket;
    throw notFound();
  }

  async residentTickets(accountNos: string[], residentId?: number): Promise<ResidentTicketView[]> {
    const authored = residentId === undefined ? [] : await this.extensions.authoredBy(residentId);
    if (!accountNos.length && !authored.length) return [];
    const where = [
      ...(accountNos.length ? [{ accountNo: In(accountNos), type: Not(TicketType.ReturnVisit) }] : []),
      ...(authored.length ? [{ id: In(authored) }] : []),
    ];
    const tickets = await this.tickets.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: 100 });
    const events = await this.events.find({ where: { ticketId: In(tickets.map((t) => t.id)) }, order: { id: 'ASC' } });
    const technicians = await this.staff.findByIds([
      ...new Set(tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : []))),
    ]);
    const views = tickets.map((t) =>
      toResidentTicketView(
        t,
        events.filter((e) => e.ticketId === t.id),
        technicians.find((s) => s.id === t.assigneeId) ?? null,
      ),
    );
    return this.extensions.decorate(views, residentId ?? null);
  }

  async residentDetail(accountNos: string[], id: number, residentId?: number): Promise<ResidentTicketView> {
    const ticket = await this.residentTicket(accountNos, id, residentId);
    const [events, technician] = await Promise.all([
      this.events.find({ where: { ticketId: id }, order: { id: 'ASC' } }),
      ticket.assigneeId ? this.staff.findById(ticket.assigneeId) : Promise.resolve(null),
    ]);
    return (await this.extensions.decorate([toResidentTicketView(ticket, events, technician)], residentId ?? null))[0];
  }

  /**
   * Tickets the desk's search finds (docs/domain.md#customer-history), unscoped (callers keep what
   * `readableAtDesk` allows): by number, by the contact phone's blind index, or by an address
   * fragment; newest first; return-visit tasks left out (they are shown with the visited ticket).
   */
  async findForDesk(
    by: { no: string } | { phoneIndex: string } | { addressFragment: string } | { accountNo: string },
    limit: number,
  ): Promise<Ticket[]> {
    const query = this.tickets.createQueryBuilder('t').where('t.type <> :visit', { visit: TicketType.ReturnVisit });
    // The number is the id after the filing date (ticketNumber): found by id, kept if its date matches.
    if ('no' in by) query.andWhere('t.id = :id', { id: ticketIdOfNumber(by.no) ?? 0 });
    else if ('phoneIndex' in by) query.andWhere('t.contactPhoneIndex = :index', { index: by.phoneIndex });
    else if ('accountNo' in by) query.andWhere('t.accountNo = :accountNo', { accountNo: by.accountNo });
    else query.andWhere("t.address LIKE :fragment ESCAPE '!'", { fragment: likeFragment(by.addressFragment) });
    const found = await query.orderBy('t.id', 'DESC').limit(limit).getMany();
    return 'no' in by ? found.filter((t) => t.no === by.no) : found;
  }

  /**
   * What a desk may read of an account's service history: the tickets in its scope (visibleTicket), and
   * every other ticket of a district it covers (QueuesService.coveredDistricts) except those of
   * supervisor-only queues (misconduct reports, grade-1 complaints: their reporters stay protected).
   */
  async readableAtDesk(viewer: StaffPrincipal, tickets: Ticket[]): Promise<Ticket[]> {
    if (!tickets.length) return [];
    const visible = new Set(await this.queues.visibleQueueIds(viewer));
    const districts = await this.queues.coveredDistricts(viewer);
    const covers = (districtId: number | null) =>
      districtId !== null && (districts === null || districts.includes(districtId));
    const queues = await this.queues.findByIds([...new Set(tickets.map((t) => t.queueId))]);
    const supervisorOnly = new Set(queues.filter((q) => q.supervisorOnly).map((q) => q.id));
    return tickets.filter(
      (t) =>
        visible.has(t.queueId) ||
        t.assigneeId === viewer.id ||
        t.createdById === viewer.id ||
        (covers(t.districtId) && !supervisorOnly.has(t.queueId)),
    );
  }

  /** Indexes the contact phones of tickets written before phones were indexed (as AccountsService.indexPhones). */
  async indexPhones(afterId: number, batch: number): Promise<number | null> {
    const rows = await this.tickets
      .createQueryBuilder('t')
      .where('t.id > :afterId AND t.contactPhoneIndex IS NULL', { afterId })
      .orderBy('t.id', 'ASC')
      .limit(batch)
      .getMany();
    for (const t of rows) await this.tickets.update({ id: t.id }, { contactPhoneIndex: phoneIndex(t.contactPhone) });
    return rows.length < batch ? null : rows[rows.length - 1].id;
  }

  /** Any ticket, for modules that check scope themselves (404 when absent). */
  async byId(id: number): Promise<Ticket> {
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket) throw notFound();
    return ticket;
  }

  /** The clocks of some tickets, for views built by other modules. */
  clocksOf(ticketIds: number[]): Promise<TicketClock[]> {
    return ticketIds.length
      ? this.clocks.find({ where: { ticketId: In(ticketIds) }, order: { id: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Tickets by id, unscoped: for modules that hold ticket ids of their own records (bookings, hazards). */
  byIds(ids: number[]): Promise<Ticket[]> {
    return ids.length ? this.tickets.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** Open tickets a staff member works now (assigned, on the way, on site): their field jobs. */
  workingOn(staffId: number): Promise<Ticket[]> {
    return this.tickets.findBy({
      assigneeId: staffId,
      status: In([TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite]),
    });
  }

  /** The timelines of some tickets, oldest event first. */
  eventsOf(ticketIds: number[]): Promise<TicketEvent[]> {
    return ticketIds.length
      ? this.events.find({ where: { ticketId: In(ticketIds) }, order: { id: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Timeline events after `afterId`, oldest first, for consumers such as resident notices. */
  async eventsAfter(afterId: number, limit: number): Promise<TicketEventFact[]> {
    // Read by every timeline consumer (notices, return visits) on every run, a few events per intake:
    // one plain statement with only the ticket columns a fact carries (no phone to decrypt; the
    // creation time makes the number), not two entity reads.
    const em = this.events.manager;
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${entityColumns(em, TicketEvent, 'e')}, t.createdAt AS ticketCreatedAt, t.type AS ticketType, t.accountNo AS ticketAccountNo` +
        ' FROM ticket_event e INNER JOIN ticket t ON t.id = e.ticketId WHERE e.id > ? ORDER BY e.id LIMIT ?',
      [afterId, limit],
    );
    const createdAt = em.connection.getMetadata(Ticket).findColumnWithPropertyPath('createdAt')!;
    // A ticket's events come in threes or more: its number is worked out once.
    const numbers = new Map<number, string>();
    const numberOf = (ticketId: number, raw: unknown): string => {
      let no = numbers.get(ticketId);
      if (no === undefined) {
        no = ticketNumber(em.connection.driver.prepareHydratedValue(raw, createdAt) as Date, ticketId);
        numbers.set(ticketId, no);
      }
      return no;
    };
    return rows.map((row) => {
      const e = hydrateRow(em, TicketEvent, row);
      return {
        eventId: e.id,
        kind: e.kind,
        from: e.fromStatus,
        to: e.toStatus,
        at: e.at,
        ticketId: e.ticketId,
        ticketNo: numberOf(e.ticketId, row.ticketCreatedAt),
        ticketType: row.ticketType as TicketType,
        accountNo: row.ticketAccountNo as string | null,
        data: e.data ?? null,
      };
    });
  }

  // Every staff member who may see a ticket sees the same view of it (callers check visibility first).
  async views(tickets: Ticket[], _viewer: StaffPrincipal): Promise<TicketView[]> {
    if (!tickets.length) return [];
    const ids = tickets.map((t) => t.id);
    const [clocks, queues, assignees] = await Promise.all([
      this.clocks.find({ where: { ticketId: In(ids) }, order: { id: 'ASC' } }),
      this.queues.findByIds([...new Set(tickets.map((t) => t.queueId))]),
      this.staff.findByIds([...new Set(tickets.map((t) => t.assigneeId).filter((id): id is number => id !== null))]),
    ]);
    const now = this.clock.now();
    return this.extensions.decorateForStaff(
      tickets.map((t) =>
        toTicketView(t, {
          queueName: queues.find((q) => q.id === t.queueId)?.name ?? '',
          assigneeName: assignees.find((s) => s.id === t.assigneeId)?.name ?? null,
          clocks: clocks.filter((c) => c.ticketId === t.id),
          now,
        }),
      ),
    );
  }

  /**
   * The caller's full phone, for whoever works the ticket (its assignee, or the agent who took
   * the call). Every reveal is logged before the number is returned.
   */
  async revealPhone(viewer: StaffPrincipal, id: number): Promise<string> {
    const ticket = await this.visibleTicket(viewer, id);
    if (ticket.assigneeId !== viewer.id && ticket.createdById !== viewer.id) throw forbidden();
    await this.audit.record(viewer, 'ticket', ticket.id, 'contactPhone');
    return ticket.contactPhone;
  }

  /**
   * A ticket a write has just left, shown from what it wrote (intake: nobody has assigned it yet;
   * a claim: the claimant has it) without reading it again.
   */
  viewAsWritten(ticket: Ticket, queueName: string, clocks: NewClock[], assigneeName: string | null = null): TicketView {
    return toTicketView(ticket, { queueName, assigneeName, clocks, now: this.clock.now() });
  }

  async view(ticket: Ticket, viewer: StaffPrincipal): Promise<TicketView> {
    return (await this.views([ticket], viewer))[0];
  }

  /** The ticket in the caller's scope with its timeline; TicketLinks adds its duplicates, parent, children and photos. */
  async detail(
    viewer: StaffPrincipal,
    id: number,
  ): Promise<{
    ticket: Ticket;
    view: Omit<TicketDetailView, 'possibleDuplicateOf' | 'parent' | 'children' | 'photos'>;
  }> {
    const ticket = await this.visibleTicket(viewer, id);
    const [view, events] = await Promise.all([
      this.view(ticket, viewer),
      this.events.find({ where: { ticketId: id }, order: { id: 'ASC' } }),
    ]);
    const actor = { role: viewer.role as Role, isAssignee: ticket.assigneeId === viewer.id };
    return {
      ticket,
      view: {
        ...view,
        events: events.map(toEventView),
        allowedTransitions: allowedTransitions(ticket.type, ticket.status, actor),
      },
    };
  }
}
