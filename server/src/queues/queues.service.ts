import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, RoutingTarget, TicketType, routeTicket } from '@utility/shared';
import { In, IsNull, Repository } from 'typeorm';
import { entityColumns, hydrateRow } from '../common/plain-select';
import { StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { QueueMember } from './queue-member.entity';
import { Queue } from './queue.entity';
import { RoutingRuleRow } from './routing-rule.entity';
import { Db } from '../common/db';

/** Code prefix of the supervisors' complaint queues (grade-1 complaints): `complaint-supervisor-<district>`. */
export const SUPERVISOR_COMPLAINT_QUEUE = 'complaint-supervisor';

/**
 * How long the queues a member works are reused (read on every claim and queue view): a change made in another
 * process is seen within half a second, as staff sessions are; one made here (memberships, queue-admin) at once.
 */
export const MEMBERSHIP_CACHE_MS = 500;

/** readQueuesWorkedBy's statement by dialect, built once. */
const QUEUES_WORKED_BY = new Map<string, string>();

@Injectable()
export class QueuesService {
  private routing: { version: number; rules: RoutingRuleRow[]; queues: Map<number, Queue> } | null = null;
  private readonly worked = new Map<number, { at: number; queues: Promise<Queue[]> }>();

  constructor(
    private readonly db: Db,
    @InjectRepository(Queue) private readonly queues: Repository<Queue>,
    @InjectRepository(QueueMember) private readonly members: Repository<QueueMember>,
    @InjectRepository(RoutingRuleRow) private readonly rules: Repository<RoutingRuleRow>,
    private readonly orgVersion: OrgVersion,
  ) {}

  /**
   * Scope (docs/domain.md#organisation-and-scope): admin sees every queue, a supervisor every queue of the district plus
   * company-wide ones, everybody else the queues they are members of.
   */
  async visibleQueues(staff: StaffPrincipal): Promise<Queue[]> {
    if (staff.role === Role.Admin) return this.queues.find({ order: { id: 'ASC' } });
    if (staff.role === Role.Supervisor) {
      const where = staff.districtId
        ? [{ districtId: staff.districtId }, { districtId: IsNull() }]
        : { districtId: IsNull() };
      return this.queues.find({ where, order: { id: 'ASC' } });
    }
    return [...(await this.queuesWorkedBy(staff.id))];
  }

  /** The queues (not supervisor-only) a member works, read at most every MEMBERSHIP_CACHE_MS. */
  private queuesWorkedBy(staffId: number): Promise<Queue[]> {
    const now = Date.now();
    const hit = this.worked.get(staffId);
    if (hit && now - hit.at < MEMBERSHIP_CACHE_MS) return hit.queues;
    const queues = this.readQueuesWorkedBy(staffId);
    this.worked.set(staffId, { at: now, queues });
    // A failed read (database down) must not be remembered.
    queues.catch(() => this.worked.delete(staffId));
    if (this.worked.size > 10_000) {
      for (const [id, entry] of this.worked) if (now - entry.at >= MEMBERSHIP_CACHE_MS) this.worked.delete(id);
    }
    return queues;
  }

  /**
   * One plain statement (every claim and queue view may come here once its cache entry is older than
   * MEMBERSHIP_CACHE_MS): TypeORM's two finds cost a second round trip and its builder on each.
   */
  private async readQueuesWorkedBy(staffId: number): Promise<Queue[]> {
    const em = this.queues.manager;
    const dialect = em.connection.driver.options.type;
    let sql = QUEUES_WORKED_BY.get(dialect);
    if (!sql) {
      sql = `SELECT ${entityColumns(em, Queue, 'q')} FROM queue q JOIN queue_member m ON m.queueId = q.id
             WHERE m.staffId = ? ORDER BY q.id`;
      QUEUES_WORKED_BY.set(dialect, sql);
    }
    const rows = await em.query<Record<string, unknown>[]>(sql, [staffId]);
    return rows.map((row) => hydrateRow(em, Queue, row)).filter((q) => !q.supervisorOnly);
  }

  /** After queues or memberships changed in this process (queue-admin): members see the change at once. */
  forgetWorkedQueues(): void {
    this.worked.clear();
  }

  /**
   * The districts whose accounts a staff member may look up (docs/domain.md#customer-history): a
   * supervisor's district; for others the districts of the queues they work. null means every district
   * (admin, staff of no district above a supervisor, or a company-wide queue such as triage: the 24-hour line).
   */
  async coveredDistricts(staff: StaffPrincipal): Promise<number[] | null> {
    if (staff.role === Role.Admin) return null;
    if (staff.role === Role.Supervisor) return staff.districtId === null ? null : [staff.districtId];
    const queues = await this.visibleQueues(staff);
    if (queues.some((q) => q.districtId === null)) return null;
    return [...new Set(queues.map((q) => q.districtId as number))];
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

  /** Districts whose queue for `type` (by the routing rules) this staff member works, e.g. the billing agents' districts. */
  async districtsWorkedFor(staffId: number, type: TicketType): Promise<number[]> {
    const memberOf = new Set((await this.members.findBy({ staffId })).map((m) => m.queueId));
    const rules = await this.rules.findBy({ ticketType: type });
    const queues = await this.findByIds([...new Set(rules.map((r) => r.queueId))].filter((id) => memberOf.has(id)));
    return [...new Set(queues.flatMap((q) => (q.districtId === null ? [] : [q.districtId])))];
  }

  async isMember(queueId: number, staffId: number): Promise<boolean> {
    return (await this.members.countBy({ queueId, staffId })) > 0;
  }

  /**
   * The queue a new ticket goes to: the most specific rule, else the triage queue. Inside a
   * transaction, read on its connection (a transaction must never wait for a second one).
   */
  async route(target: RoutingTarget): Promise<Queue> {
    const { rules, queues } = await this.routingTable();
    const queueId = routeTicket(
      rules.filter((r) => r.ticketType === target.type),
      target,
    );
    return (queueId ? queues.get(queueId) : undefined) ?? this.triageQueue();
  }

  /** Where grade-1 complaints go: the district's supervisors' complaint queue, else the company-wide one. */
  async supervisorComplaintQueue(districtId: number | null): Promise<Queue> {
    const queues = await this.queues.findBy({ supervisorOnly: true, districtId: districtId ?? IsNull() });
    const queue =
      queues.find((q) => q.code.startsWith(SUPERVISOR_COMPLAINT_QUEUE)) ??
      (await this.queues.findBy({ supervisorOnly: true, districtId: IsNull() })).find((q) =>
        q.code.startsWith(SUPERVISOR_COMPLAINT_QUEUE),
      );
    if (!queue) throw new Error("No supervisors' complaint queue is configured: run the seed or create one");
    return queue;
  }

  async triageQueue(): Promise<Queue> {
    const triage = [...(await this.routingTable()).queues.values()].find((q) => q.triage);
    if (!triage) throw new Error('No triage queue is configured: run the seed or create one');
    return triage;
  }

  /** After rules or queues were changed behind the organisation's version (an operator's SQL). */
  forgetRoutingTable(): void {
    this.routing = null;
  }

  /**
   * Every rule and queue (a few dozen rows), cached while the organisation's version stays the
   * same: routing costs intake one primary-key read, and an admin's change in any process is
   * used by the next ticket in every process. The version is read first, so a change committed
   * between the two reads is at worst loaded under the older number and reloaded next time.
   */
  private async routingTable() {
    const version = await this.orgVersion.current();
    if (this.routing && this.routing.version === version) return this.routing;
    const rules = await this.rules.find();
    const queues = await this.queues.find();
    this.routing = { version, rules, queues: new Map(queues.map((q) => [q.id, q])) };
    return this.routing;
  }

  /** Every queue, for the admin console. */
  listAll(): Promise<Queue[]> {
    return this.queues.find({ order: { id: 'ASC' } });
  }

  listRules(): Promise<RoutingRuleRow[]> {
    return this.rules.find({ order: { id: 'ASC' } });
  }

  /** queue id → member staff ids. */
  async membersByQueue(): Promise<Map<number, number[]>> {
    const rows = await this.members.find({ order: { id: 'ASC' } });
    const byQueue = new Map<number, number[]>();
    for (const m of rows) byQueue.set(m.queueId, [...(byQueue.get(m.queueId) ?? []), m.staffId]);
    return byQueue;
  }

  /** Replaces who works the queue (inside the caller's transaction, which also records the change). */
  async setMembers(queueId: number, staffIds: readonly number[]): Promise<void> {
    const em = this.db.manager;
    this.worked.clear();
    const current = await this.memberIds(queueId);
    const gone = current.filter((id) => !staffIds.includes(id));
    const added = staffIds.filter((id) => !current.includes(id));
    if (gone.length) await em.delete(QueueMember, { queueId, staffId: In(gone) });
    if (added.length)
      await em.insert(
        QueueMember,
        added.map((staffId) => ({ queueId, staffId })),
      );
  }

  /** Seed helpers: create what is missing by natural key, and leave what an admin has since changed. */
  async ensureQueue(row: Omit<Queue, 'id'>): Promise<Queue> {
    const existing = await this.queues.findOneBy({ code: row.code });
    if (existing) return existing;
    const saved = await this.queues.save(row);
    this.worked.clear();
    await this.orgVersion.bumpNow();
    return saved;
  }

  async ensureMember(queueId: number, staffId: number): Promise<void> {
    this.worked.clear();
    if (!(await this.isMember(queueId, staffId))) await this.members.insert({ queueId, staffId });
  }

  /** Staff accounts (admin): `staffId` works exactly these queues afterwards. */
  async setMemberships(staffId: number, queueIds: number[]): Promise<void> {
    this.worked.clear();
    const repo = this.members;
    const current = (await repo.findBy({ staffId })).map((m) => m.queueId);
    const removed = current.filter((id) => !queueIds.includes(id));
    const added = queueIds.filter((id) => !current.includes(id));
    if (removed.length) await repo.delete({ staffId, queueId: In(removed) });
    if (added.length) await repo.insert(added.map((queueId) => ({ queueId, staffId })));
  }

  /** Staff accounts (admin): the queues each of `staffIds` works, by staff id. */
  async queueIdsOf(staffIds: number[]): Promise<Map<number, number[]>> {
    const byStaff = new Map<number, number[]>(staffIds.map((id) => [id, []]));
    if (!staffIds.length) return byStaff;
    for (const m of await this.members.find({ where: { staffId: In(staffIds) }, order: { queueId: 'ASC' } })) {
      byStaff.get(m.staffId)?.push(m.queueId);
    }
    return byStaff;
  }

  async ensureRule(row: Omit<RoutingRuleRow, 'id'>): Promise<void> {
    const existing = await this.rules.findOneBy({
      ticketType: row.ticketType,
      districtId: row.districtId ?? IsNull(),
      stationId: row.stationId ?? IsNull(),
    });
    if (existing) return;
    await this.rules.save(row);
    await this.orgVersion.bumpNow();
  }
}
