import Taro from '@tarojs/taro';
import type { StaffLoginResponse, StaffView } from '@utility/shared';

const TOKEN_KEY = 'staff.token';
const STAFF_KEY = 'staff.profile';
export const STAFF_LOGIN_URL = '/staff/login/index';
/** Where a one-time password is replaced (first sign-in, after an admin's reset). */
export const STAFF_PASSWORD_URL = '/staff/password/index';

export function getToken(): string | null {
  return Taro.getStorageSync<string>(TOKEN_KEY) || null;
}

export function getStaff(): StaffView | null {
  return Taro.getStorageSync<StaffView>(STAFF_KEY) || null;
}

export function saveSession(login: Pick<StaffLoginResponse, 'token' | 'staff'> & Partial<StaffLoginResponse>): void {
  Taro.setStorageSync(TOKEN_KEY, login.token);
  Taro.setStorageSync(STAFF_KEY, login.staff);
}

/** A technician's unsent repair result, an inspector's unsent checklist: they belong to whoever was signed in. */
const FIELD_DRAFT_KEYS = ['staff.field.resolve', 'staff.field.inspection'];

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(STAFF_KEY);
  for (const key of FIELD_DRAFT_KEYS) Taro.removeStorageSync(key);
}

/** Whether the signed-in staff member holds `role` (as primary role or another). */
export function staffHasRole(staff: StaffView, role: StaffView['role']): boolean {
  return staff.role === role || (staff.roles ?? []).includes(role);
}

/** For staff pages: the signed-in staff member, or off to the login page. */
export function requireStaff(): StaffView | null {
  const staff = getStaff();
  if (!staff || !getToken()) {
    Taro.reLaunch({ url: STAFF_LOGIN_URL });
    return null;
  }
  return staff;
}
