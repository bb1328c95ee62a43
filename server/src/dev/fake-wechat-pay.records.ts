import { randomBytes, randomInt } from 'node:crypto';
import { beijingDate, formatBillTime, formatRfc3339Beijing } from '../payments/wechat-pay/wechat-pay.crypto';

/** The fake WeChat Pay's orders and refunds, and how WeChat Pay writes them (JSON answers, trade bill file). */
export type FakeTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface FakeOrder {
  outTradeNo: string;
  prepayId: string;
  /** Epoch ms the prepay id was issued. */
  prepayIssuedAt: number;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  attach?: string;
  timeExpire?: string;
  state: FakeTradeState;
  transactionId?: string;
  successTime?: Date;
}

export interface FakeRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  status: 'PROCESSING' | 'SUCCESS';
  createTime: Date;
  successTime?: Date;
  notifyUrl: string;
}

/** A row `POST /__mock/bill-extra` adds to a day's bill: a payment the merchant never had. */
export interface ExtraBillRow {
  outTradeNo: string;
  amountFen: number;
  /** RFC 3339; default when added. */
  tradeTime?: string;
  transactionId?: string;
}

export interface Merchant {
  appid: string;
  mchid: string;
}

/** out_trade_no / out_refund_no: 6–32 of digits, letters and _-|*@. */
export const OUT_NO = /^[0-9A-Za-z_\-|*@]{6,32}$/;

export const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
export const compactTime = (date: Date) => formatBillTime(date).replace(/\D/g, '');
const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

const TRADE_STATE_DESC: Record<FakeTradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
};

/** The query answer, and the plaintext of a TRANSACTION.SUCCESS notice. */
export function transactionJson(order: FakeOrder, { appid, mchid }: Merchant): Record<string, unknown> {
  const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
  if (!paid) {
    return {
      appid,
      mchid,
      out_trade_no: order.outTradeNo,
      trade_state: order.state,
      trade_state_desc: TRADE_STATE_DESC[order.state],
      amount: { total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
    };
  }
  return {
    appid,
    mchid,
    out_trade_no: order.outTradeNo,
    transaction_id: order.transactionId,
    trade_type: 'JSAPI',
    trade_state: order.state,
    trade_state_desc: TRADE_STATE_DESC[order.state],
    bank_type: 'OTHERS',
    attach: order.attach ?? '',
    success_time: formatRfc3339Beijing(order.successTime!),
    payer: { openid: order.payerOpenid },
    amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  };
}

/** The refund API answer (`status`), or the REFUND.* notice plaintext (`refund_status`, with mchid). */
export function refundJson(refund: FakeRefund, { mchid }: Merchant, forNotice = false): Record<string, unknown> {
  const common = {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: formatRfc3339Beijing(refund.successTime) } : {}),
  };
  const amount = {
    total: refund.totalFen,
    refund: refund.refundFen,
    payer_total: refund.totalFen,
    payer_refund: refund.refundFen,
  };
  if (forNotice) return { mchid, ...common, refund_status: refund.status, amount };
  return {
    ...common,
    channel: 'ORIGINAL',
    create_time: formatRfc3339Beijing(refund.createTime),
    status: refund.status,
    funds_account: 'UNSETTLED',
    amount: {
      ...amount,
      settlement_total: refund.totalFen,
      settlement_refund: refund.refundFen,
      discount_refund: 0,
      currency: 'CNY',
    },
  };
}

const BILL_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const BILL_SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';
/** Fee at 0.6 %, in yuan with 5 decimals as the bill writes it. */
const fee = (fen: number) => (Math.round(fen * 0.6) / 100_000).toFixed(5);

export interface BillSources {
  orders: Iterable<FakeOrder>;
  refunds: Iterable<FakeRefund>;
  extras: Iterable<Required<ExtraBillRow> & { openid: string }>;
  /** out_trade_no → the amount the bill shows instead of the order's (reconciliation tests). */
  billAmounts: ReadonlyMap<string, number>;
}

/**
 * A day's (Beijing) ALL bill, written like WeChat Pay's: a BOM, CRLF, every detail field behind a backtick;
 * payments by success time, refunds by acceptance time (a refund row settles 0.00 and carries 退款金额).
 */
