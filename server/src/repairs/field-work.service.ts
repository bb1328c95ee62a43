import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ArriveRequest,
  DepartRequest,
  ErrorCode,
  FieldJobView,
  HandOverRequest,
  QuoteItemError,
  ResolveJobRequest,
  SendQuoteRequest,
  SignQuoteRequest,
  TemperatureReadingView,
  TemperatureRequest,
  TicketEventKind,
  TicketStatus,
  TicketType,
  formatYuan,
  priceQuote,
  roomTemperatureStandard,
} from '@utility/shared';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { AppError, conflict, forbidden, unprocessable } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { confirmedInVisit } from '../tickets/resident-ticket-view';
import { TicketEvent } from '../tickets/ticket-event.entity';
import { TicketPhotos } from '../tickets/ticket-photos.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { acceptedSinceAssigned, inWorkOrder, toFieldJobView } from './field-job-view';
import { PriceListService } from './price-list.service';
import { RepairQuote } from './repair-quote.entity';
import { currentQuote, toQuoteView } from './repair-quotes';
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
  signed: r.signaturePhotoId !== null,
  residentConfirmed: r.residentConfirmedAt !== null,
});

/** A reading counts once the resident signed it on the phone or confirmed it in the app (docs/domain.md#room-temperature). */
const countsAsSigned = (r: RoomTemperatureReading) => r.signaturePhotoId !== null || r.residentConfirmedAt !== null;

