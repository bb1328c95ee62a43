import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueueCounts, QueueMemberView, QueueView, TicketStatus, TicketView, canBeAssigned } from '@utility/shared';
import { In, Not, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { QueuesService } from '../queues/queues.service';
import { RotaService } from '../rota/rota.service';
import { StaffService } from '../staff/staff.service';
import { PRIORITY_ORDER_SQL } from './ticket-assignment.service';
import { TicketClock } from './ticket-clock.entity';
import { TicketReader } from './ticket-reader.service';
import { Ticket } from './ticket.entity';

const CLOSED = [TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled];
const QUEUE_PAGE = 200;

/** The staff console's view of queues: health counts and tickets in work order. */
@Injectable()
export class TicketBoard {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly queues: QueuesService,
    private readonly staff: StaffService,
    private readonly reader: TicketReader,
    private readonly clock: Clock,
    private readonly rota: RotaService,
  ) {}

  async myQueues(viewer: StaffPrincipal): Promise<QueueView[]> {
    const queues = await this.queues.visibleQueues(viewer);
    const counts = await this.counts(queues.map((q) => q.id));
    const none: QueueCounts = { open: 0, atRisk: 0, breached: 0 };
    return queues.map((q) => ({
      id: q.id,
      code: q.code,
      name: q.name,
      districtId: q.districtId,
      stationId: q.stationId,
      counts: counts.get(q.id) ?? none,
    }));
  }

  async queueTickets(viewer: StaffPrincipal, queueId: number): Promise<TicketView[]> {
    if (!(await this.queues.findVisible(viewer, queueId))) throw notFound();
    const open = await this.tickets
      .createQueryBuilder('t')
      .where('t.queueId = :queueId AND t.status NOT IN (:...closed) AND t.parentId IS NULL', {
        queueId,
        closed: CLOSED,
      })
      .orderBy(PRIORITY_ORDER_SQL, 'DESC')
      .addOrderBy('t.createdAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(QUEUE_PAGE)
      .getMany();
    return this.reader.views(open, viewer);
  }

  /**
   * Members a dispatcher can push to, with their open load and shift; on duty = on a shift of the
   * queue's district now. Those who only route work (dispatchers, admins) are left out.
   */
  async members(viewer: StaffPrincipal, queueId: number): Promise<QueueMemberView[]> {
    const queue = await this.queues.findVisible(viewer, queueId);
    if (!queue) throw notFound();
    const people = (await this.staff.findByIds(await this.queues.memberIds(queueId))).filter(
      (s) => s.active && canBeAssigned(s.roles.length ? s.roles : [s.role]),
    );
    const open = await Promise.all(
      people.map((p) => this.tickets.countBy({ assigneeId: p.id, status: Not(In(CLOSED)) })),
    );
    const now = this.clock.now();
    const ids = people.map((p) => p.id);
    const onDuty = await this.rota.onShiftAmong(ids, now, queue.districtId);
    const shifts = await this.rota.currentOrNextShift(ids, now, queue.districtId);
    return people.map((p, i) => {
      const shift = shifts.get(p.id);
      return {
        id: p.id,
        name: p.name,
        role: p.role,
        onDuty: onDuty.has(p.id),
        openCount: open[i],
        capacity: p.capacity,
        shift: shift ? { startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString() } : null,
      };
    });
  }

  /** Open, at-risk and breached tickets per queue, from the clocks as of now. */
  private async counts(queueIds: number[]): Promise<Map<number, QueueCounts>> {
    if (!queueIds.length) return new Map();
    const now = this.clock.now();
    const perTicket = this.tickets
      .createQueryBuilder('t')
      .select('t.queueId', 'queueId')
      .addSelect(
        'MAX(CASE WHEN c.breachedAt IS NOT NULL OR (c.stoppedAt IS NULL AND c.dueAt < :now) THEN 1 ELSE 0 END)',
        'breached',
      )
      .addSelect('MAX(CASE WHEN c.stoppedAt IS NULL AND c.riskAt <= :now THEN 1 ELSE 0 END)', 'risky')
      .leftJoin(TicketClock, 'c', 'c.ticketId = t.id')
      .where('t.queueId IN (:...queueIds) AND t.status NOT IN (:...closed) AND t.parentId IS NULL')
      .groupBy('t.id')
      .addGroupBy('t.queueId');
    const rows: { queueId: number; open: string; breached: string; atRisk: string }[] = await this.tickets.manager
      .createQueryBuilder()
      .select('x.queueId', 'queueId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(x.breached)', 'breached')
      .addSelect('SUM(CASE WHEN x.risky = 1 AND x.breached = 0 THEN 1 ELSE 0 END)', 'atRisk')
      .from(`(${perTicket.getQuery()})`, 'x')
      .setParameters({ now, queueIds, closed: CLOSED })
      .groupBy('x.queueId')
      .getRawMany();
    return new Map(
      rows.map((r) => [
        Number(r.queueId),
        { open: Number(r.open), atRisk: Number(r.atRisk), breached: Number(r.breached) },
      ]),
    );
  }
}
