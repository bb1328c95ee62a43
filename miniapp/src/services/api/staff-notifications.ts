import type { StaffNotificationView } from '@utility/shared';
import { staffApi } from './request';

/** My notifications, newest first; `unreadOnly` for the badge on the staff home. */
export function listStaffNotifications(unreadOnly = false, silent = false): Promise<StaffNotificationView[]> {
  return staffApi.request<StaffNotificationView[]>(`/api/staff/notifications${unreadOnly ? '?unread=true' : ''}`, {
    silent,
  });
}

export function markStaffNotificationRead(id: number): Promise<StaffNotificationView> {
  return staffApi.request<StaffNotificationView>(`/api/staff/notifications/${id}/read`, { method: 'POST' });
}
