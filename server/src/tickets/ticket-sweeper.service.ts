import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CLOCK_LABELS,
  ClockKind,
  PRIORITY_LABELS,
  Role,
  TICKET_TYPE_LABELS,
  TicketEventKind,
  escalatePriority,
  expectedArrivalAfterBreach,
  shanghaiShort,
} from '@utility/shared';
import { IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { StaffNotices } from '../staff-notices/staff-notices.service';
import { StaffService } from '../staff/staff.service';
import { TicketClocksService } from './ticket-clocks.service';
import { TicketClock } from './ticket-clock.entity';
import { etaOf } from './resident-ticket-view';
import { TicketEvent } from './ticket-event.entity';
import { appendEvents } from './ticket-events';
import { Ticket } from './ticket.entity';

const BATCH = 200;
export interface SweepResult {
  atRisk: number;
  breached: number;
}

/**
 * Flags clocks at risk and escalates breaches. Safe to run in several processes at once:
 * each flag is a conditional update, so only one process acts on a given clock.
 */
@Injectable()
export class TicketSweeper {
  constructor(
    @InjectRepository(TicketClock) private readonly clocks: Repository<TicketClock>,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ticketClocks: TicketClocksService,
    private readonly staff: StaffService,
    private readonly staffNotices: StaffNotices,
  ) {}

  @BackgroundJob('sla-sweep')
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const result: SweepResult = { atRisk: 0, breached: 0 };
    const risky = await this.clocks.find({
      where: { stoppedAt: IsNull(), atRiskAt: IsNull(), riskAt: LessThanOrEqual(now) },
      take: BATCH,
    });
    for (const clock of risky) if (await this.flagAtRisk(clock, now)) result.atRisk++;
    const late = await this.clocks.find({
      where: { stoppedAt: IsNull(), breachedAt: IsNull(), dueAt: LessThan(now) },
      take: BATCH,
    });
    for (const clock of late) if (await this.escalate(clock, now)) result.breached++;
    return result;
  }

  /** At risk: flagged once, and the assignee and the district's supervisors told (docs/domain.md#escalation). */
  private flagAtRisk(clock: TicketClock, now: Date): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const won = await em.update(TicketClock, { id: clock.id, atRiskAt: IsNull() }, { atRiskAt: now });
      if (!won.affected) return false;
      await appendEvents(clock.ticketId, [
        {
          kind: TicketEventKind.AtRisk,
          actor: null,
          at: now,
          data: { clock: clock.kind, dueAt: clock.dueAt.toISOString() },
        },
      ]);
      const ticket = await em.findOneByOrFail(Ticket, { id: clock.ticketId });
      const minutesLeft = Math.max(0, Math.round((clock.dueAt.getTime() - now.getTime()) / 60_000));
      await this.staffNotices.notify(
        await this.assigneeAndSupervisors(ticket),
        {
          kind: 'sla_at_risk',
          title: `工单临期：${ticket.no ?? ticket.id}`,
          body: `${TICKET_TYPE_LABELS[ticket.type]}工单 ${ticket.no ?? ticket.id}（${ticket.address}）${CLOCK_LABELS[clock.kind]}将在${minutesLeft}分钟后超时，请尽快处理。`,
          ticketId: ticket.id,
        },
        `sla-risk:${clock.id}`,
      );
      return true;
    });
  }

  /**
   * Breach: recorded once, priority raised one step, the assignee and the district's supervisors told (the
   * timeline says so); a late arrival is also told to the resident with the new expected time.
   */
  private escalate(clock: TicketClock, now: Date): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const ticket = await em.findOneByOrFail(Ticket, { id: clock.ticketId });
      if (!(await this.ticketClocks.recordBreach(ticket, clock, now))) return false;
      const priority = escalatePriority(ticket.priority);
      await em.update(Ticket, { id: ticket.id }, { priority, updatedAt: now });
      await appendEvents(ticket.id, [
        {
          kind: TicketEventKind.Escalated,
          actor: null,
          at: now,
          note: '已超时，已升级并通知主管',
          data: { clock: clock.kind, from: ticket.priority, to: priority },
        },
      ]);
      if (clock.kind === ClockKind.OnSite) await this.tellResidentOfDelay(ticket, clock, now);
      // In the same transaction: the timeline says the supervisors were told, so they are.
      await this.staffNotices.notify(
        await this.assigneeAndSupervisors(ticket),
        {
          kind: 'sla_breach',
          title: `工单超时：${ticket.no ?? ticket.id}`,
          body: `${TICKET_TYPE_LABELS[ticket.type]}工单 ${ticket.no ?? ticket.id} ${CLOCK_LABELS[clock.kind]}已超时，优先级已升为「${PRIORITY_LABELS[priority]}」，请尽快督办。`,
          ticketId: ticket.id,
        },
        `sla-breach:${clock.id}`,
      );
      return true;
    });
  }

  /** 003 §九(五): late means the user is told — a `delayed` event, which the resident's notices carry. */
  private async tellResidentOfDelay(ticket: Ticket, clock: TicketClock, now: Date): Promise<void> {
    const em = this.db.manager;
    const events = await em.find(TicketEvent, { where: { ticketId: ticket.id }, order: { id: 'ASC' } });
    const eta = etaOf(ticket, events);
    const expectedBy = expectedArrivalAfterBreach(now, clock, eta ? new Date(eta) : null);
    await appendEvents(ticket.id, [
      {
        kind: TicketEventKind.Delayed,
        actor: null,
        at: now,
        note: `上门将延误，预计${shanghaiShort(expectedBy)}前到达`,
        data: { clock: clock.kind, expectedBy: expectedBy.toISOString() },
      },
    ]);
  }

  private async assigneeAndSupervisors(ticket: Ticket): Promise<number[]> {
    const supervisors = ticket.districtId ? await this.staff.activeInDistrict(Role.Supervisor, ticket.districtId) : [];
    return [...(ticket.assigneeId ? [ticket.assigneeId] : []), ...supervisors.map((s) => s.id)];
  }
}
