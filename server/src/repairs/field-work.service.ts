import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ArriveRequest,
  DepartRequest,
  ErrorCode,
  FieldJobView,
  HandOverRequest,
  ResolveJobRequest,
  TemperatureReadingView,
  TemperatureRequest,
  TicketEventKind,
  TicketStatus,
  TicketType,
  roomTemperatureStandard,
} from '@utility/shared';
import { EntityManager, In, Repository } from 'typeorm';
import { AppError, conflict, forbidden, unprocessable } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { TicketEvent } from '../tickets/ticket-event.entity';
import { TicketPhotos } from '../tickets/ticket-photos.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { acceptedSinceAssigned, inWorkOrder, toFieldJobView } from './field-job-view';
import { RepairRequest } from './repair-request.entity';
import { RepairResult } from './repair-result.entity';
import { RoomTemperatureReading } from './room-temperature-reading.entity';

/** A phone's clock may run a little fast; a measurement further in the future is a typo. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const toReadingView = (r: RoomTemperatureReading): TemperatureReadingView => ({
  id: r.id,
  ticketId: r.ticketId,
  celsius: r.deciCelsius / 10,
  measuredAt: r.measuredAt.toISOString(),
  minCelsius: r.minCelsius,
  belowStandard: r.belowStandard,
});

/**
 * A technician's jobs and each step of a visit. Every step is one transaction: the ticket is
 * locked and read afresh, checked (wrong status → 409 TRANSITION_NOT_ALLOWED, someone else's job
 * → 403; a ticket outside the caller's scope is 404 as everywhere), then whatever the step stores
 * and its timeline events are written together, so a refused step changes nothing.
 */
