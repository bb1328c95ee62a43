import type { ResidentLoginResponse, ResidentView } from '@utility/shared';
import { residentApi } from './request';
import { clearResidentSession, saveResident, saveResidentLogin } from '../resident-session';

/** A WeChat login code (wx.login, or the H5 mock's) for a resident token; the session is kept. */
export async function loginWithWechatCode(code: string): Promise<ResidentLoginResponse> {
  const login = await residentApi.request<ResidentLoginResponse>('/api/auth/wechat', {
    method: 'POST',
    data: { code },
  });
  saveResidentLogin(login);
  return login;
}

/** A getPhoneNumber code (or the H5 mock's); the server keeps the number, we see it masked. */
export async function savePhoneFromCode(code: string): Promise<ResidentView> {
  const resident = await residentApi.request<ResidentView>('/api/auth/phone', { method: 'POST', data: { code } });
  saveResident(resident);
  return resident;
}

export async function consentToPrivacy(): Promise<ResidentView> {
  const resident = await residentApi.request<ResidentView>('/api/me/privacy-consent', { method: 'POST' });
  saveResident(resident);
  return resident;
}

/** Unbinds every account and forgets this WeChat identity; the company's account records stay. */
export async function deleteIdentity(): Promise<void> {
  await residentApi.request<void>('/api/me', { method: 'DELETE' });
  clearResidentSession();
}

/** Resident tokens are stateless on the server: signing out forgets them here. */
export function logoutResident(): void {
  clearResidentSession();
}
