import { Inject, Injectable } from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { WECHAT_PAY_CREDENTIALS, WechatPayCredentials } from './wechat-pay.credentials';
import { decryptResource, MAX_CLOCK_SKEW_SECONDS, verifySha256Rsa, wechatpayMessage } from './wechat-pay.crypto';
import { FAPIAO_EVENT_TYPES, FapiaoEventType, FapiaoNotice, toFapiaoNotice } from './fapiao.types';
import { isPaidTransaction, PaidTransaction, toRefund, toTransaction, WechatRefund } from './wechat-pay.types';

export type NoticeRejectReason =
  'unknown_serial' | 'stale_timestamp' | 'bad_signature' | 'bad_ciphertext' | 'malformed';

/** Why a notice (or an API answer) is not WeChat Pay's. The notify endpoint answers 4xx and logs `reason`. */
export class NoticeRejected extends Error {
  override readonly name = 'NoticeRejected';

  constructor(
    readonly reason: NoticeRejectReason,
    detail: string,
  ) {
    super(`WeChat Pay message rejected (${reason}): ${detail}`);
  }
}

export type Headers = Record<string, string | string[] | undefined>;

export type VerifiedNotice =
  | { id: string; createTime: string; eventType: 'TRANSACTION.SUCCESS'; resource: PaidTransaction }
  | {
      id: string;
      createTime: string;
      eventType: 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';
      resource: WechatRefund;
    }
  | { id: string; createTime: string; eventType: FapiaoEventType; resource: FapiaoNotice };

const header = (headers: Headers, name: string): string | undefined => {
  const value =
    headers[name] ??
    headers[name.toLowerCase()] ??
    Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The checks on anything WeChat Pay signs (notices and API answers alike), in this order: a key we hold for
 * `Wechatpay-Serial`, a timestamp within 5 minutes of `now`, then SHA256withRSA over the exact bytes received.
 */
export function checkWechatpaySignature(
  headers: Headers,
  body: string | Buffer,
  platformKeys: ReadonlyMap<string, KeyObject>,
  now: Date,
): void {
  const serial = header(headers, 'Wechatpay-Serial');
  const key = serial ? platformKeys.get(serial) : undefined;
  if (!key)
    throw new NoticeRejected('unknown_serial', serial ? `no platform key for serial ${serial}` : 'no Wechatpay-Serial');
  const timestamp = header(headers, 'Wechatpay-Timestamp') ?? '';
  if (!/^\d{1,12}$/.test(timestamp)) throw new NoticeRejected('malformed', 'no valid Wechatpay-Timestamp');
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS)
    throw new NoticeRejected('stale_timestamp', `timestamp ${timestamp} is ${skew}s off`);
  const nonce = header(headers, 'Wechatpay-Nonce') ?? '';
  const signature = header(headers, 'Wechatpay-Signature') ?? '';
  if (!nonce || !signature || !verifySha256Rsa(wechatpayMessage(timestamp, nonce, body), signature, key)) {
    throw new NoticeRejected('bad_signature', 'Wechatpay-Signature does not verify');
  }
}

const NoticeJson = z.object({
  id: z.string().min(1),
  create_time: z.string(),
  event_type: z.string().min(1),
  resource_type: z.literal('encrypt-resource'),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1),
    associated_data: z.string().optional().default(''),
    nonce: z.string().min(1),
    original_type: z.string().optional(),
  }),
});

export interface NoticeRequest {
  headers: Headers;
  /** Exactly the bytes received: re-serialised JSON would not verify. */
  rawBody: string | Buffer;
}

/** Signature first (so nothing unverified is parsed further), then decryption with the tag checked, then shape. */
export function verifyNoticeWith(
  keys: { platformKeys: ReadonlyMap<string, KeyObject>; apiV3Key: string },
  request: NoticeRequest,
  now: Date,
): VerifiedNotice {
  checkWechatpaySignature(request.headers, request.rawBody, keys.platformKeys, now);
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody.toString());
  } catch {
    throw new NoticeRejected('malformed', 'body is not JSON');
  }
  const notice = NoticeJson.safeParse(json);
  if (!notice.success) throw new NoticeRejected('malformed', `not a notice: ${notice.error.issues[0]?.path.join('.')}`);
  const { resource } = notice.data;
  let plaintext: string;
  try {
    plaintext = decryptResource(resource.ciphertext, keys.apiV3Key, resource.associated_data, resource.nonce);
  } catch {
    throw new NoticeRejected('bad_ciphertext', 'resource does not decrypt with the APIv3 key (GCM tag check failed)');
  }
  let decrypted: unknown;
  try {
    decrypted = JSON.parse(plaintext);
  } catch {
    throw new NoticeRejected('malformed', 'decrypted resource is not JSON');
  }
  const { id, create_time: createTime, event_type: eventType } = notice.data;
  if (eventType === 'TRANSACTION.SUCCESS') {
    const transaction = toTransaction(decrypted);
    if (!transaction || transaction.tradeState !== 'SUCCESS' || !isPaidTransaction(transaction)) {
      throw new NoticeRejected('malformed', 'TRANSACTION.SUCCESS resource is not a paid transaction');
    }
    return { id, createTime, eventType, resource: transaction };
  }
  if (eventType === 'REFUND.SUCCESS' || eventType === 'REFUND.ABNORMAL' || eventType === 'REFUND.CLOSED') {
    const refund = toRefund(decrypted);
    if (!refund) throw new NoticeRejected('malformed', `${eventType} resource is not a refund`);
    return { id, createTime, eventType, resource: refund };
  }
  if ((FAPIAO_EVENT_TYPES as readonly string[]).includes(eventType)) {
    const fapiao = toFapiaoNotice(decrypted);
    if (!fapiao) throw new NoticeRejected('malformed', `${eventType} resource is not a fapiao notice`);
    return { id, createTime, eventType: eventType as FapiaoEventType, resource: fapiao };
  }
  throw new NoticeRejected('malformed', `event_type ${eventType} is not one this server subscribes to`);
}

/** For the notify controller: verification with this server's keys, and the checks against our own order. */
@Injectable()
export class WechatPayNotices {
  constructor(@Inject(WECHAT_PAY_CREDENTIALS) private readonly credentials: WechatPayCredentials) {}

  /** Throws NoticeRejected; answer WeChat Pay 4xx then (it will retry), 200/204 once the notice is handled. */
  async verifyNotice(request: NoticeRequest, now: Date): Promise<VerifiedNotice> {
    return verifyNoticeWith(this.credentials, request, now);
  }

  /**
   * What differs between a paid transaction and the order it claims to pay: empty when it is ours.
   * (A valid signature says WeChat Pay sent it, not that it is for this merchant, app, order and amount.)
   */
  mismatches(
    transaction: PaidTransaction,
    order: { outTradeNo: string; amountFen: number },
  ): ('mchid' | 'appid' | 'out_trade_no' | 'amount')[] {
    const found: ('mchid' | 'appid' | 'out_trade_no' | 'amount')[] = [];
    if (transaction.mchid !== this.credentials.mchid) found.push('mchid');
    if (transaction.appid !== this.credentials.appid) found.push('appid');
    if (transaction.outTradeNo !== order.outTradeNo) found.push('out_trade_no');
    if (transaction.amountFen !== order.amountFen) found.push('amount');
    return found;
  }
}
