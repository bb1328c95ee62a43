import type {
  ApplicationDecisionRequest,
  CompensationRequest,
  FirstReplyRequest,
  GradeRequest,
  TicketFeedbackView,
  TicketView,
} from '@utility/shared';
import { staffApi, type RequestOptions } from './request';

/** A complaint's or report's handling data: grade, first reply, compensation, ratings. */
export function getTicketFeedback(
  id: number,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<TicketFeedbackView> {
  return staffApi.request<TicketFeedbackView>(`/api/tickets/${id}/feedback`, options);
}

/** 定级: grade 1 moves the complaint to the supervisors' queue and escalates it at once. */
export function gradeComplaint(id: number, body: GradeRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/grade`, { method: 'POST', data: body });
}

/** 首次答复 to the complainant: stops the first-reply clock. */
export function replyToComplaint(id: number, body: FirstReplyRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${id}/first-reply`, { method: 'POST', data: body });
}

/** A billing ticket's reply (1 working day): the same step, the resolve clock runs on. */
export const replyToBillingTicket = replyToComplaint;

/** 同意办理 / 不予办理: an application decided with the reason the resident reads; the ticket is resolved. */
export function decideApplication(ticketId: number, body: ApplicationDecisionRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/applications/${ticketId}/decision`, { method: 'POST', data: body });
}

/** Supervisors only: a compensation in integer fen. */
export function approveCompensation(id: number, body: CompensationRequest): Promise<unknown> {
  return staffApi.request(`/api/tickets/${id}/compensation`, { method: 'POST', data: body });
}

export interface ApplicationFormView {
  ticketId: number;
  kind: string;
  kindLabel: string;
  fields: { key: string; label: string; value: string }[];
  documents: { document: string; label: string; photoIds: number[] }[];
}

/** The business desk's view of an application ticket's form (ID numbers and phones masked). */
export function getApplicationForm(
  ticketId: number,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<ApplicationFormView> {
  return staffApi.request<ApplicationFormView>(`/api/applications/${ticketId}`, options);
}
