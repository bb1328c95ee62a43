import { Injectable } from '@nestjs/common';
import { ClockKind, Role, TICKET_TYPE_LABELS, halfwayAt } from '@utility/shared';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { QueuesService } from '../queues/queues.service';
import { StaffNotices } from '../staff-notices/staff-notices.service';
import { StaffService } from '../staff/staff.service';
import { TicketClock } from './ticket-clock.entity';
import { CLAIMABLE, Ticket } from './ticket.entity';
import { UnclaimedAlert } from './unclaimed-alert.entity';

const BATCH = 200;

/**
 * A ticket sitting unclaimed in its queue past half its respond clock: the queue's dispatchers are told,
 * once per run of the clock (the unclaimed_alert row's unique key decides between processes).
 */
@Injectable()
export class UnclaimedWatch {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly queues: QueuesService,
    private readonly staff: StaffService,
    private readonly staffNotices: StaffNotices,
  ) {}

  async alertDue(now: Date): Promise<number> {
    // Every unclaimed ticket not told about yet; the backlog of the queues, nearest deadline first.
    const clocks = await this.db.dataSource
      .createQueryBuilder(TicketClock, 'c')
      .innerJoin(Ticket, 't', 't.id = c.ticketId')
      .leftJoin(UnclaimedAlert, 'a', 'a.clockId = c.id AND a.clockStartedAt = c.startedAt')
      .where('c.kind = :kind AND c.startedAt <= :now AND a.id IS NULL', { kind: ClockKind.Respond, now })
      .andWhere('t.assigneeId IS NULL AND t.status IN (:...claimable)', { claimable: CLAIMABLE })
      .orderBy('c.dueAt', 'ASC')
      .limit(BATCH)
      .getMany();
    let alerted = 0;
    for (const clock of clocks.filter((c) => halfwayAt(c) <= now)) {
      try {
        if (await this.alert(clock)) alerted++;
      } catch (error) {
        // Another process told them first.
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return alerted;
  }

  private alert(clock: TicketClock): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const ticket = await em.findOneBy(Ticket, { id: clock.ticketId });
      if (!ticket || ticket.assigneeId !== null || !CLAIMABLE.includes(ticket.status)) return false;
      await em.insert(UnclaimedAlert, {
        ticketId: ticket.id,
        clockId: clock.id,
        clockStartedAt: clock.startedAt,
        alertedAt: this.clock.now(),
      });
      const members = await this.staff.findByIds(await this.queues.memberIds(ticket.queueId));
      const dispatchers = members.filter(
        (m) => m.active && (m.role === Role.Dispatcher || m.roles.includes(Role.Dispatcher)),
      );
      const no = ticket.no ?? String(ticket.id);
      await this.staffNotices.notify(
        dispatchers.map((d) => d.id),
        {
          kind: 'unclaimed',
          title: `工单待领取：${no}`,
          body: `${TICKET_TYPE_LABELS[ticket.type]}工单 ${no}（${ticket.address}）已过响应时限的一半仍无人领取，请尽快派单。`,
          ticketId: ticket.id,
        },
        `unclaimed:${clock.id}:${clock.startedAt.getTime()}`,
      );
      return true;
    });
  }
}
