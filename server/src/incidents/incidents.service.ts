import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CreateIncidentRequest,
  ErrorCode,
  IncidentView,
  TICKET_TYPE_LABELS,
  TICKET_STATUS_LABELS,
} from '@utility/shared';
import { Repository } from 'typeorm';
import { AppError, conflict, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { StaffPrincipal } from '../common/principal';
import { StaffService } from '../staff/staff.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { IncidentEvent } from './incident-event.entity';
import { IncidentTicket } from './incident-ticket.entity';
import { Incident } from './incident.entity';

/** Major incidents: tickets grouped under a lead, with a timeline and a record for the authorities. */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @InjectRepository(IncidentTicket) private readonly members: Repository<IncidentTicket>,
    @InjectRepository(IncidentEvent) private readonly events: Repository<IncidentEvent>,
    private readonly reader: TicketReader,
    private readonly tickets: TicketsService,
    private readonly staff: StaffService,
    private readonly idempotency: IdempotencyService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(me: StaffPrincipal, body: CreateIncidentRequest, key: string | undefined): Promise<IncidentView> {
    const leadId = body.leadId ?? me.id;
    const lead = await this.staff.findById(leadId);
    if (!lead || !lead.active)
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '负责人不存在或已停用');
    const created = await this.idempotency.create(`staff:${me.id}`, key, 'incident', body, async (em) => {
      const now = this.clock.now();
      const { identifiers } = await em.insert(Incident, {
        title: body.title,
        description: body.description,
        leadId,
        status: 'open',
        startedAt: body.startedAt ? new Date(body.startedAt) : now,
        closedAt: null,
        createdById: me.id,
        createdAt: now,
      });
      const id = identifiers[0].id as number;
      await this.record(id, me, 'declared', `事件登记，负责人：${lead.name}`);
      return id;
    });
    return this.view(created.resourceId);
  }

  /** A ticket joins the incident (once; a ticket belongs to one incident), noted on both timelines. */
  async addTicket(me: StaffPrincipal, id: number, ticketId: number): Promise<IncidentView> {
    const incident = await this.open(id);
    const ticket = await this.reader.visibleTicket(me, ticketId);
    try {
      await this.db.transaction(async (em) => {
        await em.insert(IncidentTicket, { incidentId: id, ticketId, addedAt: this.clock.now() });
        await this.record(id, me, 'ticket_added', `工单${ticket.no ?? ticket.id}并入：${ticket.address}`);
        await this.tickets.note(me, ticketId, `并入重大事件：${incident.title}`, { incidentId: id });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyExists);
      throw error;
    }
    return this.view(id);
  }

  async note(me: StaffPrincipal, id: number, note: string): Promise<IncidentView> {
    await this.open(id);
    await this.db.transaction(() => this.record(id, me, 'note', note));
    return this.view(id);
  }

  async close(me: StaffPrincipal, id: number): Promise<IncidentView> {
    await this.open(id);
    await this.db.transaction(async (em) => {
      const done = await em.update(Incident, { id, status: 'open' }, { status: 'closed', closedAt: this.clock.now() });
      if (!done.affected) throw conflict(ErrorCode.IncidentClosed);
      await this.record(id, me, 'closed', '事件结束');
    });
    return this.view(id);
  }

  async list(): Promise<IncidentView[]> {
    const rows = await this.incidents.find({ order: { id: 'DESC' }, take: 100 });
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async view(id: number): Promise<IncidentView> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident) throw notFound();
    const [members, events, lead] = await Promise.all([
      this.members.find({ where: { incidentId: id }, order: { id: 'ASC' } }),
      this.events.find({ where: { incidentId: id }, order: { id: 'ASC' } }),
      incident.leadId ? this.staff.findById(incident.leadId) : Promise.resolve(null),
    ]);
    const tickets = await this.reader.byIds(members.map((m) => m.ticketId));
    const byId = new Map(tickets.map((t) => [t.id, t]));
    return {
      id: incident.id,
      title: incident.title,
      description: incident.description,
      status: incident.status,
      lead: lead ? { id: lead.id, name: lead.name } : null,
      startedAt: incident.startedAt.toISOString(),
      closedAt: incident.closedAt?.toISOString() ?? null,
      tickets: members.flatMap((m) => {
        const t = byId.get(m.ticketId);
        return t
          ? [
              {
                id: t.id,
                no: t.no,
                type: TICKET_TYPE_LABELS[t.type],
                status: TICKET_STATUS_LABELS[t.status],
                address: t.address,
                createdAt: t.createdAt.toISOString(),
              },
            ]
          : [];
      }),
      timeline: events.map((e) => ({
        at: e.at.toISOString(),
        kind: KIND_LABELS[e.kind],
        note: e.note,
        actor: e.actorName,
      })),
    };
  }

  private async open(id: number): Promise<Incident> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident) throw notFound();
    if (incident.status !== 'open') throw conflict(ErrorCode.IncidentClosed);
    return incident;
  }

  private async record(
    incidentId: number,
    me: StaffPrincipal,
    kind: IncidentEvent['kind'],
    note: string,
  ): Promise<void> {
    const em = this.db.manager;
    await em.insert(IncidentEvent, {
      incidentId,
      kind,
      note,
      actorId: me.id,
      actorName: me.name,
      at: this.clock.now(),
    });
  }
}

const KIND_LABELS: Record<IncidentEvent['kind'], string> = {
  declared: '登记',
  ticket_added: '并入工单',
  note: '记录',
  closed: '结束',
};
