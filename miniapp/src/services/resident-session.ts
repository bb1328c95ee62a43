import Taro from '@tarojs/taro';
import type { ResidentLoginResponse, ResidentView } from '@utility/shared';

// Apart from the staff session (session.ts): one phone may hold both, and each has its own 401.
const TOKEN_KEY = 'resident.token';
const EXPIRES_KEY = 'resident.expiresAt';
const PROFILE_KEY = 'resident.profile';
/** Form drafts hold personal data (a holder's name, a phone): they go when the session goes. */
const DRAFT_KEYS = [
  'resident.bind.draft',
  'resident.reading.draft',
  'resident.repair.draft',
  'resident.repair.phone',
  'resident.rating.draft',
  'resident.complaint.draft',
  'resident.report.draft',
  'resident.application.draft',
  'resident.inspection.draft',
];

export const RESIDENT_LOGIN_URL = '/packages/auth/login';
export const PRIVACY_URL = '/packages/auth/privacy';
export const HOME_URL = '/pages/index/index';
export const TAB_URLS: readonly string[] = [HOME_URL, '/pages/requests/index', '/pages/me/index'];

export function getResidentToken(): string | null {
  const expiresAt = Taro.getStorageSync<string>(EXPIRES_KEY);
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
  return Taro.getStorageSync<string>(TOKEN_KEY) || null;
}

export function getResident(): ResidentView | null {
  return Taro.getStorageSync<ResidentView>(PROFILE_KEY) || null;
}

export function saveResidentLogin(login: ResidentLoginResponse): void {
  Taro.setStorageSync(TOKEN_KEY, login.token);
  Taro.setStorageSync(EXPIRES_KEY, login.expiresAt);
  Taro.setStorageSync(PROFILE_KEY, login.resident);
}

export function saveResident(resident: ResidentView): void {
  Taro.setStorageSync(PROFILE_KEY, resident);
}

export function clearResidentSession(): void {
  for (const key of [TOKEN_KEY, EXPIRES_KEY, PROFILE_KEY, ...DRAFT_KEYS]) Taro.removeStorageSync(key);
}

/** Signed in and agreed to the privacy guide: the only state in which resident data is fetched. */
export function activeResident(): ResidentView | null {
  const resident = getResident();
  return resident && getResidentToken() && resident.privacyConsentedAt ? resident : null;
}

/** Login page URL that comes back to `from` (a page path with its query) afterwards. */
export function loginUrl(from?: string): string {
  return from ? `${RESIDENT_LOGIN_URL}?from=${encodeURIComponent(from)}` : RESIDENT_LOGIN_URL;
}

/** For resident pages outside the tab bar: the active resident, or off to the login page. */
export function requireResident(from: string): ResidentView | null {
  const resident = activeResident();
  if (!resident) void Taro.redirectTo({ url: loginUrl(from) });
  return resident;
}

/** Back to where the login was asked for: tab pages by switchTab, others by redirect. */
export function returnTo(from?: string): void {
  const url = from || HOME_URL;
  if (TAB_URLS.includes(url.split('?')[0])) void Taro.switchTab({ url: url.split('?')[0] });
  else void Taro.redirectTo({ url });
}
