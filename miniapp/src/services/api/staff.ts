import type { ChangePasswordRequest, StaffLoginRequest, StaffLoginResponse } from '@utility/shared';
import { staffApi } from './request';
import { clearSession, saveSession } from '../session';

export async function login(credentials: StaffLoginRequest): Promise<StaffLoginResponse> {
  const result = await staffApi.request<StaffLoginResponse>('/api/staff/login', { method: 'POST', data: credentials });
  saveSession(result);
  return result;
}

/** The server ends every other session of the person and answers a new token, kept here. */
export async function changePassword(body: ChangePasswordRequest): Promise<StaffLoginResponse> {
  const result = await staffApi.request<StaffLoginResponse>('/api/staff/me/password', {
    method: 'POST',
    data: body,
    silent: true,
  });
  saveSession(result);
  return result;
}

/** Signing out forgets the token here (an admin's disable or reset revokes it on the server). */
export function logout(): void {
  clearSession();
}
