/**
 * WeChat Pay's trade bill (交易账单) file: a header row, detail rows whose every field starts with a backtick
 * (so Excel keeps long numbers), then a summary header (总交易单数,…) and one summary row. Amounts are yuan.
 * Columns are found by header name, since WeChat Pay says their order is not fixed.
 */
export interface TradeBillRow {
  /** 交易时间 (Beijing time in the file). For a refund row, when the refund was accepted. */
  tradeTime: Date;
  appid: string;
  mchid: string;
  transactionId: string;
  outTradeNo: string;
  /** 交易状态: SUCCESS for a payment row, REFUND for a refund row. */
  tradeState: string;
  /** 应结订单金额 */
  amountFen: number;
  refundId?: string;
  outRefundNo?: string;
  /** 退款金额 */
  refundFen?: number;
  /** 退款状态 */
  refundStatus?: string;
}

const COLUMNS = {
  tradeTime: '交易时间',
  appid: '公众账号ID',
  mchid: '商户号',
  transactionId: '微信订单号',
  outTradeNo: '商户订单号',
  tradeState: '交易状态',
  amount: '应结订单金额',
  refundId: '微信退款单号',
  outRefundNo: '商户退款单号',
  refund: '退款金额',
  refundStatus: '退款状态',
} as const;

export class TradeBillFormatError extends Error {}

export function parseTradeBill(text: string): TradeBillRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new TradeBillFormatError('empty bill');
  const header = lines[0].split(',').map((name) => name.trim());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, name]) => {
      const i = header.indexOf(name);
      if (i < 0) throw new TradeBillFormatError(`bill header has no ${name} column`);
      return [key, i];
    }),
  ) as Record<keyof typeof COLUMNS, number>;
  const summaryAt = lines.findIndex((line) => line.startsWith('总交易单数'));
  if (summaryAt < 0) throw new TradeBillFormatError('bill has no summary (总交易单数) line: truncated?');

  return lines.slice(1, summaryAt).map((line, n) => {
    // Split on ",`" rather than ",": a field (a description) may itself hold a comma.
    if (!line.startsWith('`')) throw new TradeBillFormatError(`detail line ${n + 1} does not start with a backtick`);
    const fields = line.slice(1).split(',`');
    if (fields.length !== header.length)
      throw new TradeBillFormatError(`detail line ${n + 1} has ${fields.length} fields, header has ${header.length}`);
    const field = (key: keyof typeof COLUMNS) => fields[index[key]].trim();
    const refundId = field('refundId');
    const row: TradeBillRow = {
      tradeTime: billTime(field('tradeTime'), n + 1),
      appid: field('appid'),
      mchid: field('mchid'),
      transactionId: field('transactionId'),
      outTradeNo: field('outTradeNo'),
      tradeState: field('tradeState'),
      amountFen: yuanToFen(field('amount'), n + 1),
    };
    // Payment rows carry "0" (or nothing) in the refund columns.
    if (refundId && refundId !== '0') {
      row.refundId = refundId;
      row.outRefundNo = field('outRefundNo');
      row.refundFen = yuanToFen(field('refund'), n + 1);
      if (field('refundStatus')) row.refundStatus = field('refundStatus');
    }
    return row;
  });
}

/** "12.30" → 1230, without floating point. */
export function yuanToFen(text: string, line = 0): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new TradeBillFormatError(`line ${line}: ${JSON.stringify(text)} is not an amount in yuan`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function billTime(text: string, line: number): Date {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  if (!match) throw new TradeBillFormatError(`line ${line}: ${JSON.stringify(text)} is not a bill time`);
  return new Date(`${match[1]}T${match[2]}+08:00`);
}
