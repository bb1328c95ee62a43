import type {
  CreateStaffRequest,
  CreatedStaffResponse,
  PasswordResetResponse,
  StaffAccountView,
  StaffFormOptions,
  UpdateStaffRequest,
} from '@utility/shared';
import { staffApi } from './request';

/** The operator's console: staff accounts (admins only). */
export const listStaff = () => staffApi.request<StaffAccountView[]>('/api/admin/staff');
export const getStaffAccount = (id: number) => staffApi.request<StaffAccountView>(`/api/admin/staff/${id}`);
export const staffFormOptions = () => staffApi.request<StaffFormOptions>('/api/admin/staff/options');

export const createStaff = (body: CreateStaffRequest) =>
  staffApi.request<CreatedStaffResponse>('/api/admin/staff', { method: 'POST', data: body, silent: true });

export const updateStaff = (id: number, body: UpdateStaffRequest) =>
  staffApi.request<StaffAccountView>(`/api/admin/staff/${id}`, { method: 'PATCH', data: body, silent: true });

export const disableStaff = (id: number) =>
  staffApi.request<StaffAccountView>(`/api/admin/staff/${id}/disable`, { method: 'POST' });

export const enableStaff = (id: number) =>
  staffApi.request<StaffAccountView>(`/api/admin/staff/${id}/enable`, { method: 'POST' });

export const resetStaffPassword = (id: number) =>
  staffApi.request<PasswordResetResponse>(`/api/admin/staff/${id}/reset-password`, { method: 'POST' });
