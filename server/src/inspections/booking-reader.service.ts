import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InspectionBookingView } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { toBookingView } from './booking-view';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectionSlotsService } from './inspection-slots.service';

/** Bookings as the resident sees them. */
@Injectable()
export class BookingReader {
  constructor(
    @InjectRepository(InspectionBooking) private readonly bookings: Repository<InspectionBooking>,
    @InjectRepository(InspectionPlan) private readonly plans: Repository<InspectionPlan>,
    private readonly slots: InspectionSlotsService,
    private readonly accounts: AccountsService,
    private readonly tickets: TicketReader,
  ) {}

  /** The account's bookings, newest first. */
  async ofAccount(accountId: number): Promise<InspectionBookingView[]> {
    return this.views(
      await this.bookings.find({ where: { accountId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 50 }),
    );
  }

  async one(id: number): Promise<InspectionBookingView> {
    return (await this.views([await this.bookings.findOneByOrFail({ id })]))[0];
  }

  async views(rows: InspectionBooking[]): Promise<InspectionBookingView[]> {
    if (!rows.length) return [];
    const [slots, plans, accounts, tickets] = await Promise.all([
      this.slots.findByIds(rows.map((b) => b.slotId)),
      this.plans.findBy({ id: In([...new Set(rows.map((b) => b.planId))]) }),
      this.accounts.findByIds([...new Set(rows.map((b) => b.accountId))]),
      this.tickets.byIds(rows.map((b) => b.ticketId)),
    ]);
    return rows.map((b) => {
      const slot = slots.find((s) => s.id === b.slotId)!;
      return toBookingView(b, {
        account: accounts.find((a) => a.id === b.accountId)!,
        planName: plans.find((p) => p.id === b.planId)?.name ?? '',
        slot: this.slots.view(slot),
        ticket: tickets.find((t) => t.id === b.ticketId)!,
        beforeCutoff: this.slots.bookable(slot),
      });
    });
  }
}
