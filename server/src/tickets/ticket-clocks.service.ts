import { Injectable } from '@nestjs/common';
import {
  ClockKind,
  TicketEventKind,
  TicketStatus,
  VisitWindow,
  appointmentDeadlines,
  clocksRestartedBy,
  clocksStoppedBy,
} from '@utility/shared';
import { In, IsNull } from 'typeorm';
import { insertRows, preparedQuery, storedValue } from '../common/plain-insert';
import { entityColumns, hydrateRow } from '../common/plain-select';
import { SlaService, SlaTicket } from '../sla/sla.service';
import { SlaBreach } from './sla-breach.entity';
import { TicketClock } from './ticket-clock.entity';
import { appendEvents } from './ticket-events';
import { Ticket } from './ticket.entity';
import { Db } from '../common/db';

/** What the clocks of a ticket depend on: its id, and its type, channel and place (the SLA policy's selectors). */
export type ClockedTicket = Pick<Ticket, 'id' | 'type' | 'channel' | 'accountNo' | 'districtId' | 'stationId'>;

/** A clock as just written (its id is not needed to show it). */
export type NewClock = Omit<TicketClock, 'id'>;

/** `of`'s statement by dialect, built once. */
const CLOCKS_OF_TICKET = new Map<string, string>();

const riskAt = (startedAt: Date, dueAt: Date, ratio: number) =>
  new Date(startedAt.getTime() + ratio * (dueAt.getTime() - startedAt.getTime()));

/** Starts, stops and recomputes a ticket's SLA clocks; records breaches exactly once. */
@Injectable()
export class TicketClocksService {
  constructor(
    private readonly db: Db,
    private readonly sla: SlaService,
  ) {}

  /** Starts every clock of the type's policy at `at`. */
  async start(ticket: ClockedTicket, at: Date, only?: ClockKind[]): Promise<void> {
    const em = this.db.manager;
    const { deadlines: policy, atRiskRatio: ratio } = await this.sla.clockPlan(ticket, at);
    const deadlines = policy.filter((d) => !only || only.includes(d.kind));
    for (const d of deadlines) {
      const row = {
        startedAt: at,
        dueAt: d.dueAt,
        riskAt: riskAt(at, d.dueAt, ratio),
        stoppedAt: null,
        atRiskAt: null,
        breachedAt: null,
      };
      const existing = await em.findOneBy(TicketClock, { ticketId: ticket.id, kind: d.kind });
      if (existing) await em.update(TicketClock, { id: existing.id }, row);
      else await em.insert(TicketClock, { ticketId: ticket.id, kind: d.kind, ...row });
    }
  }

  /** One clock with an explicit deadline instead of the policy's (created or replaced). */
  async setDeadline(ticket: ClockedTicket, kind: ClockKind, startedAt: Date, dueAt: Date): Promise<void> {
    const em = this.db.manager;
    const ratio = await this.sla.atRiskRatio(ticket);
    const row = {
      startedAt,
      dueAt,
      riskAt: riskAt(startedAt, dueAt, ratio),
      stoppedAt: null,
      atRiskAt: null,
      breachedAt: null,
    };
    const existing = await em.findOneBy(TicketClock, { ticketId: ticket.id, kind });
    if (existing) await em.update(TicketClock, { id: existing.id }, row);
    else await em.insert(TicketClock, { ticketId: ticket.id, kind, ...row });
  }

  /** Stops one running clock (a complaint's first reply); a late stop still records the breach. */
  async stop(ticket: ClockedTicket & Pick<Ticket, 'queueId'>, kind: ClockKind, at: Date): Promise<boolean> {
    const em = this.db.manager;
    const clock = await em.findOneBy(TicketClock, { ticketId: ticket.id, kind, stoppedAt: IsNull() });
    if (!clock) return false;
    const stopped = await em.update(TicketClock, { id: clock.id, stoppedAt: IsNull() }, { stoppedAt: at });
    if (!stopped.affected) return false;
    if (clock.dueAt < at && !clock.breachedAt) await this.recordBreach(ticket, clock, at);
    return true;
  }