@Injectable()
export class FieldWorkService {
  constructor(
    @InjectRepository(RepairRequest) private readonly requests: Repository<RepairRequest>,
    @InjectRepository(RoomTemperatureReading) private readonly readings: Repository<RoomTemperatureReading>,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly uploads: UploadsService,
    private readonly photos: TicketPhotos,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** My open jobs (assigned, on the way, on site) in work order. */
  async jobs(me: StaffPrincipal): Promise<FieldJobView[]> {
    return inWorkOrder(await this.views(await this.reader.workingOn(me.id), me));
  }

  /** 接单: the assignee acknowledges the job; a repeated tap records nothing more. */
  accept(me: StaffPrincipal, id: number): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.Assigned], async (em, ticket, events) =>
      acceptedSinceAssigned(events)
        ? ticket
        : this.tickets.recordStep(em, me, ticket, { events: [{ kind: TicketEventKind.JobAccepted, note: '已接单' }] }),
    );
  }

  /** 出发: on the way, with the arrival time the resident will see. */
  depart(me: StaffPrincipal, id: number, body: DepartRequest): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.Assigned], (em, ticket) => {
      const now = this.clock.now();
      const eta = new Date(now.getTime() + body.etaMinutes * 60_000);
      // Setting off before the agreed window is a change to the appointment: it needs a reason,
      // and the resident sees the new arrival time (docs/domain.md#clocks).
      const early = ticket.windowStart !== null && now < ticket.windowStart;
      if (early && !body.reason) throw unprocessable(ErrorCode.DepartureReasonRequired);
      return this.tickets.recordStep(em, me, ticket, {
        to: TicketStatus.EnRoute,
        note: early
          ? `提前出发（${body.reason}），预计${body.etaMinutes}分钟后到达`
          : `预计${body.etaMinutes}分钟后到达`,
        events: [{ kind: TicketEventKind.EtaSet, data: { eta: eta.toISOString(), etaMinutes: body.etaMinutes } }],
      });
    });
  }

  /** 到场: the move's event records when (and, if the phone shared it, where). */
  arrive(me: StaffPrincipal, id: number, body: ArriveRequest): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.EnRoute], (em, ticket) =>
      this.tickets.recordStep(em, me, ticket, {
        to: TicketStatus.OnSite,
        data: body.location ? { latitude: body.location.latitude, longitude: body.location.longitude } : undefined,
      }),
    );
  }

  /** 处理完成: the result, its photos (before, after, the signed work order) and the move, together. */
  resolve(me: StaffPrincipal, id: number, body: ResolveJobRequest): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.OnSite], async (em, ticket) => {
      if (
        ticket.type === TicketType.RoomTemperature &&
        !(await em.existsBy(RoomTemperatureReading, { ticketId: ticket.id }))
      ) {
        throw new AppError(HttpStatus.CONFLICT, ErrorCode.TemperatureRequired);
      }
      const signaturePhotoId = body.confirmation.kind === 'signature' ? body.confirmation.photoId : null;
      const { identifiers } = await em.insert(RepairResult, {
        ticketId: ticket.id,
        technicianId: me.id,
        diagnosis: body.diagnosis,
        work: body.work,
        parts: body.parts,
        photoIdsBefore: [...new Set(body.photoIdsBefore)],
        photoIdsAfter: [...new Set(body.photoIdsAfter)],
        chargeable: body.chargeable,
        chargeFen: body.chargeable ? body.chargeFen! : null,
        residentConsentToCharge: body.residentConsentToCharge === true,
        confirmationKind: body.confirmation.kind,
        signaturePhotoId,
        resolvedAt: this.clock.now(),
      });
      const resultId = identifiers[0].id as number;
      const owner = { kind: 'staff' as const, id: me.id };
      await this.uploads.claim(em, body.photoIdsBefore, owner, `repair_before:${resultId}`);
      await this.uploads.claim(em, body.photoIdsAfter, owner, `repair_after:${resultId}`);
      if (signaturePhotoId) await this.uploads.claim(em, [signaturePhotoId], owner, `repair_sign:${resultId}`, 1);
      return this.tickets.recordStep(em, me, ticket, {
        to: TicketStatus.Resolved,
        note: body.diagnosis,
        data: {
          resultId,
          chargeable: body.chargeable,
          chargeFen: body.chargeable ? body.chargeFen! : null,
          confirmation: body.confirmation.kind,
        },
      });
    });
  }

  /** 退回: someone who cannot finish says why and gives the ticket back to its queue; its clocks run on untouched. */
  handOver(me: StaffPrincipal, id: number, body: HandOverRequest): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite], (em, ticket) =>
      this.tickets.recordStep(em, me, ticket, {
        to: TicketStatus.Accepted,
        note: body.reason,
        events: [
          {
            kind: TicketEventKind.HandedOver,
            note: body.reason,
            data: { previousAssigneeId: me.id, fromStatus: ticket.status },
          },
        ],
      }),
    );
  }

  /** 室温测量 on site, judged against the standard of the moment it was taken. */
  async recordTemperature(me: StaffPrincipal, id: number, body: TemperatureRequest): Promise<TemperatureReadingView> {
    const measuredAt = new Date(body.measuredAt);
    if (measuredAt.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '测量时间不能晚于当前时间', [
        { path: 'measuredAt', message: '测量时间不能晚于当前时间' },
      ]);
    }
    const deciCelsius = Math.round(body.celsius * 10);
    const { minCelsius } = roomTemperatureStandard(measuredAt);
    const belowStandard = deciCelsius < minCelsius * 10;
    let readingId = 0;
    await this.step(
      me,
      id,
      [TicketStatus.OnSite],
      async (em, ticket) => {
        const { identifiers } = await em.insert(RoomTemperatureReading, {
          ticketId: ticket.id,
          technicianId: me.id,
          deciCelsius,
          measuredAt,
          minCelsius,
          belowStandard,
          recordedAt: this.clock.now(),
        });
        readingId = identifiers[0].id as number;
        return this.tickets.recordStep(em, me, ticket, {
          events: [
            {
              kind: TicketEventKind.TemperatureRecorded,
              note: `室温${(deciCelsius / 10).toFixed(1)}℃，标准≥${minCelsius}℃，${belowStandard ? '不达标' : '达标'}`,
              data: {
                readingId,
                celsius: deciCelsius / 10,
                minCelsius,
                belowStandard,
                measuredAt: measuredAt.toISOString(),
              },
            },
          ],
        });
      },
      TicketType.RoomTemperature,
    );
    return toReadingView(await this.readings.findOneByOrFail({ id: readingId }));
  }

  /**
   * 404 outside the caller's scope, before anything is locked; then, on the fresh locked ticket,
   * 409 for the wrong type or status and 403 when it is someone else's job.
   */
  private async step(
    me: StaffPrincipal,
    id: number,
    statuses: TicketStatus[],
    act: (em: EntityManager, ticket: Ticket, events: TicketEvent[]) => Promise<Ticket>,
    type?: TicketType,
  ): Promise<FieldJobView> {
    await this.reader.visibleTicket(me, id);
    const ticket = await this.db.transaction(async (em) => {
      const { ticket, events } = await this.tickets.lockForStep(em, id);
      if (type && ticket.type !== type) throw conflict(ErrorCode.TicketTypeMismatch);
      if (!statuses.includes(ticket.status)) throw conflict(ErrorCode.TransitionNotAllowed);
      if (ticket.assigneeId !== me.id) throw forbidden();
      return act(em, ticket, events);
    });
    return (await this.views([ticket], me))[0];
  }

  private async views(tickets: Ticket[], me: StaffPrincipal): Promise<FieldJobView[]> {
    if (!tickets.length) return [];
    const ids = tickets.map((t) => t.id);
    const [views, requests, events, photos] = await Promise.all([
      this.reader.views(tickets, me),
      this.requests.findBy({ ticketId: In(ids) }),
      this.reader.eventsOf(ids),
      this.photos.ofTickets(ids),
    ]);
    return tickets.map((t, i) =>
      toFieldJobView(
        t,
        views[i],
        requests.find((r) => r.ticketId === t.id) ?? null,
        events.filter((e) => e.ticketId === t.id),
        photos.get(t.id),
      ),
    );
  }
}
