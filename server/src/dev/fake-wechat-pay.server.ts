import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  randomUUID,
  X509Certificate,
} from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { FakeFapiao, fakeFapiaoApi } from './fake-wechat-pay.fapiao';
import { FakeTitleApplication, fakeFapiaoTitles } from './fake-wechat-pay.fapiao-titles';
import {
  compactTime,
  completeExtraRow,
  digits,
  ExtraBillRow,
  FakeOrder,
  FakeRefund,
  JsonBody,
  jsapiProblem,
  OUT_NO,
  refundJson,
  tradeBillFile,
  transactionJson,
} from './fake-wechat-pay.records';
import {
  beijingDate,
  encryptResource,
  formatRfc3339Beijing,
  MAX_CLOCK_SKEW_SECONDS,
  nonceStr,
  requestMessage,
  signSha256Rsa,
  verifySha256Rsa,
  wechatpayMessage,
} from '../payments/wechat-pay/wechat-pay.crypto';

export type { ExtraBillRow, FakeOrder, FakeRefund } from './fake-wechat-pay.records';
export type { FakeFapiao } from './fake-wechat-pay.fapiao';
export type { FakeTitleApplication } from './fake-wechat-pay.fapiao-titles';

/**
 * A fake WeChat Pay v3 on 127.0.0.1 speaking the same HTTP contract as api.mch.weixin.qq.com for what this
 * server uses (JSAPI order, query, close, refund, refund query, trade bill + download). Like WeChat Pay it
 * checks the merchant's request signatures, signs its answers and notices with its own platform key, and
 * encrypts notice resources with the APIv3 key, so the server's live verification code runs unchanged.
 */
export interface FakeWechatPayOptions {
  mchid: string;
  appid: string;
  merchantSerial: string;
  /** Checks the Authorization signatures (and paySign, when the cashier passes requestPayment params). */
  merchantPublicKey: KeyObject;
  apiV3Key: string;
  /** The key WeChat Pay signs with; generated with a PUB_KEY_ID_… serial when not given (tests pass a certificate's key). */
  platform?: FakePlatformKey;
  /** Delay before a refund succeeds and its notice is sent (WeChat Pay answers PROCESSING first). */
  refundSettleMs?: number;
  /** The e-invoice callback URL of the merchant's development options (配置开发选项); unset = no FAPIAO.* notices. */
  fapiaoCallbackUrl?: string;
  /** Delay before an accepted invoice is issued or reversed and its notice sent. */
  fapiaoSettleMs?: number;
}

/** A key WeChat Pay signs with; with a certificate, it is listed by GET /v3/certificates. */
export interface FakePlatformKey {
  serial: string;
  privateKey: KeyObject;
  /** The platform certificate (X.509 PEM) of this key, when it is one. */
  certificatePem?: string;
}

export interface NoticeDelivery {
  noticeId: string;
  eventType: string;
  /** Empty for e-invoice notices, which carry fapiaoApplyId instead. */
  outTradeNo: string;
  fapiaoApplyId?: string;
  outRefundNo?: string;
  url: string;
  /** The merchant's HTTP status; 0 when it did not answer. */
  status: number;
  at: string;
}

export interface SignedNotice {
  headers: Record<string, string>;
  rawBody: string;
}

export interface NoticeSigningOptions {
  /** Wechatpay-Timestamp, unix seconds (default now). */
  timestamp?: number;
  /** Flip a bit of the GCM tag, then sign the altered body validly. */
  tamperTag?: boolean;
  /** Flip a bit of the encrypted bytes, then sign the altered body validly. */
  tamperCiphertext?: boolean;
  /** Sign with a key that is not the platform key. */
  forgeSignature?: boolean;
  serial?: string;
  /** Sign with this platform key the fake holds (one rotated out, or not yet used) instead of the current one. */
  platformSerial?: string;
}

