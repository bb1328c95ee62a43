import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CLOCK_LABELS,
  PRIORITY_LABELS,
  Role,
  TICKET_TYPE_LABELS,
  TicketEventKind,
  escalatePriority,
} from '@utility/shared';
import { IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { StaffNotices } from '../staff-notices/staff-notices.service';
import { StaffService } from '../staff/staff.service';
import { TicketClocksService } from './ticket-clocks.service';
import { TicketClock } from './ticket-clock.entity';
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

  private flagAtRisk(clock: TicketClock, now: Date): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const won = await em.update(TicketClock, { id: clock.id, atRiskAt: IsNull() }, { atRiskAt: now });
      if (!won.affected) return false;
      await appendEvents(em, clock.ticketId, [
        {
          kind: TicketEventKind.AtRisk,
          actor: null,
          at: now,
          data: { clock: clock.kind, dueAt: clock.dueAt.toISOString() },
        },
      ]);
      return true;
    });
  }

  /** Breach: recorded once, priority raised one step, supervisor notified on the timeline. */
  private escalate(clock: TicketClock, now: Date): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const ticket = await em.findOneByOrFail(Ticket, { id: clock.ticketId });
      if (!(await this.ticketClocks.recordBreach(em, ticket, clock, now))) return false;
      const priority = escalatePriority(ticket.priority);
      await em.update(Ticket, { id: ticket.id }, { priority, updatedAt: now });
      await appendEvents(em, ticket.id, [
        {
          kind: TicketEventKind.Escalated,
          actor: null,
          at: now,
          note: '已超时，已升级并通知主管',
          data: { clock: clock.kind, from: ticket.priority, to: priority },
        },
      ]);
      // In the same transaction: the timeline says the supervisors were told, so they are.
      const supervisors = ticket.districtId
        ? await this.staff.activeInDistrict(Role.Supervisor, ticket.districtId, em)
        : [];
      await this.staffNotices.notify(
        supervisors.map((s) => s.id),
        {
          kind: 'sla_breach',
          title: `工单超时：${ticket.no ?? ticket.id}`,
          body: `${TICKET_TYPE_LABELS[ticket.type]}工单 ${ticket.no ?? ticket.id} ${CLOCK_LABELS[clock.kind]}已超时，优先级已升为「${PRIORITY_LABELS[priority]}」，请尽快督办。`,
          ticketId: ticket.id,
        },
        `sla-breach:${clock.id}`,
        em,
      );
      return true;
    });
  }
}
