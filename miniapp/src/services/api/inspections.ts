import type {
  BookInspectionRequest,
  HazardView,
  InspectionBookingView,
  InspectionSlotView,
  RescheduleInspectionRequest,
} from '@utility/shared';
import { residentApi, type RequestOptions } from './request';

type Silent = Pick<RequestOptions, 'silent'>;

/** The open slots of the account's district for the coming days (the server drops slots past their cut-off). */
export function listInspectionSlots(accountId: number, options: Silent = {}): Promise<InspectionSlotView[]> {
  return residentApi.request<InspectionSlotView[]>(`/api/inspection-slots?accountId=${accountId}`, options);
}

/** The account's bookings, newest first. */
export function listInspectionBookings(accountId: number, options: Silent = {}): Promise<InspectionBookingView[]> {
  return residentApi.request<InspectionBookingView[]>(`/api/inspections?accountId=${accountId}`, options);
}

/** A booking. The key belongs to the choice of slot: a resend after a lost answer is the same booking. */
export function bookInspection(
  body: BookInspectionRequest,
  idempotencyKey: string,
  options: Silent = {},
): Promise<InspectionBookingView> {
  return residentApi.request<InspectionBookingView>('/api/inspections', {
    method: 'POST',
    data: body,
    idempotencyKey,
    ...options,
  });
}

export function rescheduleInspection(
  id: number,
  body: RescheduleInspectionRequest,
  options: Silent = {},
): Promise<InspectionBookingView> {
  return residentApi.request<InspectionBookingView>(`/api/inspections/${id}/reschedule`, {
    method: 'POST',
    data: body,
    ...options,
  });
}

export function cancelInspection(id: number, reason?: string): Promise<InspectionBookingView> {
  return residentApi.request<InspectionBookingView>(`/api/inspections/${id}/cancel`, {
    method: 'POST',
    data: reason ? { reason } : {},
  });
}

/** The account's hazards: open first, then newest. */
export function listHazards(accountId: number, options: Silent = {}): Promise<HazardView[]> {
  return residentApi.request<HazardView[]>(`/api/accounts/${accountId}/hazards`, options);
}
