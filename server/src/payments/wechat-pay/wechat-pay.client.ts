import { Inject, Injectable } from '@nestjs/common';
import { createHash, createPublicKey } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2';
import { parseTradeBill, TradeBillFormatError, TradeBillRow } from './trade-bill';
import { WECHAT_PAY_CREDENTIALS, WechatPayCredentials } from './wechat-pay.credentials';
import { formatRfc3339Beijing, LIVE_API_BASE, nonceStr } from './wechat-pay.crypto';
import { ReceivedAnswer, RedirectingHttp, WechatPayError } from './wechat-pay.http';
import { checkWechatpaySignature, NoticeRejected } from './wechat-pay.notices';
import { RefundStatus, toRefund, toTransaction, WechatRefund, WechatTransaction } from './wechat-pay.types';

export { WechatPayError } from './wechat-pay.http';

/** What the mini-program passes to wx.requestPayment / Taro.requestPayment. */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface JsapiOrder {
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  /** After this the payer can no longer pay (WeChat Pay's time_expire); close the order then. */
  timeExpire: Date;
  attach?: string;
}

/** One entry of GET /v3/certificates: a platform certificate, encrypted with the APIv3 key. */
export interface EncryptedPlatformCertificate {
  serialNo: string;
  effectiveTime: string;
  expireTime: string;
  encryptCertificate: { algorithm: string; nonce: string; associatedData: string; ciphertext: string };
}

/** The SDK's request signing, which its typings keep protected. */
interface SdkSigning {
  buildAuthorization(method: string, url: string, params?: Record<string, unknown>): string;
  getHeaders(authorization: string, headers?: Record<string, string>): Record<string, string>;
}

/** A 2xx answer of `WechatPayClient.call`: its JSON, or null for an empty body (202 Accepted, 204). */
export interface CallAnswer {
  status: number;
  json: Record<string, unknown> | null;
}

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason: string;
}

/** Codes after which the same request may succeed later (WeChat Pay asks for a retry with the same parameters). */
const RETRYABLE_CODES = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'BANK_ERROR', 'SYSTEMERROR']);

/** The SDK's downloads are answered unsigned (WeChat Pay says to skip verification); the file's hash is checked instead. */
const UNSIGNED_PATH = /^\/v3\/billdownload\//;

/**
 * WeChat Pay v3 through wechatpay-node-v3: the SDK builds and signs requests; this class points it at the
 * configured base, verifies every answer's platform signature, and turns `{ status, error }` into WechatPayError.
 * No retries here: the payments domain decides from `retryable` (order, refund and close are idempotent).
 */
@Injectable()
export class WechatPayClient {
  private readonly pay: Pay;
  private readonly http: RedirectingHttp;

  constructor(@Inject(WECHAT_PAY_CREDENTIALS) private readonly credentials: WechatPayCredentials) {
    const privateKeyPem = credentials.merchantPrivateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    this.pay = new Pay({
      appid: credentials.appid,
      mchid: credentials.mchid,
      serial_no: credentials.merchantSerial,
      // Only read by the SDK to derive a serial when serial_no is missing; we always give serial_no.
      publicKey: Buffer.from(
        createPublicKey(credentials.merchantPrivateKey).export({ type: 'spki', format: 'pem' }) as string,
      ),
      privateKey: Buffer.from(privateKeyPem),
      // WeChat Pay asks for a User-Agent naming the caller; the SDK's default is "127.0.0.1".
      userAgent: 'utility-service (wechatpay-node-v3/2.2.1)',
      // No APIv3 `key`: the SDK's decipher_gcm skips the GCM tag check, so nothing here may call it.
    });
    this.http = new RedirectingHttp(credentials.apiBase, credentials.timeoutMs ?? 10_000, (path, answer) =>
      this.checkAnswer(path, answer),
    );
    this.pay.createHttp(this.http);
  }

