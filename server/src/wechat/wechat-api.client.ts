import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

/** WeChat's errcodes this server branches on, plus the client's own for failures WeChat never answered. */
export enum WechatErrcode {
  SystemBusy = -1,
  InvalidCredential = 40001,
  InvalidOpenid = 40003,
  InvalidAppid = 40013,
  InvalidAccessToken = 40014,
  InvalidCode = 40029,
  InvalidTemplateId = 40037,
  InvalidAppsecret = 40125,
  CodeBeenUsed = 40163,
  AccessTokenExpired = 42001,
  UserRefused = 43101,
  ArgumentInvalid = 47003,
  // Not WeChat's: the request got no usable answer.
  Timeout = -9001,
  Network = -9002,
  HttpStatus = -9003,
  BadResponse = -9004,
}

/** Answers to a call made with an access token that mean "this token is no longer good". */
const TOKEN_ERRCODES = new Set<number>([
  WechatErrcode.InvalidCredential,
  WechatErrcode.InvalidAccessToken,
  WechatErrcode.AccessTokenExpired,
]);

const MAX_ATTEMPTS = 3;

/** A WeChat refusal or a failed exchange. The caller (an outbox) decides from `retryable` whether to try later. */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';

  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
    readonly retryable: boolean,
  ) {
    super(`WeChat ${api} failed: ${errcode} ${errmsg}`);
  }

  /** 43101: the user refused or has no subscription left for this template; retrying will not help. */
  get userRefused(): boolean {
    return this.errcode === WechatErrcode.UserRefused;
  }
}

export interface WechatApiOptions {
  /** e.g. https://api.weixin.qq.com, or the fake's loopback URL. */
  baseUrl: string;
  appid: string;
  secret: string;
  /** Per attempt, including reading the body. */
  timeoutMs: number;
  /** Delay before the first retry; doubles after each. */
  retryDelayMs?: number;
}

export const WECHAT_API_OPTIONS = Symbol('WECHAT_API_OPTIONS');

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

type Query = Record<string, string>;
type Answer = Record<string, unknown>;

