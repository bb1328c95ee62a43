import { HttpStatus, Injectable } from '@nestjs/common';
import {
  Channel,
  ClockKind,
  CreateTicketRequest,
  ErrorCode,
  MoveMeans,
  Priority,
  Role,
  TicketEventKind,
  TicketStatus,
  TicketType,
  TransitionError,
  VisitWindow,
  assertTransition,
  isOpen,
  ticketNumber,
} from '@utility/shared';
import { IsNull } from 'typeorm';
import { AccountPlace, AccountsService } from '../accounts/accounts.service';
import { AppError, conflict, forbidden, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { phoneIndex } from '../common/phone-index';
import { insertRow } from '../common/plain-insert';
import { Db } from '../common/db';
import { Actor, ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { OrgService } from '../org/org.service';
import { QueuesService } from '../queues/queues.service';
import { TicketAssignment } from './ticket-assignment.service';
import { ClockedTicket, NewClock, TicketClocksService } from './ticket-clocks.service';
import { TicketExtensions } from './ticket-extensions';
import { TicketLinks } from './ticket-links.service';
import { EventData, TicketEvent } from './ticket-event.entity';
import { appendEvents } from './ticket-events';
import { TicketReader } from './ticket-reader.service';
import { Ticket } from './ticket.entity';

/** What intake needs: a staff or resident request, or the product's own (channel `system`). */
export type IntakeInput = Omit<CreateTicketRequest, 'channel'> & {
  channel: Channel;
  /** A visit window agreed at intake (a repair's appointment): on-site and resolve are measured from it. */
  window?: VisitWindow | null;
};

export interface NewTicket {
  ticket: Ticket;
  queueName: string;
  clocks: NewClock[] | null;
}

/** One step of work another module records on a ticket (field work, a resident's sign-off). */
export interface TicketStep {
  /** A status move, checked by the state machine: 409 when nobody may make it now, 403 when someone may but not this actor. */
  to?: TicketStatus;
  note?: string;
  /** Facts of the move's own event (where the technician arrived, which result was recorded…). */
  data?: EventData;
  /** `job_result`: the move is the field job's recorded result (the only way a field job is resolved). */
  means?: MoveMeans;
  /** Further timeline lines of the step, after the move's. */
  events?: { kind: TicketEventKind; note?: string | null; data?: EventData | null }[];
}

const initialPriority = (type: TicketType): Priority =>
  type === TicketType.Leak ? Priority.Emergency : Priority.Normal;

/** Intake and the ticket's life: every change is one transaction with its events. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly org: OrgService,
    private readonly orgVersion: OrgVersion,
    private readonly queues: QueuesService,
    private readonly clocks: TicketClocksService,
    private readonly assignment: TicketAssignment,
    private readonly reader: TicketReader,
    private readonly extensions: TicketExtensions,
    private readonly links: TicketLinks,
  ) {}

  /**
   * Creates a ticket, routes it, starts its clocks and, for emergency queues, assigns it, in the
   * caller's transaction (idempotency wraps intake in its own).
   */
  async intake(actor: Actor | null, body: IntakeInput): Promise<Ticket> {
    return (await this.intakeAsWritten(actor, body)).ticket;
  }

  /**
   * Intake, answering with what it wrote — the ticket, its queue's name and its clocks — so that
   * its view needs no read-back. `clocks` is null when auto-assignment may have moved them since.
   */
  async intakeAsWritten(actor: Actor | null, body: IntakeInput): Promise<NewTicket> {
    const em = this.db.manager;
    const now = this.clock.now();
    // Every read joins the transaction: waiting for a second pooled connection while holding one
    // deadlocks the pool once as many intakes run at once as it has connections.
    const { accountUtility, ...place } = await this.placeOf(body);
    const queue = await this.queues.route({ type: body.type, ...place });
    // A caller taken by staff on the phone or at the counter has already been heard: 受理.
    const byStaff = actor !== null && actor.role !== Role.Resident;
    const status = byStaff && body.channel !== Channel.Miniapp ? TicketStatus.Accepted : TicketStatus.Submitted;
    const row: Omit<Ticket, 'id' | 'no'> = {
      type: body.type,
      status,
      priority: initialPriority(body.type),
      channel: body.channel,
      externalRef: body.externalRef ?? null,
      queueId: queue.id,
      assigneeId: null,
      accountNo: body.accountNo ?? null,
      ...place,
      address: body.address,
      contactName: body.contactName,
      contactPhone: body.contactPhone,
      contactPhoneIndex: phoneIndex(body.contactPhone),
      description: body.description,
      windowStart: body.window?.start ?? null,
      windowEnd: body.window?.end ?? null,
      createdById: byStaff ? actor.id : null,
      parentId: null,
      createdAt: now,
      updatedAt: now,
    };
    // A plain statement (common/plain-insert.ts); the number is derived from the id it generated.
    const id = await insertRow(em, Ticket, row);
    // What was just written, without reading it back (each round trip costs intake throughput).
    const ticket: Ticket = { ...row, id, no: ticketNumber(now, id) };
    await appendEvents(id, [
      { kind: TicketEventKind.Created, actor, at: now, to: TicketStatus.Submitted, data: { channel: body.channel } },
      ...(status === TicketStatus.Accepted
        ? [{ kind: TicketEventKind.Transition, actor, at: now, from: TicketStatus.Submitted, to: status }]
        : []),
      { kind: TicketEventKind.Routed, actor: null, at: now, note: queue.name, data: { queueId: queue.id } },
    ]);
    const held = await this.extensions.heldAtIntake(ticket, now);
    const clocked = accountUtility === undefined ? ticket : { ...ticket, accountUtility };
    const clocks = await this.clocks.startNew(clocked, now, status, body.window ?? null, held);
    if (!queue.autoAssign) return { ticket, queueName: queue.name, clocks };
    await this.assignment.autoAssign(ticket, now);
    return { ticket: await em.findOneByOrFail(Ticket, { id }), queueName: queue.name, clocks: null };
  }

  /** A ticket the product raises itself (a held reading, a payment mismatch), about an account. */
  async openSystemTicket(input: { type: TicketType; accountNo: string | null; description: string }): Promise<Ticket> {
    const account = input.accountNo ? await this.accounts.findByNo(input.accountNo) : null;
    if (input.accountNo && !account) throw new Error(`No account ${input.accountNo} for a system ticket`);
    // Without an account (a payment nobody can place) there is no district: it goes to triage.
    return this.intake(null, {
      type: input.type,
      accountNo: account?.accountNo,
      address: account?.address ?? '—',
      contactName: account?.holderName ?? '系统',
      contactPhone: '',
      description: input.description,
      channel: Channel.System,
    });
  }

  /** The account's leak still being worked (not resolved, closed or cancelled), the newest if several. */
  async openLeakOf(accountNo: string): Promise<Ticket | null> {
    const em = this.db.manager;
    const leaks = await em.find(Ticket, {
      where: { accountNo, type: TicketType.Leak },
      order: { id: 'DESC' },
      take: 20,
    });
    return leaks.find((t) => isOpen(t.status)) ?? null;
  }

  /** A repeat alarm joined this open leak: the timeline says so, and nobody else is dispatched. */
  async noteRepeatAlarm(ticketId: number, actor: Actor, note: string): Promise<void> {
    await appendEvents(ticketId, [{ kind: TicketEventKind.Note, actor, at: this.clock.now(), note }]);
  }

  async transition(actor: StaffPrincipal, id: number, to: TicketStatus, note?: string): Promise<Ticket> {
    return this.move(actor, await this.reader.visibleTicket(actor, id), to, note);
  }

  /** A resident acts on a ticket of an account they have bound (cancel before assignment, reopen). */
  async transitionForResident(
    actor: ResidentPrincipal,
    accountNos: string[],
    id: number,
    to: TicketStatus,
    note?: string,
  ): Promise<Ticket> {
    const ticket = await this.reader.residentTicket(accountNos, id, actor.id);
    const cancel = to === TicketStatus.Cancelled ? this.extensions.residentCancelOf(ticket.type) : undefined;
    if (!cancel) return this.move(actor, ticket, to, note);
    await cancel(actor, ticket, note ?? '居民取消');
    return this.reader.byId(id);
  }

  /**
   * The ticket and its timeline read afresh in the caller's transaction and, on MariaDB, locked
   * until it ends: steps on one ticket (two taps of 确认, a hand-over racing a departure) queue up
   * and each sees what the one before did. (SQLite's transactions are already serialized by Db.)
   */
  async lockForStep(id: number): Promise<{ ticket: Ticket; events: TicketEvent[] }> {
    const em = this.db.manager;
    const ticket = await em.findOne(Ticket, {
      where: { id },
      ...(this.db.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!ticket) throw notFound();
    const events = await em.find(TicketEvent, { where: { ticketId: id }, order: { id: 'ASC' } });
    return { ticket, events };
  }

  /**
   * Records a step in the caller's transaction, so that what the caller stores with it (a repair
   * result, photos) and the ticket change are one. It applies only while the ticket still has the
   * status and assignee it was read with (else 409 CONFLICT); a move back to 受理 frees the ticket
   * for its queue. Clocks follow the move as for `transition`.
   */
  async recordStep(actor: Actor | null, ticket: Ticket, step: TicketStep): Promise<Ticket> {
    const em = this.db.manager;
    const to = step.to;
    // A null actor is the product itself applying a rule (a return visit closes, a bad rating reopens).
    if (to && actor) await this.assertMove(actor, ticket, to, step.means);
    const now = this.clock.now();
    const id = ticket.id;
    const assigneeId = to === TicketStatus.Accepted ? null : ticket.assigneeId;
    // A duplicate reopened on its own is worked alone from then on (docs/domain.md#duplicates).
    const unlink = to && ticket.parentId !== null && !isOpen(ticket.status) && isOpen(to) ? { parentId: null } : {};
    const moved = await em.update(
      Ticket,
      { id, status: ticket.status, assigneeId: ticket.assigneeId ?? IsNull() },
      { status: to ?? ticket.status, assigneeId, ...unlink, updatedAt: now },
    );
    if (!moved.affected) throw conflict(ErrorCode.Conflict);
    await appendEvents(id, [
      ...(to
        ? [
            {
              kind: TicketEventKind.Transition,
              actor,
              at: now,
              from: ticket.status,
              to,
              note: step.note,
              data: step.data,
            },
          ]
        : []),
      ...(step.events ?? []).map((e) => ({ ...e, actor, at: now })),
    ]);
    if (to) await this.clocks.onTransition(ticket, ticket.status, to, now);
    if (to) await this.links.followParent(ticket, to, now);
    return em.findOneByOrFail(Ticket, { id });
  }

  /**
   * The work sets the ticket's resolve deadline (an inspection's booked slot, a re-inspection's
   * rectification deadline), with a note on the timeline; in the caller's transaction.
   */
  async moveResolveDeadline(
    actor: Actor | null,
    ticket: Pick<Ticket, 'id' | 'type'>,
    dueAt: Date,
    note: string,
    /** The booked window it comes from, shown on the ticket (an inspection's new half-day). */
    window?: VisitWindow,
  ): Promise<void> {
    const em = this.db.manager;
    const now = this.clock.now();
    // The at-risk share depends on the ticket's whole SLA subject (type, channel, place).
    const clocked = await em.findOneByOrFail(Ticket, { id: ticket.id });
    await this.clocks.moveDue(clocked, ClockKind.Resolve, dueAt, now);
    if (window) await em.update(Ticket, { id: ticket.id }, { windowStart: window.start, windowEnd: window.end });
    await appendEvents(ticket.id, [
      { kind: TicketEventKind.Note, actor, at: now, note, data: { dueAt: dueAt.toISOString() } },
    ]);
  }

  /**
   * A visit recorded at the door in one go: the caller claims the ticket if nobody has it, then
   * it goes on the way and on site, so the timeline shows who came and when. In the caller's
   * transaction, on a ticket read by lockForStep; 409 when someone else works it.
   */
  async arriveForVisit(actor: StaffPrincipal, ticket: Ticket): Promise<Ticket> {
    let current = ticket;
    if (current.assigneeId === null) {
      const claimed = await this.assignment.claimIn(actor, current);
      if (!claimed) throw conflict(ErrorCode.TransitionNotAllowed);
      current = claimed;
    }
    if (current.assigneeId !== actor.id) throw conflict(ErrorCode.TicketAlreadyClaimed);
    if (current.status === TicketStatus.Assigned)
      current = await this.recordStep(actor, current, { to: TicketStatus.EnRoute });
    if (current.status === TicketStatus.EnRoute)
      current = await this.recordStep(actor, current, { to: TicketStatus.OnSite });
    if (current.status !== TicketStatus.OnSite) throw conflict(ErrorCode.TransitionNotAllowed);
    return current;
  }

  private async assertMove(actor: Actor, ticket: Ticket, to: TicketStatus, means: MoveMeans = 'plain'): Promise<void> {
    try {
      assertTransition(
        ticket.type,
        ticket.status,
        to,
        { role: actor.role, isAssignee: ticket.assigneeId === actor.id && actor.role !== Role.Resident },
        means,
      );
    } catch (error) {
      // Nobody may make this move now → 409; somebody may, but not this caller → 403; a field job
      // is resolved only with its result (docs/domain.md#charges) → 409 FIELD_JOB_RESULT_REQUIRED.
      if (error instanceof TransitionError) throw error.reason === 'actor' ? forbidden() : conflict(error.code);
      throw error;
    }
    await this.extensions.checkMove(actor, ticket, to);
  }

  private async move(actor: Actor, ticket: Ticket, to: TicketStatus, note?: string): Promise<Ticket> {
    await this.assertMove(actor, ticket, to);
    const now = this.clock.now();
    const id = ticket.id;
    return this.db.transaction(async (em) => {
      // Back to 受理 (handed back or reopened) frees the ticket for the queue again.
      const assigneeId = to === TicketStatus.Accepted ? null : ticket.assigneeId;
      // A duplicate reopened on its own is worked alone from then on (docs/domain.md#duplicates).
      const unlink = ticket.parentId !== null && !isOpen(ticket.status) && isOpen(to) ? { parentId: null } : {};
      const moved = await em.update(
        Ticket,
        { id, status: ticket.status },
        { status: to, assigneeId, ...unlink, updatedAt: now },
      );
      if (!moved.affected) throw conflict(ErrorCode.Conflict);
      await appendEvents(id, [{ kind: TicketEventKind.Transition, actor, at: now, from: ticket.status, to, note }]);
      await this.clocks.onTransition(ticket, ticket.status, to, now);
      await this.links.followParent(ticket, to, now);
      return em.findOneByOrFail(Ticket, { id });
    });
  }

  /**
   * A deadline fixed by another rule than the type's policy (a return visit is due 24 h after the
   * work it visits was finished): the clock runs from `startedAt` to `dueAt`.
   */
  async setDeadline(ticket: ClockedTicket, kind: ClockKind, startedAt: Date, dueAt: Date): Promise<void> {
    await this.clocks.setDeadline(ticket, kind, startedAt, dueAt);
  }

  /**
   * Starts a clock intake held (an outage child unlinked by staff: its on-site clock runs from now),
   * with a note on the timeline; in the caller's transaction. Nothing for a ticket no longer open.
   */
  async startHeldClock(ticketId: number, kind: ClockKind, note: string): Promise<boolean> {
    const em = this.db.manager;
    const ticket = await em.findOneBy(Ticket, { id: ticketId });
    if (!ticket || !isOpen(ticket.status)) return false;
    const now = this.clock.now();
    await this.clocks.start(ticket, now, [kind]);
    await appendEvents(ticketId, [{ kind: TicketEventKind.Note, actor: null, at: now, note }]);
    return true;
  }

  /**
   * Resolves an open ticket because what it reported is over (its outage was restored), as the
   * product itself: a note and 已处理 in the caller's transaction; the resident may still say
   * "not fixed" (reopens it, with fresh clocks). False when it is no longer open.
   */
  async resolveWith(ticketId: number, note: string, data: EventData): Promise<boolean> {
    const em = this.db.manager;
    const ticket = await em.findOneBy(Ticket, { id: ticketId });
    if (!ticket || !isOpen(ticket.status)) return false;
    await this.recordStep(null, ticket, { to: TicketStatus.Resolved, note, data });
    return true;
  }

  /** A note on a ticket's timeline by the product or a staff member, in the caller's transaction. */
  async note(actor: Actor | null, ticketId: number, note: string, data?: EventData): Promise<void> {
    await appendEvents(ticketId, [{ kind: TicketEventKind.Note, actor, at: this.clock.now(), note, data }]);
  }

  /** Stops one clock of a ticket in the caller's transaction; false when it was not running. */
  stopClock(ticket: Ticket, kind: ClockKind): Promise<boolean> {
    return this.clocks.stop(ticket, kind, this.clock.now());
  }

  /** Moves an open ticket to another queue with a new priority, in the caller's transaction (a grade-1 complaint goes to the supervisors, escalated). */
  async requeue(
    actor: Actor,
    ticket: Ticket,
    change: { queueId: number; priority: Priority; note: string; escalate: boolean },
  ): Promise<Ticket> {
    const em = this.db.manager;
    const now = this.clock.now();
    const moved = await em.update(
      Ticket,
      { id: ticket.id, status: ticket.status },
      { queueId: change.queueId, priority: change.priority, updatedAt: now },
    );
    if (!moved.affected) throw conflict(ErrorCode.Conflict);
    await appendEvents(ticket.id, [
      { kind: TicketEventKind.Routed, actor, at: now, note: change.note, data: { queueId: change.queueId } },
      ...(change.escalate
        ? [
            {
              kind: TicketEventKind.Escalated,
              actor,
              at: now,
              note: change.note,
              data: { from: ticket.priority, to: change.priority },
            },
          ]
        : []),
    ]);
    return em.findOneByOrFail(Ticket, { id: ticket.id });
  }

  /** Reclassify (e.g. out of triage): re-route and recompute running clocks for the new type. */
  async retype(actor: StaffPrincipal, id: number, type: TicketType, note?: string): Promise<Ticket> {
    const ticket = await this.reader.visibleTicket(actor, id);
    if (!isOpen(ticket.status)) throw conflict(ErrorCode.TransitionNotAllowed);
    const queue = await this.queues.route({ type, districtId: ticket.districtId, stationId: ticket.stationId });
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const moved = await em.update(
        Ticket,
        { id, status: ticket.status, type: ticket.type },
        { type, queueId: queue.id, updatedAt: now },
      );
      if (!moved.affected) throw conflict(ErrorCode.Conflict);
      await appendEvents(id, [
        {
          kind: TicketEventKind.TypeChanged,
          actor,
          at: now,
          note,
          data: { from: ticket.type, to: type, queueId: queue.id },
        },
      ]);
      await this.clocks.recompute({ ...ticket, type }, now);
      return em.findOneByOrFail(Ticket, { id });
    });
  }

  /**
   * District and station from the account (with its utility, which its clocks may depend on), else
   * the caller's district, else nowhere (triage).
   */
  private async placeOf(
    body: IntakeInput,
  ): Promise<{ districtId: number | null; stationId: number | null; accountUtility?: AccountPlace['utility'] }> {
    if (body.accountNo) {
      const account = await this.accounts.placeOf(body.accountNo);
      if (!account) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.AccountNotFound);
      // Read in the same statement: routing and the SLA policy take it without a round trip of their own.
      this.orgVersion.adopt(account.orgVersion);
      return { districtId: account.districtId, stationId: account.stationId, accountUtility: account.utility };
    }
    if (body.districtId) {
      if (!(await this.org.findDistrict(body.districtId)))
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '片区不存在');
      return { districtId: body.districtId, stationId: null };
    }
    return { districtId: null, stationId: null };
  }
}
