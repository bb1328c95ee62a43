import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ASSIGNING_ROLES,
  ErrorCode,
  PRIORITY_RANK,
  Role,
  TicketEventKind,
  TicketStatus,
  TicketView,
  canBeAssigned,
  canClaim,
  isOpen,
} from '@utility/shared';
import { In, IsNull } from 'typeorm';
import { AppError, conflict, forbidden, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { Actor, StaffPrincipal } from '../common/principal';
import { QueuesService } from '../queues/queues.service';
import { RotaService } from '../rota/rota.service';
import { StaffService } from '../staff/staff.service';
import { OncallPager } from './oncall-pager.service';
import { takeNextInQueue } from './next-claimable';
import { TicketClocksService } from './ticket-clocks.service';
import { appendEvents } from './ticket-events';
import { TicketClock } from './ticket-clock.entity';
import { TicketReader } from './ticket-reader.service';
import { CLAIMABLE, Ticket } from './ticket.entity';

/** A staff member as the staff module answers (its entity is its own). */
type StaffMember = Awaited<ReturnType<StaffService['findByIds']>>[number];

const WORKING = [TicketStatus.Assigned, TicketStatus.EnRoute, TicketStatus.OnSite];
/** Work order: highest priority first, then the oldest. */
export const PRIORITY_ORDER_SQL = `CASE t.priority ${Object.entries(PRIORITY_RANK)
  .map(([p, r]) => `WHEN '${p}' THEN ${r}`)
  .join(' ')} ELSE 0 END`;

/** How often a claim looks again while every claimable ticket is held by another transaction. */
const CLAIM_ROUNDS = 10;
const CONTENDED_PAUSE_MS = 3;

/** Who works a ticket: claim (pull), assign (push), auto-assign (emergencies). */
@Injectable()
export class TicketAssignment {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly queues: QueuesService,
    private readonly staff: StaffService,
    private readonly clocks: TicketClocksService,
    private readonly reader: TicketReader,
    private readonly rota: RotaService,
    private readonly pager: OncallPager,
  ) {}

  /** Exactly one of several simultaneous claimants wins; the others get 409. */
  async claim(actor: StaffPrincipal, id: number): Promise<Ticket> {
    const ticket = await this.reader.visibleTicket(actor, id);
    if (ticket.parentId !== null) throw conflict(ErrorCode.TicketLinked);
    if (!canClaim(ticket.status))
      throw conflict(ticket.assigneeId ? ErrorCode.TicketAlreadyClaimed : ErrorCode.TransitionNotAllowed);
    await this.assertMayWork(actor, ticket.queueId);
    const won = await this.db.transaction(() => this.take(ticket, actor, actor, TicketEventKind.Claimed));
    if (!won) throw conflict(ErrorCode.TicketAlreadyClaimed);
    return won;
  }

  /**
   * Claims inside the caller's transaction (an inspector recording a visit nobody took yet):
   * null when someone else has it, so the caller can refuse and roll back.
   */
  async claimIn(actor: StaffPrincipal, ticket: Ticket): Promise<Ticket | null> {
    if (!canClaim(ticket.status) || ticket.assigneeId !== null || ticket.parentId !== null) return null;
    await this.assertMayWork(actor, ticket.queueId);
    return this.take(ticket, actor, actor, TicketEventKind.Claimed);
  }

  /**
   * Takes the next ticket of the queue in work order (docs/architecture.md#claiming-the-next-ticket):
   * one statement finds and holds it, plain statements write the claim, its event and the clocks it
   * stops, and the answer is built from what was written, without reading the ticket again.
   */
  async claimNext(actor: StaffPrincipal, queueId: number): Promise<TicketView> {
    // Visible means a member here (supervisors and admins may work any queue they see): no second check.
    const queue = await this.queues.findVisible(actor, queueId);
    if (!queue) throw notFound();
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const outcome = await this.db.transaction(async (em) => {
        const now = this.clock.now();
        const before = await takeNextInQueue(em, queueId, actor.id, now);
        if (before === 'contended' || before === null) return before;
        return { before, now, clocks: await this.recordClaim(before, actor, now) };
      });
      if (outcome === null) break;
      if (outcome === 'contended') {
        await new Promise((resolve) => setTimeout(resolve, CONTENDED_PAUSE_MS));
        continue;
      }
      const { before, now, clocks } = outcome;
      const after = Object.assign(Object.create(Ticket.prototype) as Ticket, before, {
        assigneeId: actor.id,
        status: TicketStatus.Assigned,
        updatedAt: now,
      });
      return this.reader.viewAsWritten(after, queue.name, clocks, actor.name);
    }
    throw new AppError(HttpStatus.NOT_FOUND, ErrorCode.QueueEmpty);
  }

  /** A claim's timeline event and the clocks it stops (the ticket's clocks as it leaves them, when it read them). */
  private async recordClaim(before: Ticket, actor: StaffPrincipal, now: Date) {
    const to = TicketStatus.Assigned;
    await appendEvents(before.id, [
      {
        kind: TicketEventKind.Claimed,
        actor,
        at: now,
        from: before.status,
        to,
        data: { assigneeId: actor.id, assigneeName: actor.name, previousAssigneeId: null },
      },
    ]);
    return (await this.clocks.onTransition(before, before.status, to, now)) ?? (await this.clocks.of(before.id));
  }

  /** A dispatcher or supervisor pushes the ticket to a member of its queue. */
  async assign(actor: StaffPrincipal, id: number, staffId: number, note?: string): Promise<Ticket> {
    if (!ASSIGNING_ROLES.includes(actor.role)) throw forbidden();
    const ticket = await this.reader.visibleTicket(actor, id);
    if (ticket.parentId !== null) throw conflict(ErrorCode.TicketLinked);
    if (!isOpen(ticket.status)) throw conflict(ErrorCode.TransitionNotAllowed);
    const assignee = await this.staff.findById(staffId);
    // Dispatchers and admins route work: they take a ticket only when they hold a working role too.
    if (
      !assignee ||
      !canBeAssigned(assignee.roles.length ? assignee.roles : [assignee.role]) ||
      !(await this.queues.isMember(ticket.queueId, staffId))
    ) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.AssigneeNotEligible);
    }
    const won = await this.db.transaction(() => this.take(ticket, actor, assignee, TicketEventKind.Assigned, note));
    if (!won) throw conflict(ErrorCode.Conflict);
    return won;
  }

  /**
   * Emergency queues: the least-loaded technician of the queue on a technician shift of its
   * district at `now` (the duty roster), under capacity, paged at once (the on-call chain starts);
   * nobody → escalated and the district's supervisors told.
   */
  async autoAssign(ticket: Ticket, now: Date): Promise<void> {
    const pick = await this.nextOnShift(ticket, now, []);
    const taken =
      pick && (await this.take(ticket, null, pick, TicketEventKind.Assigned, '系统自动派单，已通知值班技术员'));
    if (taken) {
      await this.pager.start(taken, pick.id, now);
      return;
    }
    await appendEvents(ticket.id, [
      {
        kind: TicketEventKind.Escalated,
        actor: null,
        at: now,
        note: '无值班人员可派，已通知主管',
        data: { reason: 'no_one_on_duty' },
      },
    ]);
    await this.pager.tellSupervisors(ticket, '无值班技术员可派');
  }

  /**
   * The least-loaded technician of the ticket's queue on a technician shift of its district at `now`
   * (docs/domain.md#duty-roster), under capacity, other than `passedOver`; null when there is none.
   */
  async nextOnShift(ticket: Ticket, now: Date, passedOver: number[]): Promise<StaffMember | null> {
    const queue = await this.queues.findById(ticket.queueId);
    const onShift = await this.rota.onShift(now, { districtId: queue?.districtId ?? null, role: Role.Technician });
    const memberIds = (await this.queues.memberIds(ticket.queueId)).filter(
      (id) => onShift.includes(id) && !passedOver.includes(id),
    );
    const onDuty = (await this.staff.findByIds(memberIds)).filter((s) => s.active && s.role === Role.Technician);
    const loads = await this.openLoads(onDuty.map((s) => s.id));
    return (
      onDuty
        .filter((s) => (loads.get(s.id) ?? 0) < s.capacity)
        .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.id - b.id)[0] ?? null
    );
  }

  /**
   * The on-call chain hands an unacknowledged job on: `to` gets it and its holder is taken off, only while
   * the ticket is still as read (same assignee and status); null otherwise.
   */
  handOn(ticket: Ticket, to: StaffMember, note: string): Promise<Ticket | null> {
    return this.take(ticket, null, to, TicketEventKind.Assigned, note);
  }

  /**
   * The conditional update is the lock: it only matches while the ticket is as we read it,
   * so concurrent claims on SQLite or MariaDB (any number of processes) have one winner.
   */
  private async take(
    ticket: Ticket,
    actor: Actor | null,
    assignee: { id: number; name: string },
    kind: TicketEventKind,
    note?: string,
  ): Promise<Ticket | null> {
    const em = this.db.manager;
    const taken = await this.takeAsRead(ticket, actor, assignee, kind, note);
    return taken && em.findOneByOrFail(Ticket, { id: ticket.id });
  }

  /**
   * take, answering the ticket as the update left it (and its clocks, when the transition read them)
   * instead of reading it again: for a ticket read under its row lock, whose other columns cannot have moved.
   */
  private async takeAsRead(
    ticket: Ticket,
    actor: Actor | null,
    assignee: { id: number; name: string },
    kind: TicketEventKind,
    note?: string,
  ): Promise<{ ticket: Ticket; clocks: TicketClock[] | null } | null> {
    const em = this.db.manager;
    const now = this.clock.now();
    const unassigned = kind === TicketEventKind.Claimed || ticket.assigneeId === null;
    const where = unassigned
      ? { id: ticket.id, assigneeId: IsNull(), status: In(CLAIMABLE) }
      : { id: ticket.id, assigneeId: ticket.assigneeId!, status: ticket.status };
    const to = unassigned || CLAIMABLE.includes(ticket.status) ? TicketStatus.Assigned : ticket.status;
    const result = await em.update(Ticket, where, { assigneeId: assignee.id, status: to, updatedAt: now });
    if (!result.affected) return null;
    await appendEvents(ticket.id, [
      {
        kind,
        actor,
        at: now,
        from: ticket.status,
        to,
        note,
        data: { assigneeId: assignee.id, assigneeName: assignee.name, previousAssigneeId: ticket.assigneeId },
      },
    ]);
    const clocks = to !== ticket.status ? await this.clocks.onTransition(ticket, ticket.status, to, now) : null;
    const after = Object.assign(Object.create(Ticket.prototype) as Ticket, ticket, {
      assigneeId: assignee.id,
      status: to,
      updatedAt: now,
    });
    return { ticket: after, clocks };
  }

  private async assertMayWork(actor: StaffPrincipal, queueId: number): Promise<void> {
    if (actor.role === Role.Supervisor || actor.role === Role.Admin) return;
    if (!(await this.queues.isMember(queueId, actor.id))) throw forbidden();
  }

  private async openLoads(staffIds: number[]): Promise<Map<number, number>> {
    const em = this.db.manager;
    if (!staffIds.length) return new Map();
    const rows: { assigneeId: number; n: string | number }[] = await em
      .createQueryBuilder(Ticket, 't')
      .select('t.assigneeId', 'assigneeId')
      .addSelect('COUNT(*)', 'n')
      .where('t.assigneeId IN (:...staffIds) AND t.status IN (:...working)', { staffIds, working: WORKING })
      .groupBy('t.assigneeId')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.assigneeId), Number(r.n)]));
  }
}
