import type { NoticeTemplates, ResidentMoveWindowRequest, ResidentTicketView } from '@utility/shared';
import { residentApi } from './request';

/** Every ticket on an account the resident has bound, whoever reported it. */
export function listMyTickets(): Promise<ResidentTicketView[]> {
  return residentApi.request<ResidentTicketView[]>('/api/my/tickets');
}

export function getMyTicket(id: number): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}`);
}

export function cancelMyTicket(id: number, reason?: string): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}/cancel`, { method: 'POST', data: { reason } });
}

export function getNoticeTemplates(): Promise<NoticeTemplates> {
  return residentApi.request<NoticeTemplates>('/api/notice-templates');
}

/** Records the templates the resident accepted: each allows the server one notice for this ticket. */
export function subscribeNotices(id: number, templateIds: string[]): Promise<{ accepted: string[] }> {
  return residentApi.request<{ accepted: string[] }>(`/api/my/tickets/${id}/subscriptions`, {
    method: 'POST',
    data: { templateIds },
  });
}

/** 同意报价: the quote the resident is looking at (a newer one is refused: 409 QUOTE_CHANGED). */
export function acceptQuote(id: number, quoteId: number): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}/quote/accept`, {
    method: 'POST',
    data: { quoteId },
  });
}

/** The room-temperature readings the technician took, confirmed by the resident. */
export function confirmTemperature(id: number): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}/temperature/confirm`, { method: 'POST' });
}

/** 确认完成: with the technician on site (before the result is recorded) or once resolved; repeating it changes nothing. */
export function confirmMyTicket(id: number): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}/confirm`, { method: 'POST' });
}

/** 没有修好: reopens the resolved ticket under the same number, with the resident's reason. */
export function reportNotFixed(id: number, reason: string): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}/not-fixed`, {
    method: 'POST',
    data: { reason },
  });
}

/** 改约: the visit moved to another half-day, before it begins and before anyone sets off. */
export function moveMyWindow(id: number, body: ResidentMoveWindowRequest): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${id}/window`, { method: 'POST', data: body });
}
