import type { StaffLoginRequest, StaffLoginResponse } from '@utility/shared';
import { request } from './request';
import { clearSession, saveSession } from './session';

export async function login(credentials: StaffLoginRequest): Promise<StaffLoginResponse> {
  const result = await request<StaffLoginResponse>('/api/staff/login', { method: 'POST', data: credentials });
  saveSession(result);
  return result;
}

/** Tokens are short-lived and stateless on the server: signing out forgets them here. */
export function logout(): void {
  clearSession();
}
