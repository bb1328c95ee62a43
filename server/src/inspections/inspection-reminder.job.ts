import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BookingState, addCalendarDays, shanghaiDate } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { InspectionBooking } from './inspection-booking.entity';
import { slotWords } from './inspection-bookings.service';
import { InspectionNotices } from './inspection-notices.service';
import { InspectionSettings } from './inspection-rules.config';
import { InspectionSlot } from './inspection-slot.entity';

/**
 * The day-before reminder: every run queues a notice for each booking of tomorrow's slots; the
 * dedupe key (booking, slot) makes repeated runs and several processes queue it once.
 */
@Injectable()
export class InspectionReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InspectionReminderJob.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(InspectionSlot) private readonly slots: Repository<InspectionSlot>,
    @InjectRepository(InspectionBooking) private readonly bookings: Repository<InspectionBooking>,
    private readonly notices: InspectionNotices,
    private readonly settings: InspectionSettings,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.reminderSeconds) return;
    this.timer = setInterval(
      () => void this.run().catch((e) => this.logger.error(e)),
      this.settings.reminderSeconds * 1000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Returns how many reminders were newly queued. */
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
