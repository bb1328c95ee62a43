import type {
  CreateStaffRequest,
  CreatedStaffResponse,
  PasswordResetResponse,
  StaffAccountView,
  StaffFormOptions,
  UpdateStaffRequest,
} from '@utility/shared';
import { request } from './request';

/** The operator's console: staff accounts (admins only). */
export const listStaff = () => request<StaffAccountView[]>('/api/admin/staff');
export const getStaffAccount = (id: number) => request<StaffAccountView>(`/api/admin/staff/${id}`);
export const staffFormOptions = () => request<StaffFormOptions>('/api/admin/staff/options');

export const createStaff = (body: CreateStaffRequest) =>
  request<CreatedStaffResponse>('/api/admin/staff', { method: 'POST', data: body, silent: true });

export const updateStaff = (id: number, body: UpdateStaffRequest) =>
  request<StaffAccountView>(`/api/admin/staff/${id}`, { method: 'PATCH', data: body, silent: true });

export const disableStaff = (id: number) =>
  request<StaffAccountView>(`/api/admin/staff/${id}/disable`, { method: 'POST' });

export const enableStaff = (id: number) =>
  request<StaffAccountView>(`/api/admin/staff/${id}/enable`, { method: 'POST' });

export const resetStaffPassword = (id: number) =>
  request<PasswordResetResponse>(`/api/admin/staff/${id}/reset-password`, { method: 'POST' });
