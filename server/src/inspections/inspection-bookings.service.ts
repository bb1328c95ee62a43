import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import {
  BookInspectionRequest,
  BookingState,
  Channel,
  ErrorCode,
  InspectionBookingView,
  SLOT_HALF_LABELS,
  TicketEventKind,
  TicketStatus,
  TicketType,
} from '@utility/shared';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { AppError, conflict, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { Actor, ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { ResidentsService } from '../residents/residents.service';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketsService } from '../tickets/tickets.service';
import { BookingReader } from './booking-reader.service';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionSlot } from './inspection-slot.entity';
import { InspectionSlotsService } from './inspection-slots.service';

const unprocessable = (code: ErrorCode) => new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code);
export const slotWords = (s: Pick<InspectionSlot, 'date' | 'half'>) => `${s.date} ${SLOT_HALF_LABELS[s.half]}`;

export interface BookingCreated {
  view: InspectionBookingView;
  replayed: boolean;
}

/**
 * Book, reschedule, cancel. Each is one transaction: the slot's place (conditional UPDATE), the
 * booking row and the ticket change commit together, so a refusal changes nothing.
 */
@Injectable()
export class InspectionBookingsService implements OnModuleInit {
  constructor(
    private readonly slots: InspectionSlotsService,
    private readonly reader: BookingReader,
    private readonly tickets: TicketsService,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly residents: ResidentsService,
    private readonly idempotency: IdempotencyService,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly extensions: TicketExtensions,
  ) {}

  onModuleInit(): void {
    // 取消 on the request in 我的报修 is cancelling the booking: the place goes back and the cut-off holds.
    this.extensions.addResidentCancel(TicketType.Inspection, async (me, ticket, note) => {
      const booking = await this.db.dataSource.manager.findOne(InspectionBooking, {
        where: { ticketId: ticket.id },
        order: { id: 'DESC' },
      });
      if (!booking) throw notFound();
      await this.cancel(me, booking.id, note === '居民取消' ? undefined : note);
    });
  }

  async list(me: ResidentPrincipal, accountId: number): Promise<InspectionBookingView[]> {
    await this.bindings.assertBound(me.id, accountId);
    return this.reader.ofAccount(accountId);
  }

  /** 404 unless the resident bound it: another household's account is not even confirmed to exist. */
  async boundAccount(me: ResidentPrincipal, accountId: number): Promise<Account> {
    await this.bindings.assertBound(me.id, accountId);
    const account = await this.accounts.findById(accountId);
    if (!account) throw notFound();
    return account;
  }

  async book(me: ResidentPrincipal, body: BookInspectionRequest, key: string | undefined): Promise<BookingCreated> {
    const account = await this.boundAccount(me, body.accountId);
    const phone = (await this.residents.findActive(me.id))?.phone ?? '';
    const created = await this.alreadyBookedOnDuplicate(() =>
      this.idempotency.create(`resident:${me.id}`, key, 'inspection', body, async (em) => {
        const slot = await this.bookableSlot(account, body.slotId);
        if (await em.existsBy(InspectionBooking, { planId: slot.planId, accountId: account.id, active: 1 })) {
          throw conflict(ErrorCode.InspectionAlreadyBooked);
        }
        // The first write and the only lock racers queue on: a loser is refused as soon as it gets it.
        if (!(await this.slots.take(slot.id))) throw conflict(ErrorCode.SlotFull);
        const ticket = await this.tickets.intake(me, {
          type: TicketType.Inspection,
          accountNo: account.accountNo,
          address: account.address,
          contactName: account.holderName,
          contactPhone: phone,
          description: `安检预约：${slotWords(slot)}`,
          channel: Channel.Miniapp,
          window: { start: slot.startsAt, end: slot.endsAt },
        });
        await this.tickets.moveResolveDeadline(null, ticket, slot.endsAt, `预约时段：${slotWords(slot)}`);
        const now = this.clock.now();
        const { identifiers } = await em.insert(InspectionBooking, {
          planId: slot.planId,
          slotId: slot.id,
          accountId: account.id,
          residentId: me.id,
          ticketId: ticket.id,
          state: BookingState.Booked,
          active: 1,
          createdAt: now,
          updatedAt: now,
        });
        return identifiers[0].id as number;
      }),
    );
    return { view: await this.reader.one(created.resourceId), replayed: created.replayed };
  }

