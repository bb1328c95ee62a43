import type {
  AnswerCheckRequest,
  AnswerTicketRequest,
  CreateConsultationRequest,
  CreateSuggestionRequest,
  FeedbackRequestCreated,
  ResidentTicketView,
  TicketView,
} from '@utility/shared';
import { residentApi, staffApi, type RequestOptions } from './request';

type Silent = Pick<RequestOptions, 'silent'>;

/** 咨询: a question for the agents, answered within 1 working day. */
export function fileConsultation(
  body: CreateConsultationRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<FeedbackRequestCreated> {
  return residentApi.request<FeedbackRequestCreated>('/api/consultations', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

/** 建议: replied to within 5 working days. */
export function fileSuggestion(
  body: CreateSuggestionRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<FeedbackRequestCreated> {
  return residentApi.request<FeedbackRequestCreated>('/api/suggestions', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

/** The resident's 已解决 / 未解决 on an answered question. */
export function checkAnswer(ticketId: number, body: AnswerCheckRequest): Promise<ResidentTicketView> {
  return residentApi.request<ResidentTicketView>(`/api/my/tickets/${ticketId}/answer-check`, {
    method: 'POST',
    data: body,
  });
}

/** Staff: answer a question or suggestion (from an article: its id is recorded). */
export function answerTicket(ticketId: number, body: AnswerTicketRequest): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/tickets/${ticketId}/answer`, { method: 'POST', data: body });
}
