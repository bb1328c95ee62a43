import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, dateWithinBounds } from '../calendar/date-bounds';

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

export const StaffReadingSchema = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^\d{10}$/, '户号应为10位数字'),
  readOn: ShanghaiDate,
  /** m³ → hundredths of m³ */
  value: MeterValue,
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
  utility: 'gas' | 'heating';
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
    amountFen: number;
  }[];
  amountFen: number;
  paidFen: number;
  status: 'unpaid' | 'paid';
  dueOn: string;
  overdue: boolean;
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

/** A payment record / receipt. */
export interface PaymentView {
  orderNo: string;
  billId: number;
  period: string;
  accountNo: string;
  amountFen: number;
  status: 'open' | 'paid' | 'closed' | 'refunded';
  transactionId: string | null;
  paidAt: string | null;
}

export const RefundRequestSchema = z.object({
  orderNo: z.string().trim().min(1).max(32),
  reason: z.string().trim().min(2, '请填写退款原因').max(200),
});

export const ReconcileSchema = z.object({ date: ShanghaiDate });
