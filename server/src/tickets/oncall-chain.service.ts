import { Injectable } from '@nestjs/common';
import { TicketEventKind, TicketStatus } from '@utility/shared';
import { LessThanOrEqual, Repository } from 'typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import { Db } from '../common/db';
import { OncallPage, OncallState } from './oncall-page.entity';
import { OncallPager } from './oncall-pager.service';
import { TicketAssignment } from './ticket-assignment.service';
import { TicketEvent } from './ticket-event.entity';
import { acceptedSinceAssigned, appendEvents } from './ticket-events';
import { Ticket } from './ticket.entity';

const BATCH = 50;
/** Technicians paged before the supervisors: the one auto-assignment chose, then the next on shift. */
const TECHNICIAN_STEPS = 2;

export interface OncallResult {
  acknowledged: number;
  handedOn: number;
  toSupervisor: number;
}

type Outcome = keyof OncallResult | 'ended' | 'none';

/**
 * The on-call chain (docs/domain.md#duty-roster): a paged technician who has not acknowledged (接单) within
 * ONCALL_ACK_MINUTES is taken off and the next technician on shift gets the job; after the last, the district's
 * supervisors are told. Each step is one transaction on the locked ticket, the page moved by a conditional
 * update, so any number of processes advance a chain once.
 */
@Injectable()
export class OncallChain {
  constructor(
    @InjectRepository(OncallPage) private readonly pages: Repository<OncallPage>,
    private readonly db: Db,
    private readonly assignment: TicketAssignment,
    private readonly pager: OncallPager,
  ) {}

  async advanceDue(now: Date): Promise<OncallResult> {
    const result: OncallResult = { acknowledged: 0, handedOn: 0, toSupervisor: 0 };
    const due = await this.pages.find({
      where: { state: 'waiting', ackDueAt: LessThanOrEqual(now) },
      order: { ackDueAt: 'ASC' },
      take: BATCH,
    });
    for (const page of due) {
      const outcome = await this.advance(page.id, now);
      if (outcome in result) result[outcome as keyof OncallResult]++;
    }
    return result;
  }

  private advance(pageId: number, now: Date): Promise<Outcome> {
    return this.db.transaction(async (em) => {
      const first = await em.findOneBy(OncallPage, { id: pageId });
      if (!first) return 'none';
      // The ticket first, as every step of a job locks it: a 接单 racing this waits, or this waits for it.
      const ticket = await em.findOne(Ticket, {
        where: { id: first.ticketId },
        ...(this.db.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
      });
      const page = await em.findOneBy(OncallPage, { id: pageId });
      if (!ticket || !page || page.state !== 'waiting' || !page.ackDueAt || page.ackDueAt > now) return 'none';
      const move = (state: OncallState, change: Partial<OncallPage> = {}) =>
        em.update(
          OncallPage,
          { id: page.id, state: 'waiting', step: page.step },
          { state, ackDueAt: null, updatedAt: now, ...change },
        );

      if (ticket.assigneeId !== page.staffId) return (await move('ended')).affected ? 'ended' : 'none';
      const events = await em.find(TicketEvent, { where: { ticketId: ticket.id }, order: { id: 'ASC' } });
      if (ticket.status !== TicketStatus.Assigned || acceptedSinceAssigned(events)) {
        // 接单 (or already on the way): the chain stops here.
        return (await move('acknowledged')).affected ? 'acknowledged' : 'none';
      }

      const minutes = Math.round(this.pager.ackMs / 60_000);
      const pagedIds = page.pagedIds.split(',').map(Number);
      const next = page.step + 1 < TECHNICIAN_STEPS ? await this.assignment.nextOnShift(ticket, now, pagedIds) : null;
      if (next) {
        const moved = await move('waiting', {
          step: page.step + 1,
          staffId: next.id,
          pagedIds: [...pagedIds, next.id].join(','),
          pagedAt: now,
          ackDueAt: new Date(now.getTime() + this.pager.ackMs),
        });
        if (!moved.affected) return 'none';
        const handed = await this.assignment.handOn(
          ticket,
          next,
          `${minutes}分钟内未接单，已改派值班技术员${next.name}并通知`,
        );
        if (!handed) throw new Error(`ticket ${ticket.id} changed under its lock`);
        await this.pager.pageTechnician(handed, next.id, page.step + 1);
        return 'handedOn';
      }

      if (!(await move('supervisor')).affected) return 'none';
      await appendEvents(ticket.id, [
        {
          kind: TicketEventKind.Escalated,
          actor: null,
          at: now,
          note: `${minutes}分钟内无人接单，已通知主管`,
          data: { reason: 'oncall_unanswered', paged: pagedIds.length },
        },
      ]);
      await this.pager.tellSupervisors(ticket, `已通知值班技术员${pagedIds.length}人，${minutes}分钟内均未接单`);
      return 'toSupervisor';
    });
  }
}
