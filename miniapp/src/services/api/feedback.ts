import type {
  CreateApplicationRequest,
  CreateComplaintRequest,
  CreateRatingRequest,
  CreateMisconductReportRequest,
  FeedbackRequestCreated,
  RatingView,
} from '@utility/shared';
import { residentApi, type RequestOptions } from './request';

type Silent = Pick<RequestOptions, 'silent'>;

/**
 * The resident's word on a resolved ticket, once per resolution. The key belongs to the form
 * fill: a resend after a lost answer is recognised rather than refused as already rated.
 */
export function rateTicket(
  ticketId: number,
  body: CreateRatingRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<RatingView> {
  return residentApi.request<RatingView>(`/api/my/tickets/${ticketId}/rating`, {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

/** 投诉: about one of the resident's tickets, an account, or in general. */
export function fileComplaint(
  body: CreateComplaintRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<FeedbackRequestCreated> {
  return residentApi.request<FeedbackRequestCreated>('/api/complaints', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

/** 举报, anonymous or not; the resident follows it under 我的报修 either way. */
export function fileMisconductReport(
  body: CreateMisconductReportRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<FeedbackRequestCreated> {
  return residentApi.request<FeedbackRequestCreated>('/api/misconduct-reports', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

/** 业务办理: 开户, 过户, 停气/复气, 停热/复热, with the documents each needs. */
export function fileApplication(
  body: CreateApplicationRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<FeedbackRequestCreated> {
  return residentApi.request<FeedbackRequestCreated>('/api/applications', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}
