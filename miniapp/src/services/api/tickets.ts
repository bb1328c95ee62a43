import type {
  AssignRequest,
  ContactedRequest,
  CreateTicketRequest,
  MoveWindowRequest,
  TicketDetailView,
  TicketView,
  TransitionRequest,
} from '@utility/shared';
import { staffApi, type RequestOptions } from './request';

export function getTicket(id: number): Promise<TicketDetailView> {
  return staffApi.request<TicketDetailView>(`/api/tickets/${id}`);
}

/**
 * `idempotencyKey` belongs to the form fill, not to the call: a retry after a lost answer
 * must send the same key so the server returns the ticket it already created.
 */
export function createTicket(
  ticket: CreateTicketRequest,
  idempotencyKey: string,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<TicketView> {
  return staffApi.request<TicketView>('/api/tickets', { method: 'POST', data: ticket, idempotencyKey, ...options });
}

// Claim, assign and transition carry no Idempotency-Key (the server keys only ticket creation),
// so the wrapper does not retry them: the person sees the network error and the refreshed ticket.
export function claimTicket(id: number): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/claim`, { method: 'POST' });
}

export function assignTicket(id: number, assignment: AssignRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/assign`, { method: 'POST', data: assignment });
}

export function transitionTicket(id: number, transition: TransitionRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/transition`, { method: 'POST', data: transition });
}

/** The caller's full number, for the ticket's assignee; the server records every reveal. */
export function revealPhone(id: number): Promise<{ phone: string }> {
  return staffApi.request<{ phone: string }>(`/api/tickets/${id}/reveal-phone`, { method: 'POST' });
}

/** 改约: the agreed visit moved (with the reason), before anyone sets off; on-site and resolve clocks follow. */
export function moveTicketWindow(id: number, body: MoveWindowRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/window`, { method: 'POST', data: body });
}

/** 联系用户: the assignee called the resident (stops the 30-minute contact clock). */
export function recordContact(id: number, body: ContactedRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/contacted`, { method: 'POST', data: body });
}

/** 12345 transfers: the handling opinion sent back to the hotline (stops its 1-hour clock). */
export function replyToHotline(id: number, reply: string): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/hotline-reply`, { method: 'POST', data: { reply } });
}

/** A duplicate report joins the open ticket `parentId` as its child: not dispatched again, resolved with it. */
export function linkTicket(id: number, parentId: number): Promise<TicketDetailView> {
  return staffApi.request<TicketDetailView>(`/api/tickets/${id}/link`, { method: 'POST', data: { parentId } });
}
