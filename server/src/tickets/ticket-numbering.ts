import { ticketNumber } from '@utility/shared';
import { EntitySubscriberInterface, EventSubscriber } from 'typeorm';
import { Ticket } from './ticket.entity';

/**
 * Gives every ticket read from the database its number (Ticket.no), derived from its id and creation
 * time: the number is not stored, so intake writes it in no statement of its own (issue 19).
 */
@EventSubscriber()
export class TicketNumbering implements EntitySubscriberInterface<Ticket> {
  listenTo(): typeof Ticket {
    return Ticket;
  }

  afterLoad(ticket: Ticket): void {
    ticket.no = ticket.id && ticket.createdAt ? ticketNumber(ticket.createdAt, ticket.id) : null;
  }
}
