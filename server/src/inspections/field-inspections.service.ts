import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BookingState,
  FieldInspectionView,
  HazardStatus,
  INSPECTION_CHECKLISTS,
  Role,
  SLOT_HALF_LABELS,
  VisitKind,
  checklistLabel,
  isOpen,
  maskName,
  maskPhone,
  reinspectionItems,
  shanghaiDate,
} from '@utility/shared';
import { In, IsNull, Not, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { notFound } from '../common/app-error';
import { StaffPrincipal } from '../common/principal';
import { TicketReader } from '../tickets/ticket-reader.service';
import { Hazard } from './hazard.entity';
import { HazardsService } from './hazards.service';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionSlot } from './inspection-slot.entity';

/** The inspector's day: booked visits of the date and open re-inspections, ordered by address. */
@Injectable()
export class FieldInspectionsService {
  constructor(
    @InjectRepository(InspectionSlot) private readonly slots: Repository<InspectionSlot>,
    @InjectRepository(InspectionBooking) private readonly bookings: Repository<InspectionBooking>,
    @InjectRepository(Hazard) private readonly hazardRows: Repository<Hazard>,
    private readonly hazards: HazardsService,
    private readonly accounts: AccountsService,
    private readonly tickets: TicketReader,
  ) {}

  /** Inspectors and supervisors see their district, admins every district. */
  async day(me: StaffPrincipal, date: string): Promise<FieldInspectionView[]> {
    const district = me.role === Role.Admin ? {} : { districtId: me.districtId ?? -1 };
    const slots = await this.slots.findBy({ ...district, date });
    const bookings = slots.length
      ? await this.bookings.findBy({ slotId: In(slots.map((s) => s.id)), state: Not(BookingState.Cancelled) })
      : [];
    const hazards = await this.hazardRows.findBy({
      ...district,
      status: HazardStatus.Open,
      reinspectionTicketId: Not(IsNull()),
    });
    const ticketIds = [...bookings.map((b) => b.ticketId), ...hazards.map((h) => h.reinspectionTicketId!)];
    const [tickets, accounts, hazardViews] = await Promise.all([
      this.tickets.byIds(ticketIds),
      this.accounts.findByIds([...new Set([...bookings.map((b) => b.accountId), ...hazards.map((h) => h.accountId)])]),
      this.hazards.views(hazards),
    ]);
    const visits: FieldInspectionView[] = [];
    for (const b of bookings) {
      const slot = slots.find((s) => s.id === b.slotId)!;
      const ticket = tickets.find((t) => t.id === b.ticketId)!;
      const account = accounts.find((a) => a.id === b.accountId)!;
      visits.push({
        id: ticket.id,
        ticketNo: ticket.no ?? String(ticket.id),
        kind: VisitKind.Booking,
        ticketStatus: ticket.status,
        accountId: account.id,
        accountNo: account.accountNo,
        address: account.address,
        contactName: maskName(ticket.contactName),
        contactPhone: ticket.contactPhone ? maskPhone(ticket.contactPhone) : null,
        date,
        half: slot.half,
        halfLabel: SLOT_HALF_LABELS[slot.half],
        dueAt: slot.endsAt.toISOString(),
        bookingId: b.id,
        bookingState: b.state,
        checklist: INSPECTION_CHECKLISTS[account.utility].map((i) => ({ code: i.code, label: i.label })),
        openHazards: hazardViews.filter((h) => h.accountId === account.id),
        recorded: b.state !== BookingState.Booked,
      });
    }
    for (const ticketId of new Set(hazards.map((h) => h.reinspectionTicketId!))) {
      const ticket = tickets.find((t) => t.id === ticketId);
      if (!ticket || !isOpen(ticket.status) || shanghaiDate(ticket.createdAt) > date) continue;
      const mine = hazards.filter((h) => h.reinspectionTicketId === ticketId);
      const account = accounts.find((a) => a.id === mine[0].accountId)!;
      const views = hazardViews.filter((h) => mine.some((m) => m.id === h.id));
      visits.push({
        id: ticket.id,
        ticketNo: ticket.no ?? String(ticket.id),
        kind: VisitKind.Reinspection,
        ticketStatus: ticket.status,
        accountId: account.id,
        accountNo: account.accountNo,
        address: account.address,
        contactName: maskName(account.holderName),
        contactPhone: null,
        date,
        half: null,
        halfLabel: null,
        dueAt: views.map((h) => h.deadline).sort()[0],
        bookingId: null,
        bookingState: null,
        checklist: reinspectionItems(mine).map((code) => ({ code, label: checklistLabel(account.utility, code) })),
        openHazards: views,
        recorded: false,
      });
    }
    return visits.sort((a, b) => a.address.localeCompare(b.address, 'zh-CN') || a.id - b.id);
  }

  /** One visit of the day list by its ticket id (404 outside the caller's district). */
  async one(me: StaffPrincipal, ticketId: number, date: string): Promise<FieldInspectionView> {
    const visit = (await this.day(me, date)).find((v) => v.id === ticketId);
    if (!visit) throw notFound();
    return visit;
  }
}