/** What the H5 cashier may pass along: the requestPayment params, whose paySign the fake checks as WeChat does. */
export interface PaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface PayRequest {
  prepayId?: string;
  outTradeNo?: string;
  payment?: PaymentParams;
  notify?: boolean;
}

export interface FakeWechatPay {
  url: string;
  /** The platform key the fake signs with now. */
  readonly platformSerial: string;
  readonly platformPublicKey: KeyObject;
  /** A rotation: WeChat Pay lists the new platform certificate by /v3/certificates before it signs with it. */
  addPlatformKey(key: FakePlatformKey): void;
  /** Signs answers and notices with this held platform key from now on (the old one stays listed). */
  usePlatformKey(serial: string): void;
  /** The cashier's "pay": SUCCESS with a transaction id, then (unless notify=false) the signed, encrypted notice. */
  pay(request: PayRequest): Promise<{ outTradeNo: string; transactionId: string; delivery?: NoticeDelivery }>;
  /** Sends an order's TRANSACTION.SUCCESS notice again (same id and resource, fresh signature), as WeChat Pay's retries do. */
  renotify(outTradeNo: string): Promise<NoticeDelivery>;
  /** The same for a settled refund's REFUND.SUCCESS notice. */
  renotifyRefund(outRefundNo: string): Promise<NoticeDelivery>;
  /** Builds a notice exactly as WeChat Pay would, optionally broken, without sending it. `resource` is WeChat's plaintext JSON. */
  signNotice(
    payload: { eventType: string; resource: Record<string, unknown> },
    options?: NoticeSigningOptions,
  ): SignedNotice;
  /** Signs any body with the platform key (for notices whose body itself is broken). */
  signRawNotice(
    rawBody: string,
    options?: Pick<NoticeSigningOptions, 'timestamp' | 'forgeSignature' | 'serial' | 'platformSerial'>,
  ): SignedNotice;
  /** An order as WeChat Pay's JSON (query answer / notice plaintext). */
  transactionJson(outTradeNo: string): Record<string, unknown>;
  addBillRow(row: ExtraBillRow): void;
  /** The bill shows this amount for the order's payment row (the order itself is untouched). */
  alterBillAmount(outTradeNo: string, amountFen: number): void;
  /** The next `n` answers are signed with a key that is not the platform key. */
  forgeNextResponses(n: number): void;
  /** The next `n` API requests answer this error. */
  failNext(n: number, error: { status: number; code: string; message?: string }): void;
  /** The next bill download differs from the hash announced for it. */
  corruptNextBill(): void;
  orders(): FakeOrder[];
  refunds(): FakeRefund[];
  /** Invoices asked for through the e-invoice APIs, in their current state. */
  fapiaos(): FakeFapiao[];
  /** Bodies of POST /v3/new-tax-control-fapiao/card-template received. */
  fapiaoCardTemplates(): Record<string, unknown>[];
  /** Title pages asked for (scene WITHOUT_WECHATPAY), with the title once filled. */
  fapiaoTitleApplications(): FakeTitleApplication[];
  /** The user fills the title page of an application, as WeChat's title mini program does: USER_APPLIED follows. */
  fillFapiaoTitle(
    fapiaoApplyId: string,
    openid: string,
    title: { type: 'INDIVIDUAL' | 'ORGANIZATION'; name: string; taxpayer_id?: string },
  ): Promise<unknown>;
  /** Sends an issued (or reversed) invoice's notice again, as WeChat Pay's retries do. */
  renotifyFapiao(fapiaoId: string): Promise<NoticeDelivery | null>;
  deliveries: NoticeDelivery[];
  /** Resolves once scheduled refunds have settled and their notices have been answered. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Answer = { status: number; body?: unknown };
const fail = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });
const PREPAY_TTL_MS = 2 * 3600_000;
const PATH_ORDER = /^\/v3\/pay\/transactions\/out-trade-no\/([^/?]+)$/;
const PATH_CLOSE = /^\/v3\/pay\/transactions\/out-trade-no\/([^/?]+)\/close$/;
const PATH_REFUND = /^\/v3\/refund\/domestic\/refunds\/([^/?]+)$/;

export async function startFakeWechatPay(options: FakeWechatPayOptions): Promise<FakeWechatPay> {
  const { mchid, appid, merchantSerial, merchantPublicKey, apiV3Key } = options;
  const merchant = { appid, mchid };
  let platform: FakePlatformKey = options.platform ?? {
    serial: `PUB_KEY_ID_01${options.mchid}${digits(16)}`,
    privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
  };
  const platforms = new Map<string, FakePlatformKey>([[platform.serial, platform]]);
  const heldPlatformKey = (serial: string) => {
    const key = platforms.get(serial);
    if (!key) throw new Error(`fake WeChat Pay holds no platform key ${serial}`);
    return key;
  };
  // Made on first use: only tests forging signatures need it.
  let rogue: KeyObject | undefined;
  const rogueKey = () => (rogue ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
  const orders = new Map<string, FakeOrder>();
  const refunds = new Map<string, FakeRefund>();
  const lastNotice = new Map<string, { id: string; body: string; url: string }>();
  const extraRows: ReturnType<typeof completeExtraRow>[] = [];
  const billAmounts = new Map<string, number>();
  const bills = new Map<string, { file: Buffer; expiresAt: number }>();
  const deliveries: NoticeDelivery[] = [];
  const pending = new Set<Promise<unknown>>();
  let forged = 0;
  let failures: { left: number; answer: Answer } = { left: 0, answer: { status: 500 } };
  let corruptBill = false;

  // ---- signing, as WeChat Pay does ----

  const signedHeaders = (
    body: string,
    key = platform.privateKey,
    serial = platform.serial,
    timestamp = Math.floor(Date.now() / 1000),
  ) => {
    const nonce = nonceStr(32);
    return {
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signSha256Rsa(wechatpayMessage(String(timestamp), nonce, body), key),
      'Wechatpay-Serial': serial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    };
  };

  const noticeBody = (eventType: string, resource: Record<string, unknown>, id = randomUUID()) => {
    const originalType = eventType.startsWith('REFUND.')
      ? 'refund'
      : eventType.startsWith('FAPIAO.')
        ? 'fapiao'
        : 'transaction';
    const nonce = nonceStr(12);
    return {
      id,
      create_time: formatRfc3339Beijing(new Date()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: { refund: '退款成功', fapiao: '电子发票', transaction: '支付成功' }[originalType],
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encryptResource(JSON.stringify(resource), apiV3Key, originalType, nonce),
        associated_data: originalType,
        nonce,
      },
    };
  };

  const signNotice: FakeWechatPay['signNotice'] = (payload, signing = {}) => {
    const notice = noticeBody(payload.eventType, payload.resource);
    if (signing.tamperTag || signing.tamperCiphertext) {
      const bytes = Buffer.from(notice.resource.ciphertext, 'base64');
      bytes[signing.tamperTag ? bytes.length - 1 : 0] ^= 0x01;
      notice.resource.ciphertext = bytes.toString('base64');
    }
    return signRawNotice(JSON.stringify(notice), signing);
  };

  const signRawNotice: FakeWechatPay['signRawNotice'] = (rawBody, signing = {}) => {
    const signer = signing.platformSerial ? heldPlatformKey(signing.platformSerial) : platform;
    const headers = signedHeaders(
      rawBody,
      signing.forgeSignature ? rogueKey() : signer.privateKey,
      signing.serial ?? signer.serial,
      signing.timestamp,
    );
    return { headers: { ...headers, 'Content-Type': 'application/json' }, rawBody };
  };

  /** One POST of a notice; WeChat Pay waits 5 s for a 2xx (its retry schedule is not modelled: use renotify). */
  const deliver = async (
    notice: { id: string; body: string; url: string },
    eventType: string,
    outTradeNo: string,
    outRefundNo?: string,
    fapiaoApplyId?: string,
  ) => {
    let status: number;
    try {
      const response = await fetch(notice.url, {
        method: 'POST',
        headers: { ...signedHeaders(notice.body), 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0' },
        body: notice.body,
        signal: AbortSignal.timeout(5000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    const delivery: NoticeDelivery = {
      noticeId: notice.id,
      eventType,
      outTradeNo,
      ...(outRefundNo ? { outRefundNo } : {}),
      ...(fapiaoApplyId ? { fapiaoApplyId } : {}),
      url: notice.url,
      status,
      at: new Date().toISOString(),
    };
    deliveries.push(delivery);
    return delivery;
  };

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  };

  // ---- the e-invoice APIs (fake-wechat-pay.fapiao.ts) ----

  const fapiaoNotify = async (eventType: string, resource: Record<string, unknown>) => {
    if (!options.fapiaoCallbackUrl) return null;
    const notice = noticeBody(eventType, resource);
    const applyId = String(resource.fapiao_apply_id);
    return deliver(
      { id: notice.id, body: JSON.stringify(notice), url: options.fapiaoCallbackUrl },
      eventType,
      '',
      undefined,
      applyId,
    );
  };
  const fapiaoTitles = fakeFapiaoTitles({ appid, mchid, notify: fapiaoNotify, track });
  const fapiao = fakeFapiaoApi({
    mchid,
    appid,
    paidOrder: (transactionId) =>
      [...orders.values()].find((o) => o.transactionId === transactionId && o.state === 'SUCCESS'),
    titleApplication: fapiaoTitles.application,
    notify: fapiaoNotify,
    track,
    settleMs: options.fapiaoSettleMs ?? 50,
  });

  // ---- the cashier ----

  const pay: FakeWechatPay['pay'] = async (request) => {
    const prepayId = request.prepayId ?? request.payment?.package.replace(/^prepay_id=/, '');
    const order = prepayId
      ? [...orders.values()].find((o) => o.prepayId === prepayId)
      : request.outTradeNo
        ? orders.get(request.outTradeNo)
        : undefined;
    if (!order) throw new FakeRefusal(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (request.payment) checkPaySign(request.payment, order);
    if (order.state === 'CLOSED') throw new FakeRefusal(400, 'ORDER_CLOSED', '订单已关闭');
    if (order.state !== 'NOTPAY') throw new FakeRefusal(400, 'ORDERPAID', '该订单已支付');
    if (order.timeExpire && Date.parse(order.timeExpire) < Date.now())
      throw new FakeRefusal(400, 'ORDER_EXPIRED', '订单已过支付截止时间');
    order.state = 'SUCCESS';
    order.transactionId = `42000${digits(5)}${compactTime(new Date()).slice(0, 8)}${digits(10)}`;
    order.successTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const notice = noticeBody('TRANSACTION.SUCCESS', transactionJson(order, merchant));
    lastNotice.set(order.outTradeNo, { id: notice.id, body: JSON.stringify(notice), url: order.notifyUrl });
    const outcome = { outTradeNo: order.outTradeNo, transactionId: order.transactionId };
    if (request.notify === false) return outcome;
    const delivery = await track(deliver(lastNotice.get(order.outTradeNo)!, 'TRANSACTION.SUCCESS', order.outTradeNo));
    return { ...outcome, delivery };
  };

  /** What WeChat's client checks before showing the cashier: the app, the prepay id, and the merchant's paySign. */
  const checkPaySign = (payment: PaymentParams, order: FakeOrder) => {
    const message = `${payment.appId}\n${payment.timeStamp}\n${payment.nonceStr}\n${payment.package}\n`;
    if (payment.appId !== appid || payment.package !== `prepay_id=${order.prepayId}` || payment.signType !== 'RSA') {
      throw new FakeRefusal(400, 'PARAM_ERROR', 'requestPayment:fail 支付参数不匹配');
    }
    if (!verifySha256Rsa(message, payment.paySign, merchantPublicKey))
      throw new FakeRefusal(400, 'SIGN_ERROR', 'requestPayment:fail 支付验证签名失败');
  };

  const renotify: FakeWechatPay['renotify'] = async (outTradeNo) => {
    const notice = lastNotice.get(outTradeNo);
    if (!notice) throw new FakeRefusal(404, 'ORDER_NOT_EXIST', '订单未支付，没有通知可重发');
    return track(deliver(notice, 'TRANSACTION.SUCCESS', outTradeNo));
  };

  const settleRefund = async (refund: FakeRefund) => {
    await new Promise((resolve) => setTimeout(resolve, options.refundSettleMs ?? 100));
    refund.status = 'SUCCESS';
    refund.successTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const notice = noticeBody('REFUND.SUCCESS', refundJson(refund, merchant, true));
    lastNotice.set(`refund:${refund.outRefundNo}`, {
      id: notice.id,
      body: JSON.stringify(notice),
      url: refund.notifyUrl,
    });
    await deliver(
      lastNotice.get(`refund:${refund.outRefundNo}`)!,
      'REFUND.SUCCESS',
      refund.outTradeNo,
      refund.outRefundNo,
    );
  };

  const renotifyRefund: FakeWechatPay['renotifyRefund'] = async (outRefundNo) => {
    const notice = lastNotice.get(`refund:${outRefundNo}`);
    const refund = refunds.get(outRefundNo);
    if (!notice || !refund) throw new FakeRefusal(404, 'RESOURCE_NOT_EXISTS', '退款未完成，没有通知可重发');
    return track(deliver(notice, 'REFUND.SUCCESS', refund.outTradeNo, outRefundNo));
  };

  // ---- the v3 API ----

  const jsapi = (body: JsonBody): Answer => {
    if (body.appid !== appid || body.mchid !== mchid) return fail(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const problem = jsapiProblem(body);
    if (problem) return fail(400, 'PARAM_ERROR', problem);
    const existing = orders.get(body.out_trade_no);
    if (existing) {
      if (existing.state === 'CLOSED') return fail(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.state !== 'NOTPAY') return fail(400, 'ORDERPAID', '该订单已支付');
      const same =
        existing.amountFen === body.amount.total &&
        existing.description === body.description &&
        existing.payerOpenid === body.payer.openid;
      if (!same) return fail(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      // time_expire is set by the first order and may not change afterwards.
      if (existing.timeExpire && body.time_expire && body.time_expire !== existing.timeExpire)
        return fail(400, 'INVALID_REQUEST', '支付结束时间不允许修改');
    }
    // A prepay_id lives 2 hours: the same order within them gets the same one back, later a new one.
    const reuse = existing && Date.now() - existing.prepayIssuedAt < PREPAY_TTL_MS;
    const prepayId = reuse ? existing.prepayId : `wx${compactTime(new Date())}${randomBytes(9).toString('hex')}`;
    orders.set(body.out_trade_no, {
      ...existing,
      outTradeNo: body.out_trade_no,
      prepayId,
      prepayIssuedAt: reuse ? existing.prepayIssuedAt : Date.now(),
      description: body.description,
      amountFen: body.amount.total,
      payerOpenid: body.payer.openid,
      notifyUrl: body.notify_url,
      attach: body.attach,
      timeExpire: existing?.timeExpire ?? body.time_expire,
      state: 'NOTPAY',
    });
    return { status: 200, body: { prepay_id: prepayId } };
  };

  const refund = (body: JsonBody): Answer => {
    const amount = body.amount ?? {};
    if (typeof body.out_refund_no !== 'string' || !OUT_NO.test(body.out_refund_no))
      return fail(400, 'PARAM_ERROR', 'out_refund_no 格式错误');
    if (
      !Number.isInteger(amount.refund) ||
      amount.refund < 1 ||
      !Number.isInteger(amount.total) ||
      amount.currency !== 'CNY'
    ) {
      return fail(400, 'PARAM_ERROR', 'amount 格式错误');
    }
    const existing = refunds.get(body.out_refund_no);
    if (existing) {
      // Same out_refund_no: WeChat Pay refunds once and answers with that refund.
      if (existing.refundFen !== amount.refund || existing.outTradeNo !== body.out_trade_no)
        return fail(400, 'INVALID_REQUEST', '退款单号重复，且参数与原退款不一致');
      return { status: 200, body: refundJson(existing, merchant) };
    }
    const order = orders.get(body.out_trade_no);
    if (!order || order.state === 'NOTPAY' || order.state === 'CLOSED')
      return fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (amount.total !== order.amountFen) return fail(400, 'INVALID_REQUEST', '订单金额与原订单不一致');
    const refunded = [...refunds.values()]
      .filter((r) => r.outTradeNo === order.outTradeNo)
      .reduce((sum, r) => sum + r.refundFen, 0);
    if (refunded + amount.refund > order.amountFen) return fail(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const created: FakeRefund = {
      outRefundNo: body.out_refund_no,
      refundId: `50${digits(5)}${compactTime(new Date()).slice(0, 8)}${digits(14)}`,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId!,
      refundFen: amount.refund,
      totalFen: order.amountFen,
      reason: body.reason,
      status: 'PROCESSING',
      createTime: new Date(),
      notifyUrl: body.notify_url ?? order.notifyUrl,
    };
    refunds.set(created.outRefundNo, created);
    order.state = 'REFUND';
    track(settleRefund(created));
    return { status: 200, body: refundJson(created, merchant) };
  };

  const tradeBill = (query: URLSearchParams, origin: string): Answer => {
    const date = query.get('bill_date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      return fail(400, 'PARAM_ERROR', 'bill_date 格式错误');
    if (!['ALL', null].includes(query.get('bill_type'))) return fail(400, 'PARAM_ERROR', '本模拟只提供 ALL 账单');
    if (date > beijingDate(new Date())) return fail(400, 'NO_STATEMENT_EXIST', '账单文件不存在');
    const file = Buffer.from(
      tradeBillFile(date, merchant, {
        orders: orders.values(),
        refunds: refunds.values(),
        extras: extraRows,
        billAmounts,
      }),
      'utf8',
    );
    const token = randomBytes(24).toString('base64url');
    const hash = createHash('sha1').update(file).digest('hex');
    if (corruptBill) {
      corruptBill = false;
      file[file.length - 3] ^= 0x01;
    }
    bills.set(token, { file, expiresAt: Date.now() + 30_000 });
    return {
      status: 200,
      body: { hash_type: 'SHA1', hash_value: hash, download_url: `${origin}/v3/billdownload/file?token=${token}` },
    };
  };

  /** Every platform certificate held, each encrypted with the APIv3 key (associated_data "certificate"). */
  const certificates = (): Answer => ({
    status: 200,
    body: {
      data: [...platforms.values()]
        .filter((key) => key.certificatePem)
        .map((key) => {
          const certificate = new X509Certificate(key.certificatePem!);
          const nonce = nonceStr(12);
          return {
            serial_no: key.serial,
            effective_time: formatRfc3339Beijing(new Date(certificate.validFrom)),
            expire_time: formatRfc3339Beijing(new Date(certificate.validTo)),
            encrypt_certificate: {
              algorithm: 'AEAD_AES_256_GCM',
              nonce,
              associated_data: 'certificate',
              ciphertext: encryptResource(key.certificatePem!, apiV3Key, 'certificate', nonce),
            },
          };
        }),
    },
  });

  const api = (method: string, url: URL, body: JsonBody): Answer => {
    const fapiaoAnswer = fapiaoTitles.api(method, url) ?? fapiao.api(method, url, body);
    if (fapiaoAnswer) return fapiaoAnswer;
    const path = url.pathname;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return jsapi(body);
    let match = PATH_ORDER.exec(path);
    if (method === 'GET' && match) {
      if (url.searchParams.get('mchid') !== mchid) return fail(400, 'PARAM_ERROR', 'mchid 与请求商户不一致');
      const order = orders.get(decodeURIComponent(match[1]));
      return order
        ? { status: 200, body: transactionJson(order, merchant) }
        : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    match = PATH_CLOSE.exec(path);
    if (method === 'POST' && match) {
      if (body.mchid !== mchid) return fail(400, 'PARAM_ERROR', 'mchid 与请求商户不一致');
      const order = orders.get(decodeURIComponent(match[1]));
      if (order?.state === 'SUCCESS' || order?.state === 'REFUND') return fail(400, 'ORDERPAID', '订单已支付');
      if (order) order.state = 'CLOSED';
      // WeChat Pay answers 204 for an unknown out_trade_no too.
      return { status: 204 };
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return refund(body);
    match = PATH_REFUND.exec(path);
    if (method === 'GET' && match) {
      const found = refunds.get(decodeURIComponent(match[1]));
      return found
        ? { status: 200, body: refundJson(found, merchant) }
        : fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    }
    if (method === 'GET' && path === '/v3/bill/tradebill')
      return tradeBill(url.searchParams, `http://127.0.0.1:${port}`);
    if (method === 'GET' && path === '/v3/certificates') return certificates();
    return fail(404, 'NOT_FOUND', `no such API: ${method} ${path}`);
  };

  /** The merchant's Authorization header, checked like WeChat Pay: scheme, mchid, serial, time, signature. */
  const authProblem = (req: IncomingMessage, raw: string): string | null => {
    const header = req.headers.authorization ?? '';
    const scheme = 'WECHATPAY2-SHA256-RSA2048 ';
    if (!header.startsWith(scheme)) return 'Authorization 不是 WECHATPAY2-SHA256-RSA2048';
    const fields = Object.fromEntries(
      [...header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (fields.mchid !== mchid) return `商户号 ${fields.mchid} 不是 ${mchid}`;
    if (fields.serial_no !== merchantSerial) return `证书序列号 ${fields.serial_no} 不是商户当前证书`;
    if (Math.abs(Math.floor(Date.now() / 1000) - Number(fields.timestamp)) > MAX_CLOCK_SKEW_SECONDS)
      return '请求时间戳与当前时间相差超过5分钟';
    const message = requestMessage(
      req.method ?? '',
      req.url ?? '',
      fields.timestamp ?? '',
      fields.nonce_str ?? '',
      raw,
    );
    return verifySha256Rsa(message, fields.signature ?? '', merchantPublicKey) ? null : '签名错误';
  };

  const control = async (method: string, path: string, body: JsonBody): Promise<Answer | null> => {
    if (method === 'GET' && path === '/__mock/orders') return { status: 200, body: [...orders.values()] };
    if (method === 'GET' && path === '/__mock/notices') return { status: 200, body: deliveries };
    if (method !== 'POST') return null;
    if (path === '/__mock/pay') {
      const ids = [body.prepayId, body.outTradeNo, body.payment?.package].filter((v) => v !== undefined);
      if (!ids.length || ids.some((v) => typeof v !== 'string'))
        return fail(400, 'PARAM_ERROR', '需要 prepayId、outTradeNo 或 payment');
      return { status: 200, body: await pay(body) };
    }
    if (path === '/__mock/renotify') {
      if (typeof body.outRefundNo === 'string') return { status: 200, body: await renotifyRefund(body.outRefundNo) };
      return { status: 200, body: await renotify(String(body.outTradeNo)) };
    }
    if (path === '/__mock/bill-extra') {
      if (typeof body.outTradeNo !== 'string' || !Number.isInteger(body.amountFen))
        return fail(400, 'PARAM_ERROR', '需要 outTradeNo 与 amountFen');
      extraRows.push(completeExtraRow(body as ExtraBillRow));
      return { status: 204 };
    }
    if (path === '/__mock/bill-amount') {
      if (typeof body.outTradeNo !== 'string' || !Number.isInteger(body.amountFen))
        return fail(400, 'PARAM_ERROR', '需要 outTradeNo 与 amountFen');
      billAmounts.set(body.outTradeNo, body.amountFen);
      return { status: 204 };
    }
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    let body: JsonBody;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send(res, fail(400, 'PARAM_ERROR', '请求体不是合法的JSON'), false);
    }
    if (url.pathname.startsWith('/__mock/')) {
      try {
        return send(
          res,
          (await control(req.method ?? '', url.pathname, body)) ?? fail(404, 'NOT_FOUND', 'no such control'),
          false,
        );
      } catch (error) {
        if (error instanceof FakeRefusal) return send(res, fail(error.status, error.code, error.message), false);
        throw error;
      }
    }
    const refused = authProblem(req, raw);
    // Like WeChat Pay: a request that fails authentication gets an unsigned 401.
    if (refused) return send(res, fail(401, 'SIGN_ERROR', refused), false);
    if (url.pathname === '/v3/billdownload/file') {
      const bill = bills.get(url.searchParams.get('token') ?? '');
      if (!bill || bill.expiresAt < Date.now()) return send(res, fail(400, 'INVALID_REQUEST', '下载地址已过期'), false);
      // The file is answered unsigned: WeChat Pay tells merchants to check hash_value instead.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bill.file.length });
      return res.end(bill.file);
    }
    if (failures.left > 0) {
      failures.left--;
      return send(res, failures.answer, true);
    }
    send(res, api(req.method ?? '', url, body), true);
  };

  /** Answers are signed with the platform key (or, when asked, a rogue one); 204 signs an empty body. */
  const send = (res: ServerResponse, answer: Answer, signed: boolean) => {
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    let headers: Record<string, string> = { 'Request-ID': randomUUID() };
    if (signed) {
      const useRogue = forged > 0;
      if (useRogue) forged--;
      headers = { ...headers, ...signedHeaders(text, useRogue ? rogueKey() : platform.privateKey, platform.serial) };
    }
    if (text) headers['Content-Type'] = 'application/json';
    res.writeHead(answer.status, { ...headers, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, fail(500, 'SYSTEM_ERROR', String(error)), false));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get platformSerial() {
      return platform.serial;
    },
    get platformPublicKey() {
      return createPublicKey(platform.privateKey);
    },
    addPlatformKey: (key) => void platforms.set(key.serial, key),
    usePlatformKey: (serial) => void (platform = heldPlatformKey(serial)),
    pay,
    renotify,
    renotifyRefund,
    signNotice,
    signRawNotice,
    transactionJson: (outTradeNo) => {
      const order = orders.get(outTradeNo);
      if (!order) throw new Error(`fake WeChat Pay has no order ${outTradeNo}`);
      return transactionJson(order, merchant);
    },
    addBillRow: (row) => void extraRows.push(completeExtraRow(row)),
    alterBillAmount: (outTradeNo, amountFen) => billAmounts.set(outTradeNo, amountFen),
    forgeNextResponses: (n) => (forged = n),
    failNext: (n, error) =>
      (failures = { left: n, answer: fail(error.status, error.code, error.message ?? 'injected failure') }),
    corruptNextBill: () => (corruptBill = true),
    orders: () => [...orders.values()].map((o) => ({ ...o })),
    refunds: () => [...refunds.values()].map((r) => ({ ...r })),
    fapiaos: fapiao.fapiaos,
    fapiaoCardTemplates: fapiao.cardTemplates,
    fapiaoTitleApplications: fapiaoTitles.applications,
    fillFapiaoTitle: (applyId, openid, title) => fapiaoTitles.fill(applyId, openid, title),
    renotifyFapiao: (fapiaoId) => track(fapiao.renotify(fapiaoId)) as Promise<NoticeDelivery | null>,
    deliveries,
    idle: async () => {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A refusal of a control call (/__mock/pay on a closed order…), answered as WeChat Pay-style `{ code, message }`. */
export class FakeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
