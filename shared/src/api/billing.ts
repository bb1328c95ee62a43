import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, dateWithinBounds } from '../calendar/date-bounds';
import { timeOfUseRegistersError } from '../billing/time-of-use-registers';
import type { PaymentInvoiceState } from './invoices';

/** A meter index in m³ with at most two decimals, as typed or imported ("1234.5"); kept as an exact string. */
export const MeterValue = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,7}(\.\d{1,2})?$/.test(v), '读数应为非负数，最多两位小数')
  .transform((v) => {
    const [whole, frac = ''] = v.split('.');
    return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  });

export const ShanghaiDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    '日期不存在',
  )
  .refine((d) => dateWithinBounds(d), DATE_BOUNDS_MESSAGE);

export const StaffReadingSchema = z
  .object({
    accountNo: z
      .string()
      .trim()
      .regex(/^\d{10}$/, '户号应为10位数字'),
    readOn: ShanghaiDate,
    /** m³ → hundredths of m³ (a power meter: kWh → centiKwh) */
    value: MeterValue,
    /** A 峰谷 power meter's peak and valley registers, kWh → centiKwh: both or neither, summing to the total. */
    peak: MeterValue.optional(),
    valley: MeterValue.optional(),
  })
  .superRefine((r, ctx) => {
    const error = timeOfUseRegistersError({
      valueCentiKwh: r.value,
      peakCentiKwh: r.peak ?? null,
      valleyCentiKwh: r.valley ?? null,
    });
    if (error) ctx.addIssue({ code: 'custom', path: [r.peak === undefined ? 'peak' : 'valley'], message: error });
  });
export type StaffReadingRequest = z.input<typeof StaffReadingSchema>;

export const ResidentReadingSchema = z.object({
  value: MeterValue,
  photoId: z.number().int().positive({ message: '请拍摄表盘照片' }),
});

export interface ReadingView {
  id: number;
  accountNo: string;
  readOn: string;
  valueCentiM3: number;
  /** A 峰谷 power meter's registers (centiKwh), else null. */
  peakCentiKwh: number | null;
  valleyCentiKwh: number | null;
  source: string;
  status: 'accepted' | 'held' | 'billed' | 'trial';
  holdReason: string | null;
  ticketId: number | null;
}

export interface ImportRowError {
  line: number;
  accountNo: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  imported: number;
  held: number;
  errors: ImportRowError[];
}

export interface BillView {
  id: number;
  accountNo: string;
  period: string;
  utility: 'gas' | 'heating' | 'power';
  fromOn: string;
  toOn: string;
  fromValueCentiM3: number | null;
  toValueCentiM3: number | null;
  volumeCentiM3: number;
  lines: {
    kind: string;
    tier?: number;
    year?: number;
    from: string;
    to: string;
    quantity: number;
    unitPriceFen: number;
    /** Power: the exact price in 0.01 fen per kWh (0.4883 元 = 4883). */
    unitPriceCentiFen?: number;
    /** Power on a 峰谷 meter: the register the line prices. */
    timeOfUse?: 'peak' | 'valley';
    amountFen: number;
  }[];
  amountFen: number;
  paidFen: number;
  status: 'unpaid' | 'paid';
  dueOn: string;
  overdue: boolean;
  /** 滞纳金 as of today (unpaid) or as charged (paid); 0 when off or waived (docs/domain.md#arrears). */
  lateFeeFen: number;
  /** What paying it costs now: amount + late fee (unpaid), or what was paid. */
  payableFen: number;
  /** A supervisor waived the late fee (with a reason, shown to staff). */
  lateFeeWaived: boolean;
  paidAt: string | null;
}

export interface UsagePoint {
  period: string;
  volumeCentiM3: number;
  amountFen: number;
}

export interface TrialBillView {
  reading: ReadingView;
  /** What the next bill would be if this reading were billed today. */
  trial: { fromOn: string; toOn: string; volumeCentiM3: number; amountFen: number; lines: BillView['lines'] } | null;
}

/** What `Taro.requestPayment` takes (WeChat Pay JSAPI 调起支付). */
export interface PayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface PayResponse {
  orderNo: string;
  amountFen: number;
  payParams: PayParams;
}

/** How a bill was paid: WeChat Pay, or recorded by billing staff (counter, bank). */
export const PAYMENT_METHODS = ['wechat', 'cash', 'pos', 'bank_transfer', 'bank_debit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  wechat: '微信支付',
  cash: '现金',
  pos: 'POS刷卡',
  bank_transfer: '银行转账',
  bank_debit: '银行代扣',
};

/** A payment record / receipt. */
export interface PaymentView {
  /** The payment's id (`paymentId` of an invoice request). */
  id: number;
  orderNo: string;
  method: PaymentMethod;
  /** The counter receipt (收据号) or the bank's serial number; null for WeChat Pay. */
  receiptNo: string | null;
  billId: number;
  period: string;
  accountNo: string;
  amountFen: number;
  status: 'open' | 'paid' | 'closed' | 'refunded';
  transactionId: string | null;
  paidAt: string | null;
  /** The resident's own records only: the payment's current invoice (docs/domain.md#invoices)… */
  invoice?: PaymentInvoiceState | null;
  /** …and whether this resident may ask for one (their own WeChat payment, paid, none yet). */
  invoiceable?: boolean;
}

export const RefundRequestSchema = z.object({
  orderNo: z.string().trim().min(1).max(32),
  reason: z.string().trim().min(2, '请填写退款原因').max(200),
});

export const ReconcileSchema = z.object({ date: ShanghaiDate });

/** A receipt number (收据号) or a bank serial number (流水号). */
export const ReceiptNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,30}$/, '收据号应为4-30位字母、数字或短横线');

/** A payment taken at the counter (现金 / POS / 银行转账) by billing staff, with its receipt number. */
export const CounterPaymentSchema = z.object({
  billId: z.number().int().positive(),
  method: z.enum(['cash', 'pos', 'bank_transfer'], { message: '请选择收款方式' }),
  receiptNo: ReceiptNo,
  amountFen: z.number().int().positive({ message: '金额应大于0' }).max(100_000_000),
});
export type CounterPaymentRequest = z.infer<typeof CounterPaymentSchema>;

export interface CounterPaymentView {
  payment: PaymentView;
  bill: BillView;
  /** true when this receipt was recorded before: nothing was credited again. */
  replayed: boolean;
}

/** One failed line of a bank's auto-debit (代扣) result file. */
export interface BankDebitFailure {
  line: number;
  serialNo: string;
  accountNo: string;
  message: string;
}

export interface BankDebitImportReport {
  lines: number;
  credited: number;
  /** Lines credited by an earlier import of the same file: not credited again. */
  alreadyCredited: number;
  failures: BankDebitFailure[];
}

export const LateFeeWaiverSchema = z.object({
  reason: z.string().trim().min(2, '请填写减免原因').max(200),
});

/** A bill as anyone paying it by 户号 (代缴) sees it: amounts only, the holder and address masked. */
export interface PayByAccountBill {
  id: number;
  period: string;
  utility: 'gas' | 'heating' | 'power';
  amountFen: number;
  lateFeeFen: number;
  payableFen: number;
  dueOn: string;
  overdue: boolean;
}

export interface PayByAccountView {
  accountNo: string;
  holderMasked: string;
  addressMasked: string;
  bills: PayByAccountBill[];
}
