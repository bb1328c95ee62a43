import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, RoutingTarget, routeTicket } from '@utility/shared';
import { In, IsNull, Repository } from 'typeorm';
import { StaffPrincipal } from '../common/principal';
import { QueueMember } from './queue-member.entity';
import { Queue } from './queue.entity';
import { RoutingRuleRow } from './routing-rule.entity';

/** Code prefix of the supervisors' complaint queues (grade-1 complaints): `complaint-supervisor-<district>`. */
export const SUPERVISOR_COMPLAINT_QUEUE = 'complaint-supervisor';

@Injectable()
export class QueuesService {
  constructor(
    @InjectRepository(Queue) private readonly queues: Repository<Queue>,
    @InjectRepository(QueueMember) private readonly members: Repository<QueueMember>,
    @InjectRepository(RoutingRuleRow) private readonly rules: Repository<RoutingRuleRow>,
  ) {}

  /**
   * Scope (DOMAIN.md): admin sees every queue, a supervisor every queue of the district plus
   * company-wide ones, everybody else the queues they are members of.
   */
  async visibleQueues(staff: StaffPrincipal): Promise<Queue[]> {
    if (staff.role === Role.Admin) return this.queues.find({ order: { id: 'ASC' } });
    if (staff.role === Role.Supervisor) {
      const where = staff.districtId ? [{ districtId: staff.districtId }, { districtId: IsNull() }] : { districtId: IsNull() };
      return this.queues.find({ where, order: { id: 'ASC' } });
    }
    const memberships = await this.members.findBy({ staffId: staff.id });
    if (!memberships.length) return [];
    const queues = await this.queues.find({ where: { id: In(memberships.map((m) => m.queueId)) }, order: { id: 'ASC' } });
    return queues.filter((q) => !q.supervisorOnly);
  }

  async visibleQueueIds(staff: StaffPrincipal): Promise<number[]> {
    return (await this.visibleQueues(staff)).map((q) => q.id);
  }

  /** The queue if the caller may see it; null otherwise (callers answer 404 either way). */
  async findVisible(staff: StaffPrincipal, queueId: number): Promise<Queue | null> {
    return (await this.visibleQueues(staff)).find((q) => q.id === queueId) ?? null;
  }

  findById(id: number): Promise<Queue | null> {
    return this.queues.findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<Queue[]> {
    return ids.length ? this.queues.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  memberIds(queueId: number): Promise<number[]> {
    return this.members.findBy({ queueId }).then((rows) => rows.map((m) => m.staffId));
  }

  async isMember(queueId: number, staffId: number): Promise<boolean> {
    return (await this.members.countBy({ queueId, staffId })) > 0;
  }

  /** The queue a new ticket goes to: the most specific rule, else the triage queue. */
  async route(target: RoutingTarget): Promise<Queue> {
    const rules = await this.rules.findBy({ ticketType: target.type });
    const queueId = routeTicket(rules, target);
    const queue = queueId ? await this.queues.findOneBy({ id: queueId }) : null;
    return queue ?? this.triageQueue();
  }

  /** Where grade-1 complaints go: the district's supervisors' complaint queue, else the company-wide one. */
  async supervisorComplaintQueue(districtId: number | null): Promise<Queue> {
    const queues = await this.queues.findBy({ supervisorOnly: true, districtId: districtId ?? IsNull() });
    const queue = queues.find((q) => q.code.startsWith(SUPERVISOR_COMPLAINT_QUEUE))
      ?? (await this.queues.findBy({ supervisorOnly: true, districtId: IsNull() })).find((q) => q.code.startsWith(SUPERVISOR_COMPLAINT_QUEUE));
    if (!queue) throw new Error('No supervisors\' complaint queue is configured: run the seed or create one');
    return queue;
  }

  async triageQueue(): Promise<Queue> {
    const triage = await this.queues.findOneBy({ triage: true });
    if (!triage) throw new Error('No triage queue is configured: run the seed or create one');
    return triage;
  }

  /** Seed helpers: idempotent by natural key. */
  async ensureQueue(row: Omit<Queue, 'id'>): Promise<Queue> {
    const existing = await this.queues.findOneBy({ code: row.code });
    return this.queues.save({ ...existing, ...row }, { transaction: false });
  }

  async ensureMember(queueId: number, staffId: number): Promise<void> {
    if (!(await this.isMember(queueId, staffId))) await this.members.insert({ queueId, staffId });
  }

  async ensureRule(row: Omit<RoutingRuleRow, 'id'>): Promise<void> {
    const existing = await this.rules.findOneBy({
      ticketType: row.ticketType,
      districtId: row.districtId ?? IsNull(),
      stationId: row.stationId ?? IsNull(),
    });
    await this.rules.save({ ...existing, ...row }, { transaction: false });
  }
}
