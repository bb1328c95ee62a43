import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  InspectionSlotView,
  SLOT_HALF_LABELS,
  addCalendarDays,
  beforeCutoff,
  bookingCutoff,
  shanghaiDate,
} from '@utility/shared';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { InspectionSettings } from './inspection-rules.config';
import { InspectionSlot } from './inspection-slot.entity';
import { Db } from '../common/db';

/** Bookable slots and the places in them. */
@Injectable()
export class InspectionSlotsService {
  constructor(
    private readonly db: Db,
    @InjectRepository(InspectionSlot) private readonly slots: Repository<InspectionSlot>,
    private readonly settings: InspectionSettings,
    private readonly clock: Clock,
  ) {}

  /** The district's open slots from today for the next INSPECTION_BOOKING_DAYS days with places left, before their cut-off. */
  async openSlots(districtId: number): Promise<InspectionSlotView[]> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const rows = await this.slots
      .createQueryBuilder('s')
      .where('s.districtId = :districtId AND s.closedAt IS NULL AND s.booked < s.capacity', { districtId })
      .andWhere('s.date >= :today AND s.date <= :last', {
        today,
        last: addCalendarDays(today, this.settings.bookingDays),
      })
      .orderBy('s.date', 'ASC')
      .addOrderBy('s.half', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    return rows.filter((s) => beforeCutoff(s.date, now, this.settings.cutoff)).map((s) => this.view(s));
  }

  findById(id: number): Promise<InspectionSlot | null> {
    return this.slots.findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<InspectionSlot[]> {
    return ids.length ? this.slots.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  bookable(slot: InspectionSlot): boolean {
    return beforeCutoff(slot.date, this.clock.now(), this.settings.cutoff);
  }

  /**
   * Takes one place: the conditional UPDATE is the lock, so of many processes racing for the
   * last place exactly one matches. False when the slot is full or closed.
   */
  async take(slotId: number): Promise<boolean> {
    const em = this.db.manager;
    const result = await em
      .createQueryBuilder()
      .update(InspectionSlot)
      .set({ booked: () => 'booked + 1' })
      .where('id = :slotId AND booked < capacity AND closedAt IS NULL', { slotId })
      .execute();
    return result.affected === 1;
  }

  /** Gives a place back (cancel, reschedule, a plan change). */
  async release(slotId: number): Promise<void> {
    const em = this.db.manager;
    await em
      .createQueryBuilder()
      .update(InspectionSlot)
      .set({ booked: () => 'booked - 1' })
      .where('id = :slotId AND booked > 0', { slotId })
      .execute();
  }

  view(s: InspectionSlot): InspectionSlotView {
    return {
      id: s.id,
      planId: s.planId,
      date: s.date,
      half: s.half,
      halfLabel: SLOT_HALF_LABELS[s.half],
      capacity: s.capacity,
      left: Math.max(0, s.capacity - s.booked),
      cutoffAt: bookingCutoff(s.date, this.settings.cutoff).toISOString(),
    };
  }
}
