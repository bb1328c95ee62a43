import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BookingState,
  CreateInspectionPlanSchema,
  ErrorCode,
  InspectionPlanView,
  PLAN_PERIOD_LABELS,
  PlanPeriod,
  PlanRangeError,
  Role,
  SlotHalf,
  UpdateInspectionPlanSchema,
  addCalendarDays,
  generatePlanSlots,
  shanghaiDate,
} from '@utility/shared';
import { z } from 'zod';
import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { AppError, forbidden, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgService } from '../org/org.service';
import { SlaService } from '../sla/sla.service';
import { InspectionBookingsService } from './inspection-bookings.service';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectionSlot } from './inspection-slot.entity';
import { InspectionNotices } from './inspection-notices.service';
import { InspectionPlanDates } from './inspection-plan-dates.service';

type CreatePlan = z.output<typeof CreateInspectionPlanSchema>;
type UpdatePlan = z.output<typeof UpdateInspectionPlanSchema>;

/** Plans of a district and the slots they open; a supervisor of the district or an admin manages them. */
@Injectable()
export class InspectionPlansService {
  constructor(
    @InjectRepository(InspectionPlan) private readonly plans: Repository<InspectionPlan>,
    @InjectRepository(InspectionSlot) private readonly slotRows: Repository<InspectionSlot>,
    private readonly bookings: InspectionBookingsService,
    private readonly notices: InspectionNotices,
    private readonly dates: InspectionPlanDates,
    private readonly sla: SlaService,
    private readonly org: OrgService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(me: StaffPrincipal): Promise<InspectionPlanView[]> {
    const where = me.role === Role.Admin ? {} : { districtId: me.districtId ?? -1 };
    return Promise.all(
      (await this.plans.find({ where, order: { startDate: 'DESC', id: 'DESC' }, take: 100 })).map((p) => this.view(p)),
    );
  }

  async create(me: StaffPrincipal | null, body: CreatePlan): Promise<InspectionPlanView> {
    if (me) this.assertManages(me, body.districtId);
    if (!(await this.org.findDistrict(body.districtId)))
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '片区不存在');
    let slots;
    try {
      slots = generatePlanSlots(body, await this.sla.workCalendar());
    } catch (error) {
      if (error instanceof PlanRangeError)
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '计划最长一年');
      throw error;
    }
    const id = await this.db.transaction(async (em) => {
      const { identifiers } = await em.insert(InspectionPlan, {
        districtId: body.districtId,
        name: body.name,
        period: body.period,
        startDate: body.startDate,
        endDate: body.endDate,
        halves: body.halves,
        capacity: body.capacity,
        createdById: me?.id ?? null,
        createdAt: this.clock.now(),
        cancelledAt: null,
        cancelReason: null,
      });
      const planId = identifiers[0].id as number;
      for (let i = 0; i < slots.length; i += 200) {
        await em.insert(
          InspectionSlot,
          slots
            .slice(i, i + 200)
            .map((s) => ({ ...s, planId, districtId: body.districtId, booked: 0, closedAt: null })),
        );
      }
      return planId;
    });
    return this.view(await this.plans.findOneByOrFail({ id }));
  }

  /** Demo seed: a monthly plan from today for the next 30 days, unless one already covers today. */
  async ensureCurrentPlan(districtId: number): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    const current = await this.plans.findOneBy({
      districtId,
      cancelledAt: IsNull(),
      startDate: LessThanOrEqual(today),
      endDate: MoreThanOrEqual(today),
    });
    if (current) return;
    await this.create(null, {
      districtId,
      name: `${today.slice(0, 7)}入户安检`,
      period: PlanPeriod.Monthly,
      startDate: today,
      endDate: addCalendarDays(today, 30),
      halves: [SlotHalf.Am, SlotHalf.Pm],
      capacity: 10,
    });
  }

  /** Cancels the plan: its slots close, every active booking is cancelled and its resident told. */
  async cancel(me: StaffPrincipal, id: number, reason: string): Promise<InspectionPlanView> {
    const plan = await this.managed(me, id);
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      await em.update(InspectionPlan, { id, cancelledAt: IsNull() }, { cancelledAt: now, cancelReason: reason });
      await em.update(InspectionSlot, { planId: id, closedAt: IsNull() }, { closedAt: now });
      const affected = await em.findBy(InspectionBooking, { planId: id, active: 1 });
      for (const booking of affected) {
        await this.bookings.cancelIn(me, booking, `安检计划取消：${reason}`, false);
        await this.notices.planCancelled(booking, reason);
      }
    });
    return this.view(await this.plans.findOneByOrFail({ id: plan.id }));
  }

  /** New dates and/or capacity per slot, in one transaction (capacity never below what a slot holds: 422). */
  async update(me: StaffPrincipal, id: number, body: UpdatePlan): Promise<InspectionPlanView> {
    const plan = await this.managed(me, id);
    await this.db.transaction(async (em) => {
      if (body.startDate || body.endDate) {
        await this.dates.change(
          me,
          plan,
          { startDate: body.startDate ?? plan.startDate, endDate: body.endDate ?? plan.endDate },
          body.reason,
        );
      }
      if (body.capacity !== undefined) await this.changeCapacity(id, body.capacity);
      if (body.name) await em.update(InspectionPlan, { id }, { name: body.name });
    });
    return this.view(await this.plans.findOneByOrFail({ id }));
  }

  /** Bookings stay; open slots take the new capacity. */
  private async changeCapacity(id: number, capacity: number): Promise<void> {
    const em = this.db.manager;
    const slots = await em.findBy(InspectionSlot, { planId: id, closedAt: IsNull() });
    if (slots.some((s) => s.booked > capacity))
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PlanCapacityBelowBooked);
    await em.update(InspectionPlan, { id }, { capacity });
    await em
      .createQueryBuilder()
      .update(InspectionSlot)
      .set({ capacity })
      .where('planId = :id AND closedAt IS NULL AND booked <= :capacity', { id, capacity })
      .execute();
  }

  private async managed(me: StaffPrincipal, id: number): Promise<InspectionPlan> {
    const plan = await this.plans.findOneBy({ id });
    if (!plan || (me.role !== Role.Admin && plan.districtId !== me.districtId)) throw notFound();
    this.assertManages(me, plan.districtId);
    if (plan.cancelledAt) throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict, '该计划已取消');
    return plan;
  }

  private assertManages(me: StaffPrincipal, districtId: number): void {
    if (me.role === Role.Admin) return;
    if (me.role !== Role.Supervisor || me.districtId !== districtId) throw forbidden();
  }

  private async view(p: InspectionPlan): Promise<InspectionPlanView> {
    const slots = await this.slotRows.findBy({ planId: p.id });
    const bookedCount = await this.db.dataSource.manager.countBy(InspectionBooking, {
      planId: p.id,
      state: In([BookingState.Booked, BookingState.Missed, BookingState.Done, BookingState.Refused]),
    });
    return {
      id: p.id,
      districtId: p.districtId,
      name: p.name,
      period: p.period,
      periodLabel: PLAN_PERIOD_LABELS[p.period],
      startDate: p.startDate,
      endDate: p.endDate,
      halves: p.halves,
      capacity: p.capacity,
      cancelled: p.cancelledAt !== null,
      slotCount: slots.length,
      bookedCount,
      createdAt: p.createdAt.toISOString(),
    };
  }
}
