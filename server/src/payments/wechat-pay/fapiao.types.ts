import { z } from 'zod';

/**
 * WeChat Pay's e-invoice (电子发票, new-tax-control-fapiao) objects, mapped once to camelCase with amounts in fen.
 * `status` in query answers, `fapiao_status` in notices: the same four values.
 */
export const FAPIAO_STATUSES = ['ISSUE_ACCEPTED', 'ISSUED', 'REVERSE_ACCEPTED', 'REVERSED'] as const;
export type FapiaoStatus = (typeof FAPIAO_STATUSES)[number];
export const FAPIAO_CARD_STATUSES = ['INSERT_ACCEPTED', 'INSERTED', 'DISCARD_ACCEPTED', 'DISCARDED'] as const;
export type FapiaoCardStatus = (typeof FAPIAO_CARD_STATUSES)[number];
export const FAPIAO_EVENT_TYPES = [
  'FAPIAO.USER_APPLIED',
  'FAPIAO.ISSUED',
  'FAPIAO.REVERSED',
  'FAPIAO.CARD_INSERTED',
  'FAPIAO.CARD_DISCARDED',
] as const;
export type FapiaoEventType = (typeof FAPIAO_EVENT_TYPES)[number];

/** 发票代码/号码 of a blue (蓝字) or red (红字) invoice. */
export interface FapiaoDetail {
  code: string;
  number: string;
  checkCode?: string;
  time?: Date;
}

/** One invoice of an application, as the query answers it. */
export interface QueriedFapiao {
  fapiaoId: string;
  status: FapiaoStatus;
  totalFen?: number;
  blue?: FapiaoDetail;
  red?: FapiaoDetail;
  cardStatus?: FapiaoCardStatus;
}

/**
 * A FAPIAO.* notice's decrypted resource: which invoices of which application changed. FAPIAO.USER_APPLIED (the
 * user filled the title on WeChat Pay's title page, scene WITHOUT_WECHATPAY) names the application only.
 */
export interface FapiaoNotice {
  mchid: string;
  fapiaoApplyId: string;
  fapiaos: { fapiaoId: string; status: FapiaoStatus; cardStatus?: FapiaoCardStatus }[];
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));
const Detail = z
  .object({
    fapiao_code: z.string().optional(),
    fapiao_number: z.string().min(1),
    check_code: optionalText,
    fapiao_time: optionalText,
  })
  .optional();
const QueryJson = z.object({
  fapiao_information: z.array(
    z.object({
      fapiao_id: z.string().min(1),
      status: z.enum(FAPIAO_STATUSES),
      total_amount: z.number().int().optional(),
      blue_fapiao: Detail,
      red_fapiao: Detail,
      card_information: z.object({ card_status: z.enum(FAPIAO_CARD_STATUSES).optional() }).optional(),
    }),
  ),
});
const NoticeJson = z.object({
  mchid: z.string().min(1),
  fapiao_apply_id: z.string().min(1),
  fapiao_information: z
    .array(
      z.object({
        fapiao_id: z.string().min(1),
        fapiao_status: z.enum(FAPIAO_STATUSES),
        card_status: z.enum(FAPIAO_CARD_STATUSES).optional(),
      }),
    )
    .default([]),
});
const BuyerJson = z.object({
  type: z.enum(['INDIVIDUAL', 'ORGANIZATION']),
  name: z.string().min(1),
  taxpayer_id: optionalText,
});

/** The title a user filled on WeChat Pay's title page (获取用户填写的抬头). */
export interface FapiaoUserTitle {
  type: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  taxpayerId?: string;
}

export function toFapiaoUserTitle(json: unknown): FapiaoUserTitle | null {
  const parsed = BuyerJson.safeParse(json);
  if (!parsed.success) return null;
  const { type, name, taxpayer_id: taxpayerId } = parsed.data;
  if (type === 'ORGANIZATION' && !taxpayerId) return null;
  return { type, name, ...(taxpayerId ? { taxpayerId } : {}) };
}

const detail = (d: z.infer<typeof Detail>): FapiaoDetail | undefined =>
  d && {
    code: d.fapiao_code ?? '',
    number: d.fapiao_number,
    ...(d.check_code ? { checkCode: d.check_code } : {}),
    ...(d.fapiao_time && !Number.isNaN(Date.parse(d.fapiao_time)) ? { time: new Date(d.fapiao_time) } : {}),
  };

/** GET …/fapiao-applications/{fapiao_apply_id} → its invoices, or null when the answer is not that shape. */
export function toQueriedFapiaos(json: unknown): QueriedFapiao[] | null {
  const parsed = QueryJson.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data.fapiao_information.map((f) => {
    const blue = detail(f.blue_fapiao);
    const red = detail(f.red_fapiao);
    const cardStatus = f.card_information?.card_status;
    return {
      fapiaoId: f.fapiao_id,
      status: f.status,
      ...(f.total_amount !== undefined ? { totalFen: f.total_amount } : {}),
      ...(blue ? { blue } : {}),
      ...(red ? { red } : {}),
      ...(cardStatus ? { cardStatus } : {}),
    };
  });
}

export function toFapiaoNotice(json: unknown): FapiaoNotice | null {
  const parsed = NoticeJson.safeParse(json);
  if (!parsed.success) return null;
  return {
    mchid: parsed.data.mchid,
    fapiaoApplyId: parsed.data.fapiao_apply_id,
    fapiaos: parsed.data.fapiao_information.map((f) => ({
      fapiaoId: f.fapiao_id,
      status: f.fapiao_status,
      ...(f.card_status ? { cardStatus: f.card_status } : {}),
    })),
  };
}