  /**
   * A new ticket's clocks in one insert: every clock of its type's policy, those its first status
   * already meets (受理 taken on the phone) stopped at once — as `start` then `onTransition` would.
   */
  async startNew(
    ticket: ClockedTicket & Pick<SlaTicket, 'accountUtility'>,
    at: Date,
    status: TicketStatus,
    window: VisitWindow | null = null,
    /** Clocks of the policy not to start now (held by an outage, TicketExtensions.heldAtIntake). */
    held: readonly ClockKind[] = [],
  ): Promise<NewClock[]> {
    const em = this.db.manager;
    const { deadlines: policy, atRiskRatio: ratio } = await this.sla.clockPlan(ticket, at);
    const met = clocksStoppedBy(status, ticket.type);
    const deadlines = (window ? appointmentDeadlines(policy, at, window) : policy).filter(
      (d) => !held.includes(d.kind),
    );
    const rows = deadlines.map((d) => ({
      ticketId: ticket.id,
      kind: d.kind,
      startedAt: at,
      dueAt: d.dueAt,
      riskAt: riskAt(at, d.dueAt, ratio),
      stoppedAt: met.includes(d.kind) ? at : null,
      atRiskAt: null,
      breachedAt: null,
    }));
    // In policy order: the order their ids take, and the order a view lists them in.
    await insertRows(em, TicketClock, rows);
    return rows;
  }

  /**
   * Applies a status change: stops the clocks it meets, restarts those a reopening revives.
   * Answers the ticket's clocks as it leaves them when it read them (a change that stops one), else null.
   */
  async onTransition(ticket: Ticket, from: TicketStatus, to: TicketStatus, at: Date): Promise<TicketClock[] | null> {
    const em = this.db.manager;
    const restart = clocksRestartedBy(to, from, ticket.type);
    if (restart.length) await this.start(ticket, at, restart);
    const stop = clocksStoppedBy(to, ticket.type);
    if (!stop.length) return null;
    const clocks = await this.of(ticket.id);
    const running = clocks.filter((c) => stop.includes(c.kind) && c.stoppedAt === null);
    if (running.length) {
      // Plain statements: every claim and status change stops clocks (TypeORM's builders cost more than the write).
      await em.query(`UPDATE ticket_clock SET stoppedAt = ? WHERE id IN (${running.map(() => '?').join(', ')})`, [
        storedValue(em, TicketClock, 'stoppedAt', at),
        ...running.map((c) => c.id),
      ]);
    }
    for (const clock of running) {
      clock.stoppedAt = at;
      // Met late and the sweeper had not run yet: the breach still counts.
      if (clock.dueAt < at && !clock.breachedAt && (await this.recordBreach(ticket, clock, at))) {
        clock.breachedAt = at;
      }
    }
    return clocks;
  }

  /**
   * A deadline set by the work itself rather than the policy (an inspection's booked slot):
   * the running clock of `kind` is due at `dueAt`, flagged afresh if it moved later.
   */
  async moveDue(ticket: ClockedTicket, kind: ClockKind, dueAt: Date, now: Date): Promise<void> {
    const em = this.db.manager;
    const clock = await em.findOneBy(TicketClock, { ticketId: ticket.id, kind, stoppedAt: IsNull() });
    if (!clock) return;
    const ratio = await this.sla.atRiskRatio(ticket);
    const reset = dueAt > now ? { atRiskAt: null, breachedAt: null } : {};
    await em.update(TicketClock, { id: clock.id }, { dueAt, riskAt: riskAt(clock.startedAt, dueAt, ratio), ...reset });
  }

