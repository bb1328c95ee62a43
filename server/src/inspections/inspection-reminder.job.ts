import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BookingState, addCalendarDays, shanghaiDate } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { InspectionBooking } from './inspection-booking.entity';
import { slotWords } from './inspection-bookings.service';
import { InspectionNotices } from './inspection-notices.service';
import { InspectionSlot } from './inspection-slot.entity';

/**
 * The day-before reminder: every run queues a notice for each booking of tomorrow's slots; the
 * dedupe key (booking, slot) makes repeated runs and several processes queue it once.
 */
@Injectable()
export class InspectionReminderJob {
  constructor(
    @InjectRepository(InspectionSlot) private readonly slots: Repository<InspectionSlot>,
    @InjectRepository(InspectionBooking) private readonly bookings: Repository<InspectionBooking>,
    private readonly notices: InspectionNotices,
    private readonly clock: Clock,
  ) {}

  /** Job `inspection-reminders` (every INSPECTION_REMINDER_SECONDS); returns how many reminders were newly queued. */
  @BackgroundJob('inspection-reminders')
  async run(): Promise<number> {
    const tomorrow = addCalendarDays(shanghaiDate(this.clock.now()), 1);
    const slots = await this.slots.findBy({ date: tomorrow });
    if (!slots.length) return 0;
    const due = await this.bookings.findBy({ slotId: In(slots.map((s) => s.id)), state: BookingState.Booked });
    let queued = 0;
    for (const b of due) {
      if (await this.notices.reminder(b, slotWords(slots.find((s) => s.id === b.slotId)!))) queued++;
    }
    return queued;
  }
}