  /** A booked slot before its cut-off, or a missed visit (nobody home): to another slot of the district. */
  async reschedule(me: ResidentPrincipal, id: number, slotId: number): Promise<InspectionBookingView> {
    const booking = await this.ownBooking(me, id);
    await this.alreadyBookedOnDuplicate(() =>
      this.db.transaction(async (em) => {
        const current = await em.findOneByOrFail(InspectionBooking, { id });
        await this.assertChangeable(current);
        if (current.slotId === slotId && current.state === BookingState.Booked) return;
        const account = (await this.accounts.findById(current.accountId))!;
        const slot = await this.bookableSlot(account, slotId);
        // Slot locks in id order, so two residents swapping slots cannot deadlock.
        if (current.slotId < slot.id) await this.slots.release(current.slotId);
        if (!(await this.slots.take(slot.id))) throw conflict(ErrorCode.SlotFull);
        if (current.slotId > slot.id) await this.slots.release(current.slotId);
        const moved = await em.update(
          InspectionBooking,
          { id, state: current.state, slotId: current.slotId },
          { slotId: slot.id, planId: slot.planId, state: BookingState.Booked, updatedAt: this.clock.now() },
        );
        if (!moved.affected) throw conflict(ErrorCode.Conflict);
        await this.tickets.moveResolveDeadline(
          me,
          { id: current.ticketId, type: TicketType.Inspection },
          slot.endsAt,
          `改约至：${slotWords(slot)}`,
          { start: slot.startsAt, end: slot.endsAt },
        );
      }),
    );
    return this.reader.one(booking.id);
  }

  async cancel(me: ResidentPrincipal, id: number, reason?: string): Promise<InspectionBookingView> {
    await this.ownBooking(me, id);
    await this.db.transaction(async (em) => {
      const current = await em.findOneByOrFail(InspectionBooking, { id });
      await this.assertChangeable(current);
      await this.cancelIn(me, current, reason ? `居民取消安检预约：${reason}` : '居民取消安检预约');
    });
    return this.reader.one(id);
  }

  /** Cancels a booking and its ticket and gives the place back (resident, or a plan change by staff). */
  async cancelIn(actor: Actor, booking: InspectionBooking, note: string, strict = true): Promise<void> {
    const em = this.db.manager;
    const done = await em.update(
      InspectionBooking,
      { id: booking.id, state: booking.state, active: 1 },
      { state: BookingState.Cancelled, active: null, updatedAt: this.clock.now() },
    );
    if (!done.affected) throw conflict(ErrorCode.Conflict);
    await this.slots.release(booking.slotId);
    const { ticket } = await this.tickets.lockForStep(booking.ticketId);
    if (ticket.status === TicketStatus.Submitted || ticket.status === TicketStatus.Accepted) {
      await this.tickets.recordStep(actor, ticket, { to: TicketStatus.Cancelled, note });
    } else if (strict) {
      throw conflict(ErrorCode.TransitionNotAllowed);
    } else {
      // An inspector already works it: staff sort the visit out; the timeline says why.
      await this.tickets.recordStep(actor, ticket, { events: [{ kind: TicketEventKind.Note, note }] });
    }
  }

  private async ownBooking(me: ResidentPrincipal, id: number): Promise<InspectionBooking> {
    const booking = await this.db.dataSource.manager.findOneBy(InspectionBooking, { id });
    if (!booking) throw notFound();
    await this.bindings.assertBound(me.id, booking.accountId);
    return booking;
  }

  private async assertChangeable(booking: InspectionBooking): Promise<void> {
    const em = this.db.manager;
    if (booking.state === BookingState.Missed) return;
    if (booking.state !== BookingState.Booked) throw conflict(ErrorCode.BookingNotChangeable);
    const slot = await em.findOneByOrFail(InspectionSlot, { id: booking.slotId });
    if (!this.slots.bookable(slot)) throw unprocessable(ErrorCode.BookingCutoffPassed);
  }

  /** A slot of the account's district, open, before its cut-off (full is checked by taking a place). */
  private async bookableSlot(account: Account, slotId: number): Promise<InspectionSlot> {
    const em = this.db.manager;
    const slot = await em.findOneBy(InspectionSlot, { id: slotId });
    if (!slot || slot.districtId !== account.districtId || slot.closedAt)
      throw unprocessable(ErrorCode.SlotNotBookable);
    if (!this.slots.bookable(slot)) throw unprocessable(ErrorCode.BookingCutoffPassed);
    return slot;
  }

  /** The unique (plan, account, active) key is the last word when two bookings race. */
  private async alreadyBookedOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.InspectionAlreadyBooked);
      throw error;
    }
  }
}
