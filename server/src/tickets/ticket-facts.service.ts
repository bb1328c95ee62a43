import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BreachFact,
  ClockFact,
  TicketEventKind,
  TicketFact,
  TicketMonthFacts,
  TicketStatus,
  TransitionFact,
} from '@utility/shared';
import { Brackets, In, Repository, SelectQueryBuilder } from 'typeorm';
import { SlaBreach } from './sla-breach.entity';
import { TicketClock } from './ticket-clock.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

/** Transitions the reports count: resolutions (handled, return visits) and withdrawals (complaints). */
const COUNTED_MOVES = [TicketStatus.Resolved, TicketStatus.Cancelled];
const CHUNK = 500;

/**
 * Read-only facts of tickets for the monthly report and the dashboard (reports module).
 * `districtId` null = the whole company. Counting rules live in shared/reports; this only
 * gathers a superset of what a window needs.
 */
@Injectable()
export class TicketFactsService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    @InjectRepository(TicketClock) private readonly clocks: Repository<TicketClock>,
    @InjectRepository(SlaBreach) private readonly breaches: Repository<SlaBreach>,
  ) {}

  /** When the first ticket was created: the product's data begins then (or with the first bill). */
  async firstCreatedAt(): Promise<Date | null> {
    const first = await this.tickets.findOne({
      where: {},
      order: { createdAt: 'ASC' },
      select: { id: true, createdAt: true },
    });
    return first?.createdAt ?? null;
  }

  /**
   * Tickets created in [start, end), resolutions and withdrawals from `start` up to `asOf` (with
   * their tickets), clocks whose outcome fell in the window plus every clock of those tickets,
   * and the breaches of all of them.
   */
  async monthFacts(start: Date, end: Date, asOf: Date, districtId: number | null): Promise<TicketMonthFacts> {
    const created = await this.scoped(this.tickets.createQueryBuilder('t'), districtId)
      .andWhere('t.createdAt >= :start AND t.createdAt < :end', { start, end })
      .getMany();
    const moves = await this.scoped(
      this.events.createQueryBuilder('e').innerJoin(Ticket, 't', 't.id = e.ticketId'),
      districtId,
    )
      .andWhere('e.kind = :kind AND e.toStatus IN (:...moves) AND e.at >= :start AND e.at <= :asOf', {
        kind: TicketEventKind.Transition,
        moves: COUNTED_MOVES,
        start,
        asOf,
      })
      .getMany();
    const settled = await this.settledClocks(start, end, districtId);
    const known = new Set(created.map((t) => t.id));
    const more = [...new Set([...moves.map((e) => e.ticketId), ...settled.map((c) => c.ticketId)])].filter(
      (id) => !known.has(id),
    );
    const tickets = [...created, ...(await this.byIds(this.tickets, more, 'id'))];
    const ids = tickets.map((t) => t.id);
    const clocks = await this.byIds(this.clocks, ids, 'ticketId');
    const breaches = await this.byIds(this.breaches, ids, 'ticketId');
    return {
      tickets: tickets.map(toTicketFact),
      transitions: moves.map(toTransitionFact),
      clocks: clocks.map(toClockFact),
      breaches: breaches.map(toBreachFact),
    };
  }

  /** The dashboard's window: tickets created in it, clocks settled in it, their breaches. */
  async windowFacts(start: Date, end: Date, districtId: number | null): Promise<Omit<TicketMonthFacts, 'transitions'>> {
    const tickets = await this.scoped(this.tickets.createQueryBuilder('t'), districtId)
      .andWhere('t.createdAt >= :start AND t.createdAt < :end', { start, end })
      .getMany();
    const clocks = await this.settledClocks(start, end, districtId);
    const breaches = await this.byIds(this.breaches, [...new Set(clocks.map((c) => c.ticketId))], 'ticketId');
    return {
      tickets: tickets.map(toTicketFact),
      clocks: clocks.map(toClockFact),
      breaches: breaches.map(toBreachFact),
    };
  }

  /** The district of each ticket (other modules' facts are placed by their ticket's district). */
  async districtsOf(ticketIds: number[]): Promise<Map<number, number | null>> {
    const rows = await this.byIds(this.tickets, [...new Set(ticketIds)], 'id');
    return new Map(rows.map((t) => [t.id, t.districtId]));
  }

  /** Clocks stopped or due in the window (a missed clock counts in its due month, however late it stopped). */
  private settledClocks(start: Date, end: Date, districtId: number | null): Promise<TicketClock[]> {
    return this.scoped(this.clocks.createQueryBuilder('c').innerJoin(Ticket, 't', 't.id = c.ticketId'), districtId)
      .andWhere(
        new Brackets((q) =>
          q.where('c.stoppedAt >= :start AND c.stoppedAt < :end').orWhere('c.dueAt >= :start AND c.dueAt < :end'),
        ),
        { start, end },
      )
      .getMany();
  }

  private scoped<T extends object>(q: SelectQueryBuilder<T>, districtId: number | null): SelectQueryBuilder<T> {
    return districtId === null ? q.where('1 = 1') : q.where('t.districtId = :districtId', { districtId });
  }

  private async byIds<T extends object>(repo: Repository<T>, ids: number[], column: string): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      out.push(...(await repo.findBy({ [column]: In(ids.slice(i, i + CHUNK)) } as never)));
    }
    return out;
  }
}

const toTicketFact = (t: Ticket): TicketFact => ({
  id: t.id,
  type: t.type,
  districtId: t.districtId,
  channel: t.channel,
  createdAt: t.createdAt,
});
const toTransitionFact = (e: TicketEvent): TransitionFact => ({
  ticketId: e.ticketId,
  toStatus: e.toStatus!,
  actorId: e.actorId,
  actorRole: e.actorRole,
  at: e.at,
});
const toClockFact = (c: TicketClock): ClockFact => ({
  ticketId: c.ticketId,
  kind: c.kind,
  dueAt: c.dueAt,
  stoppedAt: c.stoppedAt,
});
const toBreachFact = (b: SlaBreach): BreachFact => ({ ticketId: b.ticketId, clock: b.clock, breachedAt: b.breachedAt });
