import { Injectable } from '@nestjs/common';
import { ComplaintGrade, FollowUpCause, TicketStatus, TicketType, followUpFor } from '@utility/shared';
import { ComplaintHandling } from '../complaints/complaint-handling.service';
import { ComplaintIntake } from '../complaints/complaint-intake.service';
import { TicketsService } from '../tickets/tickets.service';
import { TicketSnapshot } from '../tickets/ticket-snapshot';

export interface FollowUp {
  kind: 'reopened' | 'complaint';
  ticketId: number;
}

/**
 * The loop closes itself: a good outcome closes the work. A bad one goes by its cause (see
 * followUpFor): work not fixed is reopened in the field (same number, fresh clocks) or, at a desk,
 * becomes a complaint; a dissatisfied resident gets a complaint linked to the work, with its own
 * clocks. The work itself is then closed (已转投诉) and its pending visit still settles it.
 */
@Injectable()
export class FeedbackLoop {
  constructor(
    private readonly tickets: TicketsService,
    private readonly complaints: ComplaintIntake,
    private readonly handling: ComplaintHandling,
  ) {}

  /** Closes resolved work; a grade-1 complaint waits for a supervisor to close it. */
  async close(ticket: TicketSnapshot, note: string): Promise<void> {
    if (ticket.status !== TicketStatus.Resolved) return;
    if (ticket.type === TicketType.Complaint && (await this.handling.gradeOf(ticket.id)) === ComplaintGrade.One) return;
    await this.tickets.recordStep(null, ticket, { to: TicketStatus.Closed, note });
  }

  async followUp(ticket: TicketSnapshot, cause: FollowUpCause, why: string): Promise<FollowUp | null> {
    if (ticket.status !== TicketStatus.Resolved && ticket.status !== TicketStatus.Closed) return null;
    if (followUpFor(ticket.type, cause) === 'reopen') {
      await this.tickets.recordStep(null, ticket, { to: TicketStatus.Accepted, note: `${why}，自动重新受理` });
      return { kind: 'reopened', ticketId: ticket.id };
    }
    const complaint = await this.complaints.openLinked(ticket, why);
    await this.close(ticket, `已转投诉 ${complaint.no}`);
    return { kind: 'complaint', ticketId: complaint.id };
  }
}
