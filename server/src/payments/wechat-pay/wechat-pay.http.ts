import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2';
import type { IPayRequest } from 'wechatpay-node-v3/dist/lib/pay-request.interface';
import { LIVE_API_BASE } from './wechat-pay.crypto';

/** A failed exchange with WeChat Pay, thrown (the SDK itself returns `{ status, error }`). */
export class WechatPayError extends Error {
  override readonly name = 'WechatPayError';

  constructor(
    readonly api: string,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    /** WeChat Pay's `code` (ORDER_NOT_EXIST, SYSTEM_ERROR…) or ours (TIMEOUT, NETWORK, RESPONSE_BAD_SIGNATURE…). */
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(`WeChat Pay ${api} failed: ${status} ${code} ${message}`.trim());
  }
}

export interface ReceivedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The HTTP object handed to `pay.createHttp()`. wechatpay-node-v3 builds every URL on the hard-coded
 * https://api.mch.weixin.qq.com and signs the path without the host, so swapping the origin here keeps the
 * signature valid while sending the request to the configured base (the fake, or a proxy, or WeChat itself).
 * It also runs `checkAnswer` on every answer before the SDK sees it: the SDK never verifies answers.
 */
export class RedirectingHttp implements IPayRequest {
  constructor(
    private readonly apiBase: string,
    private readonly timeoutMs: number,
    private readonly checkAnswer: (path: string, answer: ReceivedAnswer) => void,
  ) {}

  post(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<Output> {
    // The SDK signed JSON.stringify(params); sending the same string keeps body and signature in step.
    return this.send('POST', url, headers, JSON.stringify(params));
  }

  get(url: string, headers: Record<string, string>): Promise<Output> {
    return this.send('GET', url, headers);
  }

  upload(): Promise<Output> {
    throw new Error('media upload is not used by this server');
  }

  private async send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Output> {
    // Anything else would carry the merchant's signature to a host nobody configured.
    if (!url.startsWith(`${LIVE_API_BASE}/`))
      throw new WechatPayError(method, 0, 'BAD_URL', `refusing to send to ${url}`, false);
    const path = url.slice(LIVE_API_BASE.length);
    // fetch negotiates and decodes compression itself.
    const { 'Accept-Encoding': _encoding, ...sent } = headers;
    let answer: ReceivedAnswer;
    try {
      const response = await fetch(`${this.apiBase}${path}`, {
        method,
        headers: sent,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      };
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError')
        throw new WechatPayError(path, 0, 'TIMEOUT', `no answer within ${this.timeoutMs} ms`, true);
      const cause = (error as { cause?: { code?: string } })?.cause?.code;
      throw new WechatPayError(path, 0, 'NETWORK', cause ?? String(error), true);
    }
    this.checkAnswer(path, answer);
    if (answer.status < 200 || answer.status >= 300)
      return { status: answer.status, error: answer.body.toString('utf8') };
    return { status: answer.status, data: answer.body };
  }
}
