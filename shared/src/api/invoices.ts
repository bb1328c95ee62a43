import { z } from 'zod';
import { isValidTaxNo, normalizeTaxNo } from '../invoices/tax-no';

/** 发票抬头: a person (个人) or a company (单位), whose tax number is then required. */
export const INVOICE_TITLE_KINDS = ['personal', 'company'] as const;
export type InvoiceTitleKind = (typeof INVOICE_TITLE_KINDS)[number];
export const INVOICE_TITLE_KIND_LABELS: Record<InvoiceTitleKind, string> = { personal: '个人', company: '单位' };

const TitleFields = {
  title: z.object({
    kind: z.enum(INVOICE_TITLE_KINDS, { message: '请选择抬头类型' }),
    name: z.string().trim().min(1, '请填写发票抬头').max(100, '发票抬头不超过100字'),
  }),
  taxNo: z
    .string()
    .transform(normalizeTaxNo)
    .optional()
    .transform((v) => (v ? v : undefined)),
};

/** A company title needs a valid 统一社会信用代码; a personal one carries none. */
const titleRules = <T extends { title: { kind: InvoiceTitleKind }; taxNo?: string }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.title.kind === 'company' && !value.taxNo) {
    ctx.addIssue({ code: 'custom', path: ['taxNo'], message: '单位抬头须填写税号（统一社会信用代码）' });
  } else if (value.title.kind === 'company' && !isValidTaxNo(value.taxNo!)) {
    ctx.addIssue({ code: 'custom', path: ['taxNo'], message: '税号应为18位统一社会信用代码，请核对' });
  } else if (value.title.kind === 'personal' && value.taxNo) {
    ctx.addIssue({ code: 'custom', path: ['taxNo'], message: '个人抬头无需填写税号' });
  }
};

/**
 * POST /api/my/invoices: an invoice for one of the resident's own paid payments. The title is given here for a
 * WeChat Pay payment; for counter or bank money it is filled on WeChat Pay's title page instead (none sent).
 */
export const InvoiceRequestSchema = z
  .object({ paymentId: z.number().int().positive(), ...TitleFields, title: TitleFields.title.optional() })
  .superRefine((value, ctx) => {
    if (value.title) titleRules({ ...value, title: value.title }, ctx);
    else if (value.taxNo) ctx.addIssue({ code: 'custom', path: ['title'], message: '请填写发票抬头' });
  });
export type InvoiceRequest = z.infer<typeof InvoiceRequestSchema>;

/** POST /api/my/invoices/:id/reissue: the corrected title; the old invoice is reversed (红冲) first. */
export const InvoiceReissueSchema = z.object(TitleFields).superRefine(titleRules);
export type InvoiceReissueRequest = z.infer<typeof InvoiceReissueSchema>;

/**
 * issuing: asked of WeChat Pay, not issued yet (a reissue waits here for the old one's reversal);
 * issued: in the resident's card wallet; reversing: red-letter reversal asked; reversed: 已冲红.
 */
export const INVOICE_STATUSES = ['issuing', 'issued', 'reversing', 'reversed'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  issuing: '开票中',
  issued: '已开票',
  reversing: '冲红中',
  reversed: '已冲红',
};

/** WeChat Pay's title page (抬头填写, valid 30 minutes): WeChat's title mini program, or its H5 URL. */
export interface InvoiceTitleLink {
  url: string;
  miniprogramAppid: string;
  miniprogramPath: string;
}

export interface InvoiceView {
  id: number;
  paymentId: number;
  /** What was paid: 燃气费 2026-10 (a top-up or an on-site charge later). */
  subject: string;
  amountFen: number;
  titleKind: InvoiceTitleKind;
  titleName: string;
  taxNo: string | null;
  status: InvoiceStatus;
  /** Counter or bank money: the resident has yet to fill the title on WeChat Pay's title page (待填写抬头). */
  awaitingTitle: boolean;
  /** In the answer to a request still awaiting its title: where to fill it. */
  titleLink?: InvoiceTitleLink;
  /** 发票号码, once issued. */
  fapiaoNumber: string | null;
  /** In the resident's WeChat card wallet (卡包). */
  inCardWallet: boolean;
  requestedAt: string;
  issuedAt: string | null;
  reversedAt: string | null;
  /** The invoice this one replaced (a reissue), and the one that replaced it. */
  replacesId: number | null;
  replacedById: number | null;
}

/** What billing staff see: the invoice and whose it is. */
export interface StaffInvoiceView extends InvoiceView {
  accountNo: string;
  orderNo: string;
}

/** The invoice shown on a payment record: the payment's current one. */
export interface PaymentInvoiceState {
  id: number;
  status: InvoiceStatus;
  awaitingTitle: boolean;
}

/** GET /api/staff/invoices filters (query string): status, 户号, requested from/to (Shanghai dates, inclusive). */
export const StaffInvoiceFilterSchema = z.object({
  status: z.enum(INVOICE_STATUSES, { message: '发票状态无效' }).optional(),
  accountNo: z
    .string()
    .trim()
    .regex(/^\d{4,10}$/, '户号应为4-10位数字')
    .optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
    .optional(),
});
export type StaffInvoiceFilter = z.infer<typeof StaffInvoiceFilterSchema>;
