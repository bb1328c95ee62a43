import { HttpStatus, Injectable } from '@nestjs/common';
import {
  BookingState,
  ErrorCode,
  FieldInspectionView,
  INSPECTION_CHECKLISTS,
  InspectionResultSchema,
  InspectionResultView,
  TicketEventKind,
  TicketStatus,
  TicketType,
  VisitKind,
  VisitOutcome,
  hazardsClosedBy,
  isOpen,
  missingItems,
  reinspectionItems,
  shanghaiDate,
} from '@utility/shared';
import { z } from 'zod';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { AppError, conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { confirmedInVisit } from '../tickets/resident-ticket-view';
import { TicketReader } from '../tickets/ticket-reader.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsService } from '../tickets/tickets.service';
import { UploadsService } from '../uploads/uploads.service';
import { ticketRef } from './booking-view';
import { FieldInspectionsService } from './field-inspections.service';
import { Hazard } from './hazard.entity';
import { HazardsService } from './hazards.service';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionNotices } from './inspection-notices.service';
import { InspectionSlot } from './inspection-slot.entity';
import { InspectionVisit, RecordedItem } from './inspection-visit.entity';

type ResultBody = z.output<typeof InspectionResultSchema>;
const incomplete = (message: string) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ChecklistIncomplete, message);

interface Outcome {
  opened: number[];
  closed: number[];
  reinspection: Ticket | null;
  stopSupply: Ticket | null;
}

/**
 * 安检结果 at the door, one transaction: the ticket is claimed and put on site, the visit and
 * its photos stored, hazards opened or closed, the booking and ticket moved. A refusal changes nothing.
 */
