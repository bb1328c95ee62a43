import { TicketEventKind, TicketStatus } from './ticket-codes';

/** A ticket's progress as the resident reads it (不是内部状态). */
export enum ResidentStep {
  Submitted = 'submitted',
  Accepted = 'accepted',
  Dispatched = 'dispatched',
  OnTheWay = 'on_the_way',
  Arrived = 'arrived',
  Done = 'done',
  ToRate = 'to_rate',
  Reopened = 'reopened',
  Cancelled = 'cancelled',
  Confirmed = 'confirmed',
  if (kind === TicketEventKind.QuoteSent) return ResidentStep.QuoteSent;
  if (kind === TicketEventKind.QuoteAccepted) return ResidentStep.QuoteAccepted;
