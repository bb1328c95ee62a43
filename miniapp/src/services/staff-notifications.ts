import type { StaffNotificationView } from '@utility/shared';
import { request } from './request';

/** My notifications, newest first; `unreadOnly` for the badge on the staff home. */
export function listStaffNotifications(unreadOnly = false, silent = false): Promise<StaffNotificationView[]> {
  return request<StaffNotificationView[]>(`/api/staff/notifications${unreadOnly ? '?unread=true' : ''}`, { silent });
}

export function markStaffNotificationRead(id: number): Promise<StaffNotificationView> {
  return request<StaffNotificationView>(`/api/staff/notifications/${id}/read`, { method: 'POST' });
}
