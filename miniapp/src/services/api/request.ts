import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, ErrorCode, STATUS_ERROR_CODES, type ApiError } from '@utility/shared';
import { PRIVACY_URL, RESIDENT_LOGIN_URL, clearResidentSession, getResidentToken } from '../resident-session';
import { STAFF_LOGIN_URL, STAFF_PASSWORD_URL, clearSession, getToken } from '../session';

/** Client-side code for "no answer from the server" (not part of the server's ErrorCode). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const NETWORK_MESSAGE = '网络异常，请稍后重试';
export type ClientErrorCode = ErrorCode | typeof NETWORK_ERROR;

export class ApiRequestError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  data?: unknown;
  /** Sent as `Idempotency-Key`. Only GETs and requests carrying a key are retried. */
  idempotencyKey?: string;
  /** The caller shows the error itself: no toast. */
  silent?: boolean;
}

/** Whose token a call carries, and where a 401 sends the person. */
interface Audience {
  token: () => string | null;
  signOut: () => void;
  loginUrl: string;
}
const RESIDENT: Audience = { token: getResidentToken, signOut: clearResidentSession, loginUrl: RESIDENT_LOGIN_URL };
const STAFF: Audience = { token: getToken, signOut: clearSession, loginUrl: STAFF_LOGIN_URL };

export type AudienceName = 'resident' | 'staff';

/** A refused password or WeChat code is a 401 too, but the person is on the login page already. */
const REFUSED_CREDENTIALS: readonly ClientErrorCode[] = [ErrorCode.BadCredentials, ErrorCode.WechatCodeInvalid];

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in ERROR_MESSAGES;
}

/** The server's `{code, message}`; anything else (a proxy's HTML page) is mapped from the status as the server maps it. */
function toApiRequestError(status: number, body: unknown): ApiRequestError {
  const error = (body ?? {}) as Partial<ApiError>;
  if (isKnownCode(error.code)) {
    return new ApiRequestError(error.code, error.message || ERROR_MESSAGES[error.code], status, error.details);
  }
  const code = STATUS_ERROR_CODES[status] ?? ErrorCode.Internal;
  return new ApiRequestError(code, ERROR_MESSAGES[code], status);
}

function report(error: ApiRequestError, silent?: boolean): ApiRequestError {
  if (!silent) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
  return error;
}

function authHeader(audience: Audience): Record<string, string> {
  const token = audience.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The body on 2xx; otherwise the error, after a lost session's sign-out or the privacy page. */
function settle<T>(response: { statusCode: number; data: unknown }, audience: Audience, silent?: boolean): T {
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;

  const error = toApiRequestError(response.statusCode, response.data);
  if (error.status === 401 && !REFUSED_CREDENTIALS.includes(error.code)) {
    audience.signOut();
    void Taro.reLaunch({ url: audience.loginUrl });
  } else if (error.code === ErrorCode.PasswordChangeRequired) {
    // A one-time password is still in use: nothing else works until it is replaced.
    void Taro.reLaunch({ url: `${STAFF_PASSWORD_URL}?required=1` });
  } else if (error.code === ErrorCode.PrivacyConsentRequired) {
    void Taro.navigateTo({ url: `${PRIVACY_URL}?consent=1` });
  }
  throw report(error, silent);
}

async function request<T>(audience: Audience, path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { 'Content-Type': 'application/json', ...authHeader(audience) };
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;

  // The server (Fastify) refuses an empty body sent as JSON, so a bodiless POST sends `{}`.
  const data = options.data ?? (method === 'GET' ? undefined : {});
  const send = () =>
    Taro.request({ url: API_BASE + path, method, data: data as object, header, dataType: 'json', timeout: 20000 });
  // A retried POST must be recognisable as the same request, hence the key requirement.
  const retryable = method === 'GET' || Boolean(options.idempotencyKey);

  const networkError = () => report(new ApiRequestError(NETWORK_ERROR, NETWORK_MESSAGE, 0), options.silent);
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await send();
  } catch {
    if (!retryable) throw networkError();
    try {
      response = await send();
    } catch {
      throw networkError();
    }
  }
  return settle<T>(response, audience, options.silent);
}

export interface UploadOptions {
  name?: string;
  silent?: boolean;
}

/**
 * One local file (a weapp temp path, or an H5 blob URL) as multipart field `name`, with the
 * same token and errors as `request`. Never retried: each upload makes a new server record.
 */
async function upload<T>(audience: Audience, path: string, filePath: string, options: UploadOptions = {}): Promise<T> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: API_BASE + path,
      filePath,
      name: options.name ?? 'file',
      header: authHeader(audience),
      timeout: 60000,
    });
  } catch {
    throw report(new ApiRequestError(NETWORK_ERROR, NETWORK_MESSAGE, 0), options.silent);
  }
  // uploadFile hands the body over as text, on both platforms.
  let data: unknown = response.data;
  try {
    data = JSON.parse(response.data);
  } catch {
    // Not JSON (a proxy's page): settle maps it by status.
  }
  return settle<T>({ statusCode: response.statusCode, data }, audience, options.silent);
}

/**
 * A file as the raw request body (`text/csv`, XLSX), with the same token and errors as
 * `request`. Never retried: each upload starts a new import.
 */
async function sendFile<T>(
  audience: Audience,
  path: string,
  body: ArrayBuffer | Blob,
  contentType: string,
  options: { silent?: boolean } = {},
): Promise<T> {
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: API_BASE + path,
      method: 'POST',
      data: body as unknown as object,
      header: { 'Content-Type': contentType, ...authHeader(audience) },
      dataType: 'json',
      timeout: 600000,
    });
  } catch {
    throw report(new ApiRequestError(NETWORK_ERROR, NETWORK_MESSAGE, 0), options.silent);
  }
  return settle<T>(response, audience, options.silent);
}

/**
 * A protected file (a photo of a ticket) fetched with the caller's token into a local file — a weapp temp
 * path, an H5 blob URL — that an <Image> can show: image tags send no Authorization header.
 */
async function download(audience: Audience, path: string): Promise<string> {
  let response: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    response = await Taro.downloadFile({ url: API_BASE + path, header: authHeader(audience), timeout: 60000 });
  } catch {
    throw new ApiRequestError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  if (response.statusCode !== 200) throw toApiRequestError(response.statusCode, null);
  return response.tempFilePath;
}

/**
 * The calls of one audience: its token on every request, and its sign-in page when the session is
 * lost. A service says whose endpoint it calls (`residentApi` for the ResidentGuard controllers and
 * the public pages residents read, `staffApi` for the console and the field), never the path.
 */
function apiClient(audience: Audience) {
  return {
    request: <T>(path: string, options?: RequestOptions) => request<T>(audience, path, options),
    upload: <T>(path: string, filePath: string, options?: UploadOptions) =>
      upload<T>(audience, path, filePath, options),
    sendFile: <T>(path: string, body: ArrayBuffer | Blob, contentType: string, options?: { silent?: boolean }) =>
      sendFile<T>(audience, path, body, contentType, options),
    download: (path: string) => download(audience, path),
  };
}

export const residentApi = apiClient(RESIDENT);
export const staffApi = apiClient(STAFF);
/** For the few calls both audiences make (a photo upload, a ticket's photos). */
export const apiOf = (name: AudienceName) => (name === 'resident' ? residentApi : staffApi);
