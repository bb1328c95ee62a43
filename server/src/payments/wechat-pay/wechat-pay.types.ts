import { z } from 'zod';

/**
 * WeChat Pay's transaction and refund objects, mapped once to camelCase with amounts in fen, so a queried
 * order and a notice's decrypted resource reach the payments domain in the same shape.
 */
export const TRADE_STATES = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const;
export type TradeState = (typeof TRADE_STATES)[number];

export const REFUND_STATUSES = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface WechatTransaction {
  mchid: string;
  appid: string;
  outTradeNo: string;
  tradeState: TradeState;
  tradeStateDesc?: string;
  transactionId?: string;
  /** amount.total: what the order was for. */
  amountFen?: number;
  /** amount.payer_total: what the payer paid (less any discount). */
  payerTotalFen?: number;
  payerOpenid?: string;
  successTime?: Date;
  attach?: string;
}

/** What a TRANSACTION.SUCCESS notice always carries. */
export interface PaidTransaction extends WechatTransaction {
  transactionId: string;
  amountFen: number;
  payerOpenid: string;
  successTime: Date;
}

export interface WechatRefund {
  /** Refund notices carry it; refund API answers do not. */
  mchid?: string;
  outTradeNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
  status: RefundStatus;
  refundFen: number;
  totalFen: number;
  successTime?: Date;
  userReceivedAccount?: string;
}

// WeChat sends "" for some absent strings (attach, transaction_id of an unpaid order).
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));
const time = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not an RFC 3339 time')
  .transform((v) => new Date(v));

const TransactionJson = z.object({
  mchid: z.string().min(1),
  appid: z.string().min(1),
  out_trade_no: z.string().min(1),
  trade_state: z.enum(TRADE_STATES),
  trade_state_desc: optionalText,
  transaction_id: optionalText,
  amount: z.object({ total: z.number().int().optional(), payer_total: z.number().int().optional() }).optional(),
  payer: z.object({ openid: optionalText }).optional(),
  success_time: z.union([time, z.literal('').transform(() => undefined)]).optional(),
  attach: optionalText,
});

/** A query answer or notice resource → WechatTransaction, or null when it lacks what every transaction has. */
export function toTransaction(json: unknown): WechatTransaction | null {
  const parsed = TransactionJson.safeParse(json);
  if (!parsed.success) return null;
  const t = parsed.data;
  return dropUndefined({
    mchid: t.mchid,
    appid: t.appid,
    outTradeNo: t.out_trade_no,
    tradeState: t.trade_state,
    tradeStateDesc: t.trade_state_desc,
    transactionId: t.transaction_id,
    amountFen: t.amount?.total,
    payerTotalFen: t.amount?.payer_total,
    payerOpenid: t.payer?.openid,
    successTime: t.success_time,
    attach: t.attach,
  });
}

export function isPaidTransaction(t: WechatTransaction): t is PaidTransaction {
  return !!t.transactionId && t.amountFen !== undefined && !!t.payerOpenid && t.successTime !== undefined;
}

const RefundJson = z.object({
  mchid: optionalText,
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  refund_id: z.string().min(1),
  // `status` in API answers, `refund_status` in notices.
  status: z.enum(REFUND_STATUSES).optional(),
  refund_status: z.enum(REFUND_STATUSES).optional(),
  amount: z.object({ refund: z.number().int(), total: z.number().int() }),
  success_time: z.union([time, z.literal('').transform(() => undefined)]).optional(),
  user_received_account: optionalText,
});

export function toRefund(json: unknown): WechatRefund | null {
  const parsed = RefundJson.safeParse(json);
  if (!parsed.success) return null;
  const r = parsed.data;
  const status = r.status ?? r.refund_status;
  if (!status) return null;
  return dropUndefined({
    mchid: r.mchid,
    outTradeNo: r.out_trade_no,
    transactionId: r.transaction_id,
    outRefundNo: r.out_refund_no,
    refundId: r.refund_id,
    status,
    refundFen: r.amount.refund,
    totalFen: r.amount.total,
    successTime: r.success_time,
    userReceivedAccount: r.user_received_account,
  });
}

/** Keeps `toEqual` comparisons and JSON free of `key: undefined`. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
