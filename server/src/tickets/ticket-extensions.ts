import { Injectable } from '@nestjs/common';
import { ClockKind, ResidentTicketView, TicketStatus, TicketType, TicketView } from '@utility/shared';
import { Actor, ResidentPrincipal } from '../common/principal';
import { Ticket } from './ticket.entity';

/** Tickets a resident filed without an account of theirs on them (complaints, reports). */
export type AuthoredTickets = (residentId: number) => Promise<number[]>;
/** Residents who filed these tickets themselves and follow them by name (not anonymously), whatever the account. */
export type TicketAuthors = (ticketIds: number[]) => Promise<{ ticketId: number; residentId: number }[]>;
/** Adds what another module knows to the resident's view (rating state, anonymity). */
export type ResidentViewDecorator = (views: ResidentTicketView[], residentId: number | null) => Promise<void>;
/** Adds what another module knows to the staff's view (a fault's outage). */
export type StaffViewDecorator = (views: TicketView[]) => Promise<void>;
/** Refuses a status move another module's rule forbids (a grade-1 complaint closed by a non-supervisor); throws an AppError. */
export type MoveGuard = (actor: Actor, ticket: Ticket, to: TicketStatus) => Promise<void>;
/** Cancels a resident's ticket the way its own module does (an inspection also gives its slot back). */
export type ResidentCancel = (actor: ResidentPrincipal, ticket: Ticket, note: string) => Promise<void>;

/**
 * Asked at intake, in its transaction, about a ticket just written: the clocks not to start for it
 * (a fault that joined a known outage gets no on-site clock, docs/domain.md#outages). It may write
 * in that transaction (the link). The clocks it holds are the caller's to start later (TicketsService.startHeldClock).
 */
export type IntakeHold = (ticket: Ticket, at: Date) => Promise<ClockKind[]>;

/**
 * Where modules built on tickets (feedback, complaints) plug into the resident's reads and the
 * status moves, without the tickets module importing them (they import it).
 */
@Injectable()
export class TicketExtensions {
  private readonly authored: AuthoredTickets[] = [];
  private readonly authors: TicketAuthors[] = [];
  private readonly decorators: ResidentViewDecorator[] = [];
  private readonly staffDecorators: StaffViewDecorator[] = [];
  private readonly guards: MoveGuard[] = [];
  private readonly cancels = new Map<TicketType, ResidentCancel>();
  private readonly holds: IntakeHold[] = [];

  addAuthoredTickets(source: AuthoredTickets): void {
    this.authored.push(source);
  }

  addTicketAuthors(source: TicketAuthors): void {
    this.authors.push(source);
  }

  addResidentViewDecorator(decorator: ResidentViewDecorator): void {
    this.decorators.push(decorator);
  }

  addStaffViewDecorator(decorator: StaffViewDecorator): void {
    this.staffDecorators.push(decorator);
  }

  addMoveGuard(guard: MoveGuard): void {
    this.guards.push(guard);
  }

  addResidentCancel(type: TicketType, cancel: ResidentCancel): void {
    this.cancels.set(type, cancel);
  }

  addIntakeHold(hold: IntakeHold): void {
    this.holds.push(hold);
  }

  /** The clocks every registered hold keeps from starting for this new ticket. */
  async heldAtIntake(ticket: Ticket, at: Date): Promise<ClockKind[]> {
    const held: ClockKind[] = [];
    for (const hold of this.holds) held.push(...(await hold(ticket, at)));
    return held;
  }

  residentCancelOf(type: TicketType): ResidentCancel | undefined {
    return this.cancels.get(type);
  }

  async authoredBy(residentId: number): Promise<number[]> {
    return (await Promise.all(this.authored.map((source) => source(residentId)))).flat();
  }

  /** Each ticket's authors, asked once for a batch of tickets (the notice planner's), not once per ticket. */
  async authorsOf(ticketIds: number[]): Promise<Map<number, number[]>> {
    const byTicket = new Map<number, number[]>(ticketIds.map((id) => [id, []]));
    if (!ticketIds.length) return byTicket;
    for (const rows of await Promise.all(this.authors.map((source) => source(ticketIds))))
      for (const { ticketId, residentId } of rows) byTicket.get(ticketId)?.push(residentId);
    return byTicket;
  }

  async decorate(views: ResidentTicketView[], residentId: number | null): Promise<ResidentTicketView[]> {
    for (const decorator of this.decorators) await decorator(views, residentId);
    return views;
  }

  async decorateForStaff(views: TicketView[]): Promise<TicketView[]> {
    for (const decorator of this.staffDecorators) await decorator(views);
    return views;
  }

  async checkMove(actor: Actor, ticket: Ticket, to: TicketStatus): Promise<void> {
    for (const guard of this.guards) await guard(actor, ticket, to);
  }
}
