import {
  BOOKING_STATE_LABELS,
  BookingState,
  InspectionBookingView,
  InspectionSlotView,
  InspectionTicketRef,
} from '@utility/shared';
import { Account } from '../accounts/account.entity';
import { Ticket } from '../tickets/ticket.entity';
import { InspectionBooking } from './inspection-booking.entity';

export const ticketRef = (t: Pick<Ticket, 'id' | 'no' | 'status'>): InspectionTicketRef => ({
  id: t.id,
  no: t.no ?? String(t.id),
  status: t.status,
});

/** A booking for the resident; `beforeCutoff` is the booked slot's, judged by the caller's clock. */
export function toBookingView(
  b: InspectionBooking,
  parts: { account: Account; planName: string; slot: InspectionSlotView; ticket: Ticket; beforeCutoff: boolean },
): InspectionBookingView {
  const changeable = (b.state === BookingState.Booked && parts.beforeCutoff) || b.state === BookingState.Missed;
  return {
    id: b.id,
    accountId: b.accountId,
    accountNo: parts.account.accountNo,
    address: parts.account.address,
    planId: b.planId,
    planName: parts.planName,
    slot: parts.slot,
    state: b.state,
    stateLabel: BOOKING_STATE_LABELS[b.state],
    ticket: ticketRef(parts.ticket),
    canReschedule: changeable,
    canCancel: changeable,
    createdAt: b.createdAt.toISOString(),
  };
}
