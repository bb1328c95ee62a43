import type { CreateIncidentRequest, IncidentView } from '@utility/shared';
import { staffApi } from './request';

/** Major incidents (重大事件), newest first. */
export const listIncidents = () => staffApi.request<IncidentView[]>('/api/staff/incidents');

/** Declared with its lead (default: whoever declares it). One key per form fill. */
export function declareIncident(body: CreateIncidentRequest, idempotencyKey: string): Promise<IncidentView> {
  return staffApi.request<IncidentView>('/api/staff/incidents', { method: 'POST', data: body, idempotencyKey });
}

/** A ticket grouped under the incident (a ticket is in one incident at most). */
export const addIncidentTicket = (id: number, ticketId: number) =>
  staffApi.request<IncidentView>(`/api/staff/incidents/${id}/tickets`, { method: 'POST', data: { ticketId } });

export const noteIncident = (id: number, note: string) =>
  staffApi.request<IncidentView>(`/api/staff/incidents/${id}/notes`, { method: 'POST', data: { note } });

/** Dispatch, supervisors and admins close it. */
export const closeIncident = (id: number) =>
  staffApi.request<IncidentView>(`/api/staff/incidents/${id}/close`, { method: 'POST' });

/** The record for the authorities (facts, tickets, timeline), as CSV. */
export const incidentExportPath = (id: number) => `/api/staff/incidents/${id}/export.csv`;