  /**
   * The window moved: running on-site and resolve clocks follow it (appointmentDeadlines from the
   * policy's lengths). A breach already recorded stays in sla_breach.
   */
  async followWindow(ticket: Ticket, window: VisitWindow, now: Date): Promise<void> {
    const policy = await this.sla.deadlinesFor(ticket, ticket.createdAt);
    for (const d of appointmentDeadlines(policy, ticket.createdAt, window)) {
      if (d.kind === ClockKind.OnSite || d.kind === ClockKind.Resolve) await this.moveDue(ticket, d.kind, d.dueAt, now);
    }
  }

  /** New type (or queue): running clocks get the new policy's deadlines from their own start. */
  async recompute(ticket: ClockedTicket, now: Date): Promise<void> {
    const em = this.db.manager;
    const ratio = await this.sla.atRiskRatio(ticket);
    const clocks = await em.findBy(TicketClock, { ticketId: ticket.id, stoppedAt: IsNull() });
    for (const clock of clocks) {
      const due = (await this.sla.deadlinesFor(ticket, clock.startedAt)).find((d) => d.kind === clock.kind);
      if (!due) {
        await em.update(TicketClock, { id: clock.id }, { stoppedAt: now });
        continue;
      }
      // A breach already recorded stays in sla_breach; the clock may breach the new deadline too.
      const reset = due.dueAt > now ? { atRiskAt: null, breachedAt: null } : {};
      await em.update(
        TicketClock,
        { id: clock.id },
        { dueAt: due.dueAt, riskAt: riskAt(clock.startedAt, due.dueAt, ratio), ...reset },
      );
    }
    // Clocks the new type has and the old one had not (billing → repair: on site, resolve) run from
    // the ticket's arrival like the others; one its status has already passed counts as met then.
    const { status, createdAt } = await em.findOneByOrFail(Ticket, { id: ticket.id });
    const have = new Set((await em.findBy(TicketClock, { ticketId: ticket.id })).map((c) => c.kind));
    const missing = (await this.sla.deadlinesFor(ticket, createdAt))
      .map((d) => d.kind)
      .filter((kind) => !have.has(kind));
    if (!missing.length) return;
    await this.start(ticket, createdAt, missing);
    const met = clocksStoppedBy(status, ticket.type).filter((kind) => missing.includes(kind));
    if (met.length) await em.update(TicketClock, { ticketId: ticket.id, kind: In(met) }, { stoppedAt: createdAt });
  }

  /** A ticket's clocks in policy order (the order their ids take), read in the caller's transaction. */
  async of(ticketId: number): Promise<TicketClock[]> {
    const em = this.db.manager;
    const dialect = em.connection.driver.options.type;
    let sql = CLOCKS_OF_TICKET.get(dialect);
    if (!sql) {
      sql = `SELECT ${entityColumns(em, TicketClock)} FROM ticket_clock WHERE ticketId = ? ORDER BY id`;
      CLOCKS_OF_TICKET.set(dialect, sql);
    }
    // Read by every claim and status change: held prepared on MariaDB.
    const rows = await preparedQuery<Record<string, unknown>[]>(em, sql, [ticketId]);
    return rows.map((row) => hydrateRow(em, TicketClock, row));
  }

  /**
   * Marks the clock breached if nobody did yet. Returns false when another process won,
   * so that only one escalation follows a breach.
   */
  async recordBreach(ticket: ClockedTicket & Pick<Ticket, 'queueId'>, clock: TicketClock, at: Date): Promise<boolean> {
    const em = this.db.manager;
    const won = await em.update(TicketClock, { id: clock.id, breachedAt: IsNull() }, { breachedAt: at });
    if (!won.affected) return false;
    await em.insert(SlaBreach, {
      ticketId: ticket.id,
      clock: clock.kind,
      ticketType: ticket.type,
      queueId: ticket.queueId,
      dueAt: clock.dueAt,
      breachedAt: at,
    });
    await appendEvents(ticket.id, [
      {
        kind: TicketEventKind.Breached,
        actor: null,
        at,
        note: null,
        data: { clock: clock.kind, dueAt: clock.dueAt.toISOString() },
      },
    ]);
    return true;
  }
}