/** A quote may go out once the job is the technician's, before or at the visit. */
const QUOTABLE = [TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite];

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
    @InjectRepository(RepairQuote) private readonly quotes: Repository<RepairQuote>,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly uploads: UploadsService,
    private readonly photos: TicketPhotos,
    private readonly priceList: PriceListService,
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
        : this.tickets.recordStep(me, ticket, { events: [{ kind: TicketEventKind.JobAccepted, note: '已接单' }] }),
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
      return this.tickets.recordStep(me, ticket, {
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
      this.tickets.recordStep(me, ticket, {
        to: TicketStatus.OnSite,
        data: body.location ? { latitude: body.location.latitude, longitude: body.location.longitude } : undefined,
      }),
    );
  }

  /**
   * 报价: items of the operator's price list, priced by the server, sent to the resident before the work
   * (docs/domain.md#charges). A newer quote supersedes the visit's earlier one, accepted or not:
   * the resident must agree to what they will be charged.
   */
  async sendQuote(me: StaffPrincipal, id: number, body: SendQuoteRequest): Promise<FieldJobView> {
    let priced: ReturnType<typeof priceQuote>;
    try {
      // The operator's list as it is now: a retired item is no longer quoted.
      priced = priceQuote(body.items, await this.priceList.quotable());
    } catch (error) {
      if (error instanceof QuoteItemError)
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.QuoteItemUnknown, undefined, [
          { path: 'items', message: `报价项目「${error.itemCode}」不在价目表中，或数量不正确` },
        ]);
      throw error;
    }
    return this.step(me, id, QUOTABLE, async (em, ticket) => {
      const now = this.clock.now();
      const earlier = await currentQuote(ticket.id);
      if (earlier) await em.update(RepairQuote, { id: earlier.id }, { status: 'superseded' });
      const { identifiers } = await em.insert(RepairQuote, {
        ticketId: ticket.id,
        technicianId: me.id,
        lines: priced.lines,
        totalFen: priced.totalFen,
        status: 'pending',
        sentAt: now,
        acceptedAt: null,
        acceptedVia: null,
        acceptedByResidentId: null,
        signaturePhotoId: null,
        resultId: null,
      });
      const quoteId = identifiers[0].id as number;
      const items = priced.lines.map((l) => `${l.name}×${l.qty}`).join('、');
      // The resident is told of it (items, total, 待您确认) from this event, by the notice planner.
      return this.tickets.recordStep(me, ticket, {
        events: [
          {
            kind: TicketEventKind.QuoteSent,
            note: `报价已发送：${items}，合计${formatYuan(priced.totalFen)}`,
            data: { quoteId, totalFen: priced.totalFen, items, supersedes: earlier?.id ?? null },
          },
        ],
      });
    });
  }

  /** The resident signed the visit's quote on the technician's phone: accepted, with the signature kept. */
  signQuote(me: StaffPrincipal, id: number, body: SignQuoteRequest): Promise<FieldJobView> {
    return this.step(me, id, QUOTABLE, async (em, ticket) => {
      const quote = await currentQuote(ticket.id);
      if (!quote || quote.id !== body.quoteId) throw conflict(ErrorCode.QuoteChanged);
      if (quote.status === 'accepted') return ticket;
      await this.uploads.claim([body.photoId], { kind: 'staff', id: me.id }, `quote_sign:${quote.id}`, 1);
      await em.update(
        RepairQuote,
        { id: quote.id, status: 'pending' },
        { status: 'accepted', acceptedAt: this.clock.now(), acceptedVia: 'signature', signaturePhotoId: body.photoId },
      );
      return this.tickets.recordStep(me, ticket, {
        events: [
          {
            kind: TicketEventKind.QuoteAccepted,
            note: `用户已签字同意报价，合计${formatYuan(quote.totalFen)}`,
            data: { quoteId: quote.id, totalFen: quote.totalFen, via: 'signature', photoId: body.photoId },
          },
        ],
      });
    });
  }

  /**
   * 处理完成: the result, its photos (before, after, the resident's signature) and the move, together.
   * Chargeable work is charged at the visit's quote, which the resident must have accepted first
   * (409 QUOTE_REQUIRED); `in_app` needs the resident's own confirmation in this visit (409
   * RESIDENT_CONFIRMATION_REQUIRED); a room-temperature job a reading the resident signed or confirmed.
   */
  resolve(me: StaffPrincipal, id: number, body: ResolveJobRequest): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.OnSite], async (em, ticket, events) => {
      if (ticket.type === TicketType.RoomTemperature) {
        const readings = await em.findBy(RoomTemperatureReading, { ticketId: ticket.id });
        if (!readings.length) throw new AppError(HttpStatus.CONFLICT, ErrorCode.TemperatureRequired);
        if (!readings.some(countsAsSigned)) throw conflict(ErrorCode.TemperatureUnsigned);
      }
      const quote = await currentQuote(ticket.id);
      if (body.chargeable && quote?.status !== 'accepted') throw conflict(ErrorCode.QuoteRequired);
      if (body.confirmation.kind === 'in_app' && !confirmedInVisit(events))
        throw conflict(ErrorCode.ResidentConfirmationRequired);
      const chargeFen = body.chargeable ? quote!.totalFen : null;
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
        chargeFen,
        quoteId: body.chargeable ? quote!.id : null,
        residentConsentToCharge: body.chargeable,
        confirmationKind: body.confirmation.kind,
        signaturePhotoId,
        resolvedAt: this.clock.now(),
      });
      const resultId = identifiers[0].id as number;
      // The visit is over: its quote (charged, or left unused by free work) is closed with it.
      if (quote) await em.update(RepairQuote, { id: quote.id }, { resultId });
      const owner = { kind: 'staff' as const, id: me.id };
      await this.uploads.claim(body.photoIdsBefore, owner, `repair_before:${resultId}`);
      await this.uploads.claim(body.photoIdsAfter, owner, `repair_after:${resultId}`);
      if (signaturePhotoId) await this.uploads.claim([signaturePhotoId], owner, `repair_sign:${resultId}`, 1);
      return this.tickets.recordStep(me, ticket, {
        to: TicketStatus.Resolved,
        means: 'job_result',
        note: body.diagnosis,
        data: {
          resultId,
          chargeable: body.chargeable,
          chargeFen,
          quoteId: body.chargeable ? quote!.id : null,
          confirmation: body.confirmation.kind,
        },
      });
    });
  }

  /** 退回: someone who cannot finish says why and gives the ticket back to its queue; its clocks run on untouched. */
  handOver(me: StaffPrincipal, id: number, body: HandOverRequest): Promise<FieldJobView> {
    return this.step(me, id, [TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite], (em, ticket) =>
      this.tickets.recordStep(me, ticket, {
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
          signaturePhotoId: body.signaturePhotoId ?? null,
          residentConfirmedAt: null,
        });
        readingId = identifiers[0].id as number;
        if (body.signaturePhotoId)
          await this.uploads.claim([body.signaturePhotoId], { kind: 'staff', id: me.id }, `temp_sign:${readingId}`, 1);
        return this.tickets.recordStep(me, ticket, {
          events: [
            {
              kind: TicketEventKind.TemperatureRecorded,
              note: `室温${(deciCelsius / 10).toFixed(1)}℃，标准≥${minCelsius}℃，${belowStandard ? '不达标' : '达标'}，${body.signaturePhotoId ? '居民已签字' : '待居民在小程序中确认'}`,
              data: {
                readingId,
                celsius: deciCelsius / 10,
                minCelsius,
                belowStandard,
                measuredAt: measuredAt.toISOString(),
                signed: Boolean(body.signaturePhotoId),
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
      const { ticket, events } = await this.tickets.lockForStep(id);
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
    const [views, requests, events, quotes, photos] = await Promise.all([
      this.reader.views(tickets, me),
      this.requests.findBy({ ticketId: In(ids) }),
      this.reader.eventsOf(ids),
      this.quotes.find({ where: { ticketId: In(ids), resultId: IsNull(), status: Not('superseded') } }),
      this.photos.ofTickets(ids),
    ]);
    return tickets.map((t, i) => {
      const own = events.filter((e) => e.ticketId === t.id);
      const quote = quotes.filter((q) => q.ticketId === t.id).sort((a, b) => b.id - a.id)[0];
      return {
        ...toFieldJobView(t, views[i], requests.find((r) => r.ticketId === t.id) ?? null, own, photos.get(t.id)),
        quote: quote ? toQuoteView(quote) : null,
        residentConfirmed: t.status === TicketStatus.OnSite && confirmedInVisit(own),
      };
    });
  }
}