export function tradeBillFile(date: string, merchant: Merchant, sources: BillSources): string {
  const { appid, mchid } = merchant;
  const rows: string[][] = [];
  const totals = { settle: 0, refund: 0, fee: 0 };
  const paymentRow = (
    time: Date,
    txid: string,
    outTradeNo: string,
    openid: string,
    fen: number,
    description: string,
    attach = '',
  ) => {
    totals.settle += fen;
    totals.fee += Math.round(fen * 0.6);
    rows.push([
      formatBillTime(time),
      appid,
      mchid,
      '0',
      '',
      txid,
      outTradeNo,
      openid,
      'JSAPI',
      'SUCCESS',
      'OTHERS',
      'CNY',
      yuan(fen),
      '0.00',
      '0',
      '0',
      '0.00',
      '0.00',
      '',
      '',
      description,
      attach,
      fee(fen),
      '0.60%',
      yuan(fen),
      '0.00',
      '',
    ]);
  };
  const orders = new Map([...sources.orders].map((o) => [o.outTradeNo, o]));
  for (const order of orders.values()) {
    if (!order.successTime || beijingDate(order.successTime) !== date) continue;
    paymentRow(
      order.successTime,
      order.transactionId!,
      order.outTradeNo,
      order.payerOpenid,
      sources.billAmounts.get(order.outTradeNo) ?? order.amountFen,
      order.description,
      order.attach,
    );
  }
  for (const r of sources.refunds) {
    if (beijingDate(r.createTime) !== date) continue;
    const order = orders.get(r.outTradeNo)!;
    totals.refund += r.refundFen;
    totals.fee -= Math.round(r.refundFen * 0.6);
    rows.push([
      formatBillTime(r.createTime),
      appid,
      mchid,
      '0',
      '',
      r.transactionId,
      r.outTradeNo,
      order.payerOpenid,
      'JSAPI',
      'REFUND',
      'OTHERS',
      'CNY',
      '0.00',
      '0.00',
      r.refundId,
      r.outRefundNo,
      yuan(r.refundFen),
      '0.00',
      'ORIGINAL',
      r.status,
      order.description,
      order.attach ?? '',
      `-${fee(r.refundFen)}`,
      '0.60%',
      yuan(r.totalFen),
      yuan(r.refundFen),
      '',
    ]);
  }
  for (const extra of sources.extras) {
    const time = new Date(extra.tradeTime);
    if (beijingDate(time) === date)
      paymentRow(time, extra.transactionId, extra.outTradeNo, extra.openid, extra.amountFen, '模拟：商户侧无此单');
  }
  const line = (fields: string[]) => fields.map((f) => `\`${f}`).join(',');
  const summary = [
    String(rows.length),
    yuan(totals.settle),
    yuan(totals.refund),
    '0.00',
    (totals.fee / 100_000).toFixed(5),
    yuan(totals.settle),
    yuan(totals.refund),
  ];
  return `\uFEFF${[BILL_HEADER, ...rows.map(line), BILL_SUMMARY_HEADER, line(summary)].join('\r\n')}\r\n`;
}

/** The extra row as it will appear on every download: its ids fixed once. */
export function completeExtraRow(row: ExtraBillRow): Required<ExtraBillRow> & { openid: string } {
  return {
    outTradeNo: row.outTradeNo,
    amountFen: row.amountFen,
    tradeTime: row.tradeTime ?? new Date().toISOString(),
    transactionId: row.transactionId ?? `42000${digits(23)}`,
    openid: `o${randomBytes(21).toString('base64url').slice(0, 27)}`,
  };
}

/** A request body as the fake receives it: any JSON, whose fields the handlers probe one by one as WeChat Pay's checks do. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untrusted JSON probed field by field
export type JsonBody = Record<string, any>;

/** Field rules of /v3/pay/transactions/jsapi that matter here; null when the body passes. */
export function jsapiProblem(body: JsonBody): string | null {
  if (typeof body.description !== 'string' || !body.description || body.description.length > 127)
    return 'description 必填且不超过127个字符';
  if (typeof body.out_trade_no !== 'string' || !OUT_NO.test(body.out_trade_no))
    return 'out_trade_no 须为6-32位数字、字母或_-|*@';
  if (typeof body.notify_url !== 'string' || !/^https?:\/\/[^?]+$/.test(body.notify_url))
    return 'notify_url 须为不带参数的 http(s) 地址';
  if (!Number.isInteger(body.amount?.total) || body.amount.total < 1) return 'amount.total 须为正整数（分）';
  if (body.amount.currency !== undefined && body.amount.currency !== 'CNY') return 'amount.currency 只支持 CNY';
  if (typeof body.payer?.openid !== 'string' || !body.payer.openid) return 'payer.openid 必填';
  if (
    body.time_expire !== undefined &&
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(body.time_expire)
  ) {
    return 'time_expire 须为 RFC 3339 格式';
  }
  return null;
}
