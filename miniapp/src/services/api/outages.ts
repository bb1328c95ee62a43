import type { DeclareOutageRequest, OutageAreaChoices, OutageView, ResidentOutageView } from '@utility/shared';
import { residentApi, staffApi, type RequestOptions } from './request';

/** Active and planned outages (停气/停热/停电) over the resident's accounts, or over one of them. */
export function listOutages(
  accountId?: number,
  options: Pick<RequestOptions, 'silent'> = {},
): Promise<ResidentOutageView[]> {
  return residentApi.request<ResidentOutageView[]>(
    `/api/outages${accountId ? `?accountId=${accountId}` : ''}`,
    options,
  );
}

/** Staff: outages, newest first (`current`: not yet restored). */
export function listStaffOutages(current = true): Promise<OutageView[]> {
  return staffApi.request<OutageView[]>(`/api/staff/outages${current ? '?phase=current' : ''}`);
}

/** Staff: the districts and stations an outage's area is chosen from. */
export function listOutageAreas(): Promise<OutageAreaChoices> {
  return staffApi.request<OutageAreaChoices>('/api/staff/outages/areas');
}

/** Staff: declare an outage; its residents are told by the server. One key per form fill. */
export function declareOutage(body: DeclareOutageRequest, idempotencyKey: string): Promise<OutageView> {
  return staffApi.request<OutageView>('/api/staff/outages', {
    method: 'POST',
    data: body,
    idempotencyKey,
    silent: true,
  });
}

export function moveRestoreTime(id: number, restoreBy: string): Promise<OutageView> {
  return staffApi.request<OutageView>(`/api/staff/outages/${id}`, { method: 'PATCH', data: { restoreBy } });
}

export function restoreOutage(id: number): Promise<OutageView> {
  return staffApi.request<OutageView>(`/api/staff/outages/${id}/restore`, { method: 'POST' });
}

/** Staff: take a fault out of its outage (it is worked as its own, its on-site clock starts). */
export function unlinkFromOutage(outageId: number, ticketId: number): Promise<void> {
  return staffApi.request<void>(`/api/staff/outages/${outageId}/tickets/${ticketId}/unlink`, { method: 'POST' });
}