@Injectable()
export class InspectionResultsService {
  constructor(
    private readonly field: FieldInspectionsService,
    private readonly hazards: HazardsService,
    private readonly notices: InspectionNotices,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly accounts: AccountsService,
    private readonly uploads: UploadsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * 到场: the inspector is at the door. The ticket is claimed (if nobody has it) and put on site, so
   * the resident can confirm the visit in the app (POST /api/my/tickets/:id/confirm) before the
   * result is recorded with `in_app`. Repeating it changes nothing.
   */
  async arrive(me: StaffPrincipal, ticketId: number): Promise<FieldInspectionView> {
    const { before } = await this.visitOf(me, ticketId);
    await this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(ticketId);
      if (ticket.type !== TicketType.Inspection) throw conflict(ErrorCode.TicketTypeMismatch);
      if (!isOpen(ticket.status)) throw conflict(ErrorCode.VisitAlreadyRecorded);
      await this.tickets.arriveForVisit(me, ticket);
    });
    const [current] = await this.reader.byIds([ticketId]);
    return { ...before, ticketStatus: current.status };
  }

  async record(me: StaffPrincipal, ticketId: number, body: ResultBody): Promise<InspectionResultView> {
    const { booking, date, before } = await this.visitOf(me, ticketId);
    const account = (await this.accounts.findById(before.accountId))!;
    const outcome = await this.db.transaction(async (em) => {
      const { ticket, events } = await this.tickets.lockForStep(ticketId);
      if (ticket.type !== TicketType.Inspection) throw conflict(ErrorCode.TicketTypeMismatch);
      const fresh = booking ? await em.findOneBy(InspectionBooking, { id: booking.id }) : null;
      const open = await this.hazards.openOf(account.id);
      const checked = open.filter((h) => h.reinspectionTicketId === ticketId);
      if (!isOpen(ticket.status) || (fresh ? fresh.state !== BookingState.Booked : !checked.length))
        throw conflict(ErrorCode.VisitAlreadyRecorded);
      this.assertItems(body, fresh ? VisitKind.Booking : VisitKind.Reinspection, account, checked);
      // `in_app` is the resident's own word, given in the app during this visit (docs/domain.md#charges):
      // the inspector cannot claim it for them.
      if (body.confirmation?.kind === 'in_app' && !confirmedInVisit(events))
        throw conflict(ErrorCode.ResidentConfirmationRequired);
      const onSite = await this.tickets.arriveForVisit(me, ticket);
      const visitId = await this.storeVisit(me, onSite, fresh, account, body);
      return fresh
        ? this.finishBooking(me, onSite, fresh, account, visitId, body)
        : this.finishReinspection(me, onSite, account, checked, visitId, body);
    });
    const [hazardsOpened, hazardsClosed] = await Promise.all([
      this.hazards.viewsByIds(outcome.opened),
      this.hazards.viewsByIds(outcome.closed),
    ]);
    const visit = (await this.field.day(me, date)).find((v) => v.id === ticketId) ?? {
      ...before,
      recorded: true,
      openHazards: [],
    };
    const [current] = await this.reader.byIds([ticketId]);
    return {
      visit: { ...visit, ticketStatus: current.status, recorded: true },
      hazardsOpened,
      hazardsClosed,
      reinspectionTicket: outcome.reinspection ? ticketRef(outcome.reinspection) : null,
      stopSupplyTicket: outcome.stopSupply ? ticketRef(outcome.stopSupply) : null,
    };
  }

  /** The visit as the inspector's day shows it (404 outside the caller's scope), with its booking and day. */
  private async visitOf(me: StaffPrincipal, ticketId: number) {
    await this.reader.visibleTicket(me, ticketId);
    const booking = await this.db.dataSource.manager.findOneBy(InspectionBooking, { ticketId, active: 1 });
    const slot = booking
      ? await this.db.dataSource.manager.findOneByOrFail(InspectionSlot, { id: booking.slotId })
      : null;
    const date = slot?.date ?? shanghaiDate(this.clock.now());
    return { booking, date, before: await this.field.one(me, ticketId, date) };
  }

  private assertItems(body: ResultBody, kind: VisitKind, account: Account, checked: Hazard[]): void {
    if (body.outcome !== VisitOutcome.Completed) return;
    const codes = body.items.map((i) => i.code);
    const checklist = INSPECTION_CHECKLISTS[account.utility].map((i) => i.code);
    const foreign = codes.filter((c) => !checklist.includes(c));
    if (foreign.length) throw incomplete(`该户不适用的检查项：${foreign.join('、')}`);
    const required = kind === VisitKind.Booking ? checklist : reinspectionItems(checked);
    if (missingItems(required, codes).length) throw incomplete('检查项不完整，请逐项填写检查结果');
  }

  private async storeVisit(
    me: StaffPrincipal,
    ticket: Ticket,
    booking: InspectionBooking | null,
    account: Account,
    body: ResultBody,
  ): Promise<number> {
    const em = this.db.manager;
    const items: RecordedItem[] = body.items.map((i) => ({
      code: i.code,
      ok: i.ok,
      note: i.note,
      photoIds: [...new Set(i.photoIds)],
      severity: i.ok ? null : (i.severity ?? null),
    }));
    const signaturePhotoId = body.confirmation?.kind === 'signature' ? body.confirmation.photoId : null;
    const { identifiers } = await em.insert(InspectionVisit, {
      ticketId: ticket.id,
      bookingId: booking?.id ?? null,
      accountId: account.id,
      kind: booking ? VisitKind.Booking : VisitKind.Reinspection,
      outcome: body.outcome,
      inspectorId: me.id,
      items,
      note: body.note ?? null,
      confirmationKind: body.confirmation?.kind ?? null,
      signaturePhotoId,
      recordedAt: this.clock.now(),
    });
    const visitId = identifiers[0].id as number;
    const owner = { kind: 'staff' as const, id: me.id };
    const photos = items.flatMap((i) => i.photoIds);
    await this.uploads.claim(photos, owner, `inspection_item:${visitId}`, Math.max(6, 6 * items.length));
    if (signaturePhotoId) await this.uploads.claim([signaturePhotoId], owner, `inspection_sign:${visitId}`, 1);
    return visitId;
  }

  private async finishBooking(
    me: StaffPrincipal,
    ticket: Ticket,
    booking: InspectionBooking,
    account: Account,
    visitId: number,
    body: ResultBody,
  ): Promise<Outcome> {
    const em = this.db.manager;
    const none: Outcome = { opened: [], closed: [], reinspection: null, stopSupply: null };
    const setState = async (state: BookingState, active: 1 | null) => {
      const moved = await em.update(
        InspectionBooking,
        { id: booking.id, state: BookingState.Booked },
        { state, active, updatedAt: this.clock.now() },
      );
      if (!moved.affected) throw conflict(ErrorCode.VisitAlreadyRecorded);
    };
    if (body.outcome === VisitOutcome.NobodyHome) {
      // The booking keeps the plan's place for the account: the resident picks a new slot (reschedule).
      await setState(BookingState.Missed, 1);
      await this.handBack(me, ticket, body.note);
      await this.notices.nobodyHome(booking);
      return none;
    }
    if (body.outcome === VisitOutcome.Refused) {
      await setState(BookingState.Refused, null);
      await this.tickets.recordStep(me, ticket, {
        to: TicketStatus.Resolved,
        note: `居民拒绝安检：${body.note}`,
        data: { visitId, outcome: body.outcome },
      });
      return none;
    }
    await setState(BookingState.Done, null);
    const failed = (await em.findOneByOrFail(InspectionVisit, { id: visitId })).items.filter((i) => !i.ok);
    const opened = await this.hazards.open(account, visitId, failed);
    const reinspection = await this.hazards.ensureReinspection(account, null);
    await this.resolve(me, ticket, visitId, body, failed.length);
    return { opened, closed: [], reinspection, stopSupply: null };
  }

  private async finishReinspection(
    me: StaffPrincipal,
    ticket: Ticket,
    account: Account,
    checked: Hazard[],
    visitId: number,
    body: ResultBody,
  ): Promise<Outcome> {
    const em = this.db.manager;
    if (body.outcome === VisitOutcome.NobodyHome) {
      await this.handBack(me, ticket, body.note);
      return { opened: [], closed: [], reinspection: null, stopSupply: null };
    }
    let closed: number[] = [];
    let opened: number[] = [];
    let stopSupply: Ticket | null = null;
    if (body.outcome === VisitOutcome.Refused) {
      stopSupply = await this.hazards.stopSupplyApplication(account, checked, body.note!);
      await this.tickets.recordStep(me, ticket, {
        to: TicketStatus.Resolved,
        note: `居民拒绝整改：${body.note}，已提交停供申请`,
        data: { visitId, outcome: body.outcome },
      });
    } else {
      closed = hazardsClosedBy(checked, body.items);
      await this.hazards.close(closed, visitId);
      const known = new Set(checked.map((h) => h.code));
      const failedNew = (await em.findOneByOrFail(InspectionVisit, { id: visitId })).items.filter(
        (i) => !i.ok && !known.has(i.code),
      );
      opened = await this.hazards.open(account, visitId, failedNew);
      await this.resolve(me, ticket, visitId, body, body.items.filter((i) => !i.ok).length);
    }
    const reinspection = await this.hazards.ensureReinspection(account, ticket.id);
    return { opened, closed, reinspection, stopSupply };
  }

  private async resolve(
    me: StaffPrincipal,
    ticket: Ticket,
    visitId: number,
    body: ResultBody,
    failed: number,
  ): Promise<void> {
    await this.tickets.recordStep(me, ticket, {
      to: TicketStatus.Resolved,
      note: failed ? `安检完成：${failed}项不合格，已开具隐患整改通知` : '安检完成：全部合格',
      data: { visitId, outcome: body.outcome, failed, confirmation: body.confirmation?.kind ?? null },
    });
  }

  /** 上门未遇: the ticket goes back to its queue, still open, with the reason on the timeline. */
  private async handBack(me: StaffPrincipal, ticket: Ticket, note?: string): Promise<void> {
    const reason = note ? `上门未遇：${note}` : '上门未遇';
    await this.tickets.recordStep(me, ticket, {
      to: TicketStatus.Accepted,
      note: reason,
      events: [
        {
          kind: TicketEventKind.HandedOver,
          note: reason,
          data: { previousAssigneeId: me.id, fromStatus: ticket.status },
        },
      ],
    });
  }
}