/** Every call the server makes to WeChat goes through here; mock and live differ only in the options. */
@Injectable()
export class WechatApiClient {
  private readonly logger = new Logger(WechatApiClient.name);
  private readonly baseUrl: string;
  private token: { value: string; refreshAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;

  constructor(@Inject(WECHAT_API_OPTIONS) private readonly options: WechatApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** wx.login code → openid. The session key is WeChat's secret with this user: keep it out of logs and responses. */
  async code2Session(code: string): Promise<{ openid: string; sessionKey: string; unionid?: string }> {
    const { appid, secret } = this.options;
    const answer = await this.withRetries('code2Session', () =>
      this.request('code2Session', 'GET', '/sns/jscode2session', {
        appid,
        secret,
        js_code: code,
        grant_type: 'authorization_code',
      }),
    );
    const openid = requireString('code2Session', answer, 'openid');
    const sessionKey = requireString('code2Session', answer, 'session_key');
    return typeof answer.unionid === 'string'
      ? { openid, sessionKey, unionid: answer.unionid }
      : { openid, sessionKey };
  }

  /** getPhoneNumber button code → the user's phone. */
  async getPhoneNumber(code: string): Promise<{ phoneNumber: string; purePhoneNumber: string; countryCode: string }> {
    const answer = await this.withToken('getPhoneNumber', '/wxa/business/getuserphonenumber', { code });
    const info = (answer.phone_info ?? {}) as Answer;
    return {
      phoneNumber: requireString('getPhoneNumber', info, 'phoneNumber'),
      purePhoneNumber: requireString('getPhoneNumber', info, 'purePhoneNumber'),
      // Documented as a string, but WeChat's own example sends the number 86.
      countryCode: String(info.countryCode ?? ''),
    };
  }

  /** Throws WechatApiError; `userRefused` (43101) means the resident has no subscription for this template. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.withToken('subscribeMessage.send', '/cgi-bin/message/subscribe/send', {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: message.miniprogramState,
    });
  }

  /**
   * A POST with the cached access token. When WeChat says the token is no longer good (it expired early, or
   * another process forced a refresh), drop it, fetch a fresh one and try once more.
   */
  private async withToken(api: string, path: string, body: object): Promise<Answer> {
    const token = await this.accessToken();
    const post = (accessToken: string) =>
      this.withRetries(api, () => this.request(api, 'POST', path, { access_token: accessToken }, body));
    try {
      return await post(token);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !TOKEN_ERRCODES.has(error.errcode)) throw error;
      this.logger.warn(`${api}: access token refused (${error.errcode}), fetching a new one`);
      if (this.token?.value === token) this.token = null;
      return post(await this.accessToken());
    }
  }

  /** Cached until shortly before WeChat's expiry; concurrent callers share one fetch. */
  private accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return Promise.resolve(this.token.value);
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = null));
    return this.tokenRequest;
  }

  /**
   * stable_token rather than cgi-bin/token: in normal mode every process of ours gets the same token,
   * instead of each fetch replacing the others'. force_refresh is rationed by WeChat, so never used.
   */
  private async fetchToken(): Promise<string> {
    const { appid, secret } = this.options;
    const answer = await this.withRetries('getStableAccessToken', () =>
      this.request(
        'getStableAccessToken',
        'POST',
        '/cgi-bin/stable_token',
        {},
        { grant_type: 'client_credential', appid, secret },
      ),
    );
    const value = requireString('getStableAccessToken', answer, 'access_token');
    const lifetimeMs = Number(answer.expires_in) * 1000;
    if (!(lifetimeMs > 0))
      throw new WechatApiError('getStableAccessToken', WechatErrcode.BadResponse, 'no expires_in', false);
    // WeChat rotates stable tokens 5 minutes early; refresh by then (or at 90% of a short test lifetime).
    this.token = { value, refreshAt: Date.now() + lifetimeMs - Math.min(5 * 60_000, lifetimeMs / 10) };
    return value;
  }

  /** Up to MAX_ATTEMPTS for failures that may pass (network, 5xx, -1 busy); business errcodes fail at once. */
  private async withRetries(api: string, attempt: () => Promise<Answer>): Promise<Answer> {
    const firstDelay = this.options.retryDelayMs ?? 200;
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof WechatApiError) || !error.retryable || n >= MAX_ATTEMPTS) throw error;
        this.logger.warn(`${api}: attempt ${n} failed (${error.errcode} ${error.errmsg}), retrying`);
        await sleep(firstDelay * 2 ** (n - 1));
      }
    }
  }

  /** One HTTP exchange. The query may hold the secret or the token: it never goes into a message or a log. */
  private async request(
    api: string,
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    body?: object,
  ): Promise<Answer> {
    const url = `${this.baseUrl}${path}?${new URLSearchParams(query)}`;
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, {
        method,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') {
        throw new WechatApiError(api, WechatErrcode.Timeout, `no answer within ${this.options.timeoutMs} ms`, true);
      }
      throw new WechatApiError(api, WechatErrcode.Network, describeNetworkError(error), true);
    }
    if (status < 200 || status >= 300) {
      throw new WechatApiError(api, WechatErrcode.HttpStatus, `HTTP ${status}`, status >= 500);
    }
    let answer: Answer;
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      throw new WechatApiError(api, WechatErrcode.BadResponse, 'answer is not JSON', false);
    }
    // Success answers omit errcode or send 0; some endpoints send it as a string.
    const errcode = Number(answer.errcode ?? 0);
    if (errcode !== 0) {
      throw new WechatApiError(api, errcode, String(answer.errmsg ?? ''), errcode === WechatErrcode.SystemBusy);
    }
    return answer;
  }
}

function requireString(api: string, answer: Answer, key: string): string {
  const value = answer[key];
  if (typeof value !== 'string' || !value)
    throw new WechatApiError(api, WechatErrcode.BadResponse, `answer has no ${key}`, false);
  return value;
}

/** fetch's own message is just "fetch failed": the cause says what happened (without the URL's query). */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? (error as Error)?.message ?? 'network error';
}
