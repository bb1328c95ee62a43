import type { ReturnVisitView, StaffRatingsView, VisitAttemptRequest } from '@utility/shared';
import { staffApi } from './request';

/** The agent's return-visit tasks, soonest due first. */
export function listReturnVisits(): Promise<ReturnVisitView[]> {
  return staffApi.request<ReturnVisitView[]>('/api/return-visits');
}

export function getReturnVisit(id: number): Promise<ReturnVisitView> {
  return staffApi.request<ReturnVisitView>(`/api/return-visits/${id}`);
}

/**
 * One call of the visit (up to 3). Not retried after a lost answer: the server counts attempts,
 * so a blind resend could record the same call twice; the page reloads the visit instead.
 */
export function recordVisitAttempt(id: number, attempt: VisitAttemptRequest): Promise<ReturnVisitView> {
  return staffApi.request<ReturnVisitView>(`/api/return-visits/${id}/attempts`, { method: 'POST', data: attempt });
}

/** The signed-in staff member's ratings: counts by level and the latest ones. */
export function getMyRatings(): Promise<StaffRatingsView> {
  return staffApi.request<StaffRatingsView>('/api/staff/me/ratings');
}