  async createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }> {
    const result = await this.pay.transactions_jsapi({
      description: order.description,
      out_trade_no: order.outTradeNo,
      time_expire: formatRfc3339Beijing(order.timeExpire),
      notify_url: this.credentials.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
      payer: { openid: order.payerOpenid },
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
    });
    const answer = this.json('jsapi', result);
    if (typeof answer.prepay_id !== 'string' || !answer.prepay_id)
      throw badAnswer('jsapi', result.status, 'no prepay_id');
    return { prepayId: answer.prepay_id };
  }

  /** JSAPI 调起支付: paySign = SHA256withRSA(merchant key) over `appId\ntimeStamp\nnonceStr\npackage\n`. */
  paymentParams(prepayId: string, now = new Date()): RequestPaymentParams {
    const params = {
      appId: this.credentials.appid,
      timeStamp: String(Math.floor(now.getTime() / 1000)),
      nonceStr: nonceStr(32),
      package: `prepay_id=${prepayId}`,
    };
    const paySign = this.pay.sha256WithRsa(
      `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`,
    );
    return { ...params, signType: 'RSA', paySign };
  }

  /** Null when WeChat Pay has no such order (ORDER_NOT_EXIST). */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatTransaction | null> {
    const result = await this.pay.query({ out_trade_no: encodeURIComponent(outTradeNo) });
    if (result.status === 404 && errorCode(result) === 'ORDER_NOT_EXIST') return null;
    const transaction = toTransaction(this.json('query', result));
    if (!transaction) throw badAnswer('query', result.status, 'not a transaction');
    return transaction;
  }

  /** Closing an unpaid order; a paid one fails with code ORDERPAID (then query it: the notice may be on its way). */
  async close(outTradeNo: string): Promise<void> {
    const result = await this.pay.close(encodeURIComponent(outTradeNo));
    if (result.status !== 204 && result.status !== 200) this.fail('close', result);
  }

  /** Usually answers PROCESSING; the REFUND.SUCCESS notice (or queryRefund) tells the outcome. */
  async refund(request: RefundRequest): Promise<{ refundId: string; status: RefundStatus }> {
    const result = await this.pay.refunds({
      out_trade_no: request.outTradeNo,
      out_refund_no: request.outRefundNo,
      reason: request.reason,
      notify_url: this.credentials.notifyUrl,
      amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' },
    });
    const refund = toRefund(this.json('refund', result));
    if (!refund) throw badAnswer('refund', result.status, 'not a refund');
    return { refundId: refund.refundId, status: refund.status };
  }

  /** Null when WeChat Pay has no such refund (RESOURCE_NOT_EXISTS). */
  async queryRefund(outRefundNo: string): Promise<WechatRefund | null> {
    const result = await this.pay.find_refunds(encodeURIComponent(outRefundNo));
    if (result.status === 404 && errorCode(result) === 'RESOURCE_NOT_EXISTS') return null;
    const refund = toRefund(this.json('queryRefund', result));
    if (!refund) throw badAnswer('queryRefund', result.status, 'not a refund');
    return refund;
  }

  /**
   * GET /v3/certificates: the platform certificates WeChat Pay currently uses or will use, still encrypted.
   * The answer's signature has been verified with a key we already hold (like every answer).
   */
  async platformCertificates(): Promise<EncryptedPlatformCertificate[]> {
    const url = `${LIVE_API_BASE}/v3/certificates`;
    const signing = this.pay as unknown as SdkSigning;
    const result = await this.http.get(url, signing.getHeaders(signing.buildAuthorization('GET', url)));
    const data = this.json('certificates', result).data;
    if (!Array.isArray(data)) throw badAnswer('certificates', result.status, 'no data array');
    return data.map((item: Record<string, unknown>) => {
      const encrypted = (item.encrypt_certificate ?? {}) as Record<string, unknown>;
      const fields = [
        item.serial_no,
        item.effective_time,
        item.expire_time,
        encrypted.algorithm,
        encrypted.nonce,
        encrypted.ciphertext,
      ];
      if (fields.some((f) => typeof f !== 'string')) throw badAnswer('certificates', result.status, 'bad entry');
      return {
        serialNo: item.serial_no as string,
        effectiveTime: item.effective_time as string,
        expireTime: item.expire_time as string,
        encryptCertificate: {
          algorithm: encrypted.algorithm as string,
          nonce: encrypted.nonce as string,
          associatedData: typeof encrypted.associated_data === 'string' ? encrypted.associated_data : '',
          ciphertext: encrypted.ciphertext as string,
        },
      };
    });
  }

  /** The day's (Beijing date) ALL bill: applied for, downloaded, checked against its SHA1, parsed. */
  async downloadTradeBill(date: string): Promise<TradeBillRow[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new WechatPayError('tradebill', 0, 'PARAM_ERROR', `bill date ${date} is not YYYY-MM-DD`, false);
    const applied = await this.pay.tradebill({ bill_date: date, bill_type: 'ALL' });
    const answer = this.json('tradebill', applied);
    if (
      answer.hash_type !== 'SHA1' ||
      typeof answer.hash_value !== 'string' ||
      typeof answer.download_url !== 'string'
    ) {
      throw badAnswer('tradebill', applied.status, 'no SHA1 hash or download_url');
    }
    // The SDK signs download_url minus the live host; give it that form so our HTTP object can redirect it.
    const url = new URL(answer.download_url);
    if (url.origin !== new URL(this.credentials.apiBase).origin && url.origin !== LIVE_API_BASE) {
      throw badAnswer('downloadBill', applied.status, `download_url on unexpected host ${url.origin}`);
    }
    const downloaded = await this.pay.downloadBill(`${LIVE_API_BASE}${url.pathname}${url.search}`);
    if (downloaded.status !== 200 || !Buffer.isBuffer(downloaded.data)) this.fail('downloadBill', downloaded);
    const file = downloaded.data as Buffer;
    const hash = createHash('sha1').update(file).digest('hex');
    if (hash !== answer.hash_value.toLowerCase()) {
      throw new WechatPayError(
        'downloadBill',
        downloaded.status,
        'BILL_HASH_MISMATCH',
        `file SHA1 ${hash} is not ${answer.hash_value}`,
        true,
      );
    }
    try {
      return parseTradeBill(file.toString('utf8'));
    } catch (error) {
      if (error instanceof TradeBillFormatError) throw badAnswer('downloadBill', downloaded.status, error.message);
      throw error;
    }
  }

  /**
   * A v3 API the SDK has no method for (the e-invoice APIs, `fapiao.client.ts`): signed by the SDK's signer over
   * the same JSON string that is sent, answered and verified like every other call; a non-2xx answer throws.
   */
  async call(api: string, method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<CallAnswer> {
    const url = `${LIVE_API_BASE}${path}`;
    const signing = this.pay as unknown as SdkSigning;
    const result =
      method === 'GET'
        ? await this.http.get(url, signing.getHeaders(signing.buildAuthorization('GET', url)))
        : await this.http.post(
            url,
            body ?? {},
            signing.getHeaders(signing.buildAuthorization('POST', url, body ?? {}), {
              'Content-Type': 'application/json',
            }),
          );
    if (result.status < 200 || result.status >= 300) this.fail(api, result);
    const text = Buffer.isBuffer(result.data) ? result.data.toString('utf8') : '';
    if (!text) return { status: result.status, json: null };
    try {
      return { status: result.status, json: JSON.parse(text) as Record<string, unknown> };
    } catch {
      throw badAnswer(api, result.status, 'answer is not JSON');
    }
  }

  /**
   * Every answer (but the unsigned bill file) must be signed by a platform key we hold, within 5 minutes —
   * error answers too: an unsigned ORDER_NOT_EXIST would read as "no such order", an unsigned ORDERPAID as
   * "paid". An unsigned error (a proxy's 502, or WeChat Pay's 401 to a request it could not authenticate)
   * is a failure whose code is not believed: RESPONSE_UNSIGNED (retryable when its status is 5xx or 429).
   */
  private checkAnswer(path: string, answer: ReceivedAnswer): void {
    if (UNSIGNED_PATH.test(path)) return;
    const success = answer.status >= 200 && answer.status < 300;
    if (!success && !answer.headers['wechatpay-signature']) {
      const retryable = answer.status >= 500 || answer.status === 429;
      throw new WechatPayError(path, answer.status, 'RESPONSE_UNSIGNED', 'error answer without a signature', retryable);
    }
    try {
      checkWechatpaySignature(answer.headers, answer.body, this.credentials.platformKeys, new Date());
    } catch (error) {
      if (!(error instanceof NoticeRejected)) throw error;
      throw new WechatPayError(path, answer.status, `RESPONSE_${error.reason.toUpperCase()}`, error.message, false);
    }
  }

  /** A success answer's JSON, or the WechatPayError its status and body describe. */
  private json(api: string, result: Output): Record<string, unknown> {
    if (result.status !== 200) this.fail(api, result);
    try {
      return JSON.parse((result.data as Buffer).toString('utf8')) as Record<string, unknown>;
    } catch {
      throw badAnswer(api, result.status, 'answer is not JSON');
    }
  }

  private fail(api: string, result: Output): never {
    const code = errorCode(result) ?? `HTTP_${result.status}`;
    let message: string;
    try {
      message = String((JSON.parse(String(result.error)) as { message?: unknown }).message ?? '');
    } catch {
      message = String(result.error ?? '').slice(0, 200);
    }
    const retryable = result.status >= 500 || result.status === 429 || RETRYABLE_CODES.has(code);
    throw new WechatPayError(api, result.status, code, message, retryable);
  }
}

/** WeChat Pay's error bodies are `{ code, message, detail? }`. */
function errorCode(result: Output): string | undefined {
  try {
    const code = (JSON.parse(String(result.error)) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

function badAnswer(api: string, status: number, detail: string): WechatPayError {
  return new WechatPayError(api, status, 'BAD_RESPONSE', detail, false);
}
