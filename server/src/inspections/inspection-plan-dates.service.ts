import { HttpStatus, Injectable } from '@nestjs/common';
import {
  BookingState,
  DateRange,
  ErrorCode,
  PlanRangeError,
  generatePlanSlots,
  inRange,
  rangeChangeAllowed,
  shanghaiDate,
} from '@utility/shared';
import { In, IsNull } from 'typeorm';
import { AppError, conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { SlaService } from '../sla/sla.service';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionBookingsService } from './inspection-bookings.service';
import { InspectionNotices } from './inspection-notices.service';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectionSlot } from './inspection-slot.entity';
import { Db } from '../common/db';

const invalid = (message: string) => new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, message);

/** Moving a plan's start or end: days that drop out close (their bookings cancelled, residents told), new days open. */
@Injectable()
export class InspectionPlanDates {
  constructor(
    private readonly db: Db,
    private readonly bookings: InspectionBookingsService,
    private readonly notices: InspectionNotices,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  /** In the caller's transaction, on a plan read before it (409 if someone changed its dates meanwhile). */
  async change(actor: StaffPrincipal, plan: InspectionPlan, next: DateRange, reason: string): Promise<void> {
    const em = this.db.manager;
    const now = this.clock.now();
    if (next.endDate < next.startDate) throw invalid('结束日期不能早于开始日期');
    if (!rangeChangeAllowed(plan, next, shanghaiDate(now))) throw invalid('只能调整明天及以后的日期');
    let wanted;
    try {
      wanted = generatePlanSlots(
        { ...next, halves: plan.halves, capacity: plan.capacity },
        await this.sla.workCalendar(),
      );
    } catch (error) {
      if (error instanceof PlanRangeError) throw invalid('计划最长一年');
      throw error;
    }
    const moved = await em.update(
      InspectionPlan,
      { id: plan.id, startDate: plan.startDate, endDate: plan.endDate, cancelledAt: IsNull() },
      next,
    );
    if (!moved.affected) throw conflict(ErrorCode.Conflict);
    // Close first, before any plain read: the UPDATE waits for bookings racing on those slots, and
    // the reads below then see them (a snapshot taken earlier would miss them).
    await em
      .createQueryBuilder()
      .update(InspectionSlot)
      .set({ closedAt: now })
      .where('planId = :id AND closedAt IS NULL AND (date < :startDate OR date > :endDate)', { id: plan.id, ...next })
      .execute();
    const slots = await em.findBy(InspectionSlot, { planId: plan.id });
    const dropped = new Map(slots.filter((s) => !inRange(s.date, next)).map((s) => [s.id, s]));
    const affected = await em.findBy(InspectionBooking, { planId: plan.id, active: 1, state: BookingState.Booked });
    for (const booking of affected.filter((b) => dropped.has(b.slotId))) {
      await this.bookings.cancelIn(actor, booking, `安检计划日期调整：${reason}`, false);
      await this.notices.datesChanged(booking, reason);
    }
    // Days back in range reopen (closing gave every place back); days new to the plan get slots.
    const reopen = slots.filter((s) => s.closedAt && inRange(s.date, next)).map((s) => s.id);
    if (reopen.length) await em.update(InspectionSlot, { id: In(reopen) }, { closedAt: null, capacity: plan.capacity });
    const have = new Set(slots.map((s) => `${s.date}:${s.half}`));
    const added = wanted.filter((s) => !have.has(`${s.date}:${s.half}`));
    for (let i = 0; i < added.length; i += 200) {
      await em.insert(
        InspectionSlot,
        added
          .slice(i, i + 200)
          .map((s) => ({ ...s, planId: plan.id, districtId: plan.districtId, booked: 0, closedAt: null })),
      );
    }
  }
}
