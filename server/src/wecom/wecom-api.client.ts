import { Inject, Injectable, Logger } from '@nestjs/common';

/** WeCom's errcodes this server branches on, plus the client's own for failures WeCom never answered. */
export enum WecomErrcode {
  SystemBusy = -1,
  InvalidUserId = 40003,
  InvalidAccessToken = 40014,
  AccessTokenExpired = 42001,
  ApiFreqOutOfLimit = 45009,
  /** The user is outside the app's visible range, or every touser was invalid. */
  UserOutOfRange = 81013,
  // Not WeCom's: the request got no usable answer.
  Timeout = -9001,
  Network = -9002,
  HttpStatus = -9003,
  BadResponse = -9004,
}

/** Answers meaning "this token is no longer good": refresh it and try once more. */
const TOKEN_ERRCODES = new Set<number>([WecomErrcode.InvalidAccessToken, WecomErrcode.AccessTokenExpired]);
/** Answers that may pass if tried later (the outbox retries them with backoff). */
const RETRYABLE_ERRCODES = new Set<number>([WecomErrcode.SystemBusy, WecomErrcode.ApiFreqOutOfLimit]);

/** A WeCom refusal or a failed exchange. The outbox decides from `retryable` whether to try later. */
export class WecomApiError extends Error {
  override readonly name = 'WecomApiError';

  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
    readonly retryable: boolean,
  ) {
    super(`WeCom ${api} failed: ${errcode} ${errmsg}`);
  }
}

export interface WecomApiOptions {
  /** e.g. https://qyapi.weixin.qq.com, or the fake's loopback URL. */
  baseUrl: string;
  corpId: string;
  agentId: number;
  secret: string;
  /** Per request, including reading the body. */
  timeoutMs: number;
}

export const WECOM_API_OPTIONS = Symbol('WECOM_API_OPTIONS');

export interface TextCard {
  /** One WeCom user id (the staff member's `wecomUserId`). */
  touser: string;
  title: string;
  description: string;
  /** Required by WeCom: where the card's button leads. */
  url: string;
  btntxt?: string;
}

type Answer = Record<string, unknown>;

/**
 * Every call the server makes to WeCom goes through here; mock and live differ only in the options.
 * One HTTP attempt per call (no retry loop inside): the staff outbox retries with backoff, so a message
 * is sent at most once per outbox attempt.
 */
@Injectable()
export class WecomApiClient {
  private readonly logger = new Logger(WecomApiClient.name);
  private readonly baseUrl: string;
  private token: { value: string; refreshAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;

  constructor(@Inject(WECOM_API_OPTIONS) private readonly options: WecomApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Sends one text card; resolves with WeCom's msgid. Throws WecomApiError. */
  async sendTextCard(card: TextCard): Promise<string> {
    const body = {
      touser: card.touser,
      msgtype: 'textcard',
      agentid: this.options.agentId,
      textcard: { title: card.title, description: card.description, url: card.url, btntxt: card.btntxt ?? '详情' },
    };
    const answer = await this.withToken('message/send', '/cgi-bin/message/send', body);
    // errcode 0 with the only recipient listed as invalid: WeCom delivered nothing.
    const invalid = String(answer.invaliduser ?? '');
    if (invalid && invalid.split('|').includes(card.touser)) {
      throw new WecomApiError('message/send', WecomErrcode.UserOutOfRange, `invaliduser ${invalid}`, false);
    }
    return String(answer.msgid ?? '');
  }

  /** A POST with the cached token; on 40014/42001 the token is dropped, fetched again, and the POST tried once more. */
  private async withToken(api: string, path: string, body: object): Promise<Answer> {
    const token = await this.accessToken();
    try {
      return await this.request(api, 'POST', path, { access_token: token }, body);
    } catch (error) {
      if (!(error instanceof WecomApiError) || !TOKEN_ERRCODES.has(error.errcode)) throw error;
      this.logger.warn(`${api}: access token refused (${error.errcode}), fetching a new one`);
      if (this.token?.value === token) this.token = null;
      return this.request(api, 'POST', path, { access_token: await this.accessToken() }, body);
    }
  }

  /** Cached until shortly before WeCom's expiry; concurrent callers share one fetch. */
  private accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return Promise.resolve(this.token.value);
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = null));
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const answer = await this.request('gettoken', 'GET', '/cgi-bin/gettoken', {
      corpid: this.options.corpId,
      corpsecret: this.options.secret,
    });
    const value = answer.access_token;
    const lifetimeMs = Number(answer.expires_in) * 1000;
    if (typeof value !== 'string' || !value || !(lifetimeMs > 0)) {
      throw new WecomApiError('gettoken', WecomErrcode.BadResponse, 'no access_token or expires_in', false);
    }
    // Refresh 5 minutes early (or at 90 % of a short test lifetime).
    this.token = { value, refreshAt: Date.now() + lifetimeMs - Math.min(5 * 60_000, lifetimeMs / 10) };
    return value;
  }

  /** One HTTP exchange. The query holds the secret or the token: it never goes into a message or a log. */
  private async request(
    api: string,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
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
        throw new WecomApiError(api, WecomErrcode.Timeout, `no answer within ${this.options.timeoutMs} ms`, true);
      }
      const cause = (error as { cause?: { code?: string } })?.cause?.code;
      throw new WecomApiError(api, WecomErrcode.Network, cause ?? 'network error', true);
    }
    if (status < 200 || status >= 300) {
      throw new WecomApiError(api, WecomErrcode.HttpStatus, `HTTP ${status}`, status >= 500);
    }
    let answer: Answer;
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      throw new WecomApiError(api, WecomErrcode.BadResponse, 'answer is not JSON', false);
    }
    const errcode = Number(answer.errcode ?? 0);
    if (errcode !== 0) {
      throw new WecomApiError(api, errcode, String(answer.errmsg ?? ''), RETRYABLE_ERRCODES.has(errcode));
    }
    return answer;
  }
}
