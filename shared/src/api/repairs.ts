import { z } from 'zod';
import { DATE_BOUNDS_MESSAGE, instantWithinBounds } from '../calendar/date-bounds';
import { ResidentTicketView } from './residents';
import { ClockView, Deadlines, TicketPhotoView } from './tickets';
import { FaultCategory } from '../repairs/fault-categories';
import { QUOTE_MAX_QTY, type QuoteLine } from '../repairs/repair-quote';
import { Priority, TicketStatus, TicketType } from '../tickets/ticket-codes';

/** Mainland mobile or landline with area code (the same rule as staff intake). */
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入有效的手机号或固定电话');

const id = z.number().int().positive().max(2_147_483_647);
/** Photos are counted against the limit (6 per ticket, 422 TOO_MANY_PHOTOS) when they are attached; this only bounds the body. */
const photoIds = z.array(id).max(20, '照片太多');
const instant = z.iso
  .datetime({ offset: true, error: '时间格式无效' })
  .refine((v) => instantWithinBounds(v), DATE_BOUNDS_MESSAGE);

export const LocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type GeoLocation = z.infer<typeof LocationSchema>;

/** `POST /api/repairs`: a fault report on a bound account. */
export const CreateRepairSchema = z.object({
  accountId: id,
  category: z.enum(FaultCategory, { error: '请选择报修类别' }),
  description: z.string().trim().min(2, '请描述问题').max(2000),
  photoIds: photoIds.default([]),
  contactPhone: phone,
  /** Preferred visit window (non-emergencies): in the future, end after start, ≤ 4 h, within 14 days. */
  window: z.object({ start: instant, end: instant }).optional(),
});
export type CreateRepairRequest = z.infer<typeof CreateRepairSchema>;

/**
 * `POST /api/emergencies`: the one-tap leak alarm. The account's utility decides what it is: a gas
 * leak (燃气泄漏), or on a heating account a hot-water leak (跑冒滴漏) with what the resident saw and photos.
 */
export const CreateEmergencySchema = z.object({
  accountId: id,
  location: LocationSchema.optional(),
  /** When the resident has not shared a phone with the miniapp. */
  contactPhone: phone.optional(),
  /** Heating leaks: where and how much it leaks (optional: the alarm is never held up for it). */
  description: z.string().trim().max(500).optional(),
  photoIds: photoIds.default([]),
});
export type CreateEmergencyRequest = z.infer<typeof CreateEmergencySchema>;

export const DepartSchema = z.object({
  etaMinutes: z.number().int('请填写整数分钟').min(1, '预计到达时间为1–240分钟').max(240, '预计到达时间为1–240分钟'),
  /** Required when setting off before the agreed window opens: the resident is told the new time. */
  reason: z.string().trim().min(2, '请说明提前出发的原因').max(200).optional(),
});
export type DepartRequest = z.infer<typeof DepartSchema>;

export const ArriveSchema = z.object({ location: LocationSchema.optional() });
export type ArriveRequest = z.infer<typeof ArriveSchema>;

const PartSchema = z.object({
  name: z.string().trim().min(1, '请填写配件名称').max(50),
  qty: z.number().int().min(1).max(999),
});

/**
 * The resident's own word on the work (docs/domain.md#charges): a signature on the technician's
 * phone, or the resident's confirmation in the miniapp during this visit (POST
 * /api/my/tickets/:id/confirm while the technician is on site) — the server checks it was given;
 * a technician can no longer claim it for them.
 */
const ConfirmationSchema = z.discriminatedUnion('kind', [
  /** The resident signed on the technician's phone (or the paper work order): the uploaded image. */
  z.object({ kind: z.literal('signature'), photoId: id }),
  /** The resident has confirmed in the miniapp during this visit. */
  z.object({ kind: z.literal('in_app') }),
]);

export const ResolveJobSchema = z.object({
  diagnosis: z.string().trim().min(2, '请填写故障原因').max(1000),
  work: z.string().trim().min(2, '请填写处理措施').max(2000),
  parts: z.array(PartSchema).max(30).default([]),
  photoIdsBefore: photoIds.default([]),
  photoIdsAfter: photoIds.default([]),
  /**
   * Chargeable work is charged at the quote the resident accepted before it (POST .../quote, then the
   * resident's acceptance or signature); without one it is refused (409 QUOTE_REQUIRED). No amount is sent.
   */
  chargeable: z.boolean(),
  confirmation: ConfirmationSchema,
});
export type ResolveJobRequest = z.infer<typeof ResolveJobSchema>;

export const HandOverSchema = z.object({ reason: z.string().trim().min(2, '请填写退回原因').max(500) });
export type HandOverRequest = z.infer<typeof HandOverSchema>;

export const TemperatureSchema = z.object({
  celsius: z.number().min(-30).max(60).multipleOf(0.1, '温度保留一位小数'),
  measuredAt: instant,
  /** The resident's signature under the reading (on the technician's phone); without it the resident confirms in the app. */
  signaturePhotoId: id.optional(),
});
export type TemperatureRequest = z.infer<typeof TemperatureSchema>;

export const NotFixedSchema = z.object({ reason: z.string().trim().min(2, '请说明哪里没有修好').max(500) });
export type NotFixedRequest = z.infer<typeof NotFixedSchema>;

/** `POST /api/field/jobs/:id/quote`: items of the price list and quantities; the server prices them. */
export const SendQuoteSchema = z.object({
  items: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(32),
        qty: z.number().int('数量须为整数').min(1, '数量至少为1').max(QUOTE_MAX_QTY, `数量最多为${QUOTE_MAX_QTY}`),
      }),
    )
    .min(1, '请至少选择一项收费项目')
    .max(20, '收费项目太多'),
});
export type SendQuoteRequest = z.infer<typeof SendQuoteSchema>;

/** `POST /api/my/tickets/:id/quote/accept`: the quote the resident saw (a newer one must be seen first: 409 QUOTE_CHANGED). */
export const AcceptQuoteSchema = z.object({ quoteId: id });
export type AcceptQuoteRequest = z.infer<typeof AcceptQuoteSchema>;

/** `POST /api/field/jobs/:id/quote/signature`: the resident signed the quote on the technician's phone. */
export const SignQuoteSchema = z.object({ quoteId: id, photoId: id });
export type SignQuoteRequest = z.infer<typeof SignQuoteSchema>;

export type QuoteStatus = 'pending' | 'accepted';

/** The visit's quote: what the resident is asked to pay, and whether (and how) they agreed. */
export interface QuoteView {
  id: number;
  lines: QuoteLine[];
  totalFen: number;
  status: QuoteStatus;
  sentAt: string;
  acceptedAt: string | null;
  /** In the miniapp, or signed on the technician's phone. */
  acceptedVia: 'in_app' | 'signature' | null;
}

export interface AppointmentWindowView {
  start: string;
  end: string;
}

/** A technician's job as the field app shows it. The contact phone is masked (reveal-phone logs the full number). */
export interface FieldJobView {
  id: number;
  no: string;
  type: TicketType;
  typeLabel: string;
  status: TicketStatus;
  priority: Priority;
  accountNo: string | null;
  address: string;
  contactName: string;
  contactPhone: string;
  description: string;
  category: FaultCategory | null;
  categoryLabel: string | null;
  window: AppointmentWindowView | null;
  /** The technician acknowledged the job (接单) since it was last assigned. */
  accepted: boolean;
  /** While en route: when the technician said they would arrive. */
  eta: string | null;
  createdAt: string;
  deadlines: Deadlines;
  clocks: ClockView[];
  /** The quote of this visit (the latest sent and not yet charged), if any. Optional until every reader fills it. */
  quote?: QuoteView | null;
  /** The resident confirmed the work in the miniapp during this visit (resolve may then use `in_app`). */
  residentConfirmed?: boolean;
  /** The resident's photos and, once recorded, the technician's before/after photos and the signed work order. */
  photos: TicketPhotoView[];
}

export interface TemperatureReadingView {
  id: number;
  ticketId: number;
  celsius: number;
  measuredAt: string;
  /** The standard at that moment: 18 (06:00–21:00 Shanghai) or 16. */
  minCelsius: number;
  belowStandard: boolean;
  /** Signed by the resident on the technician's phone, or confirmed by them in the app; an unsigned reading does not count. */
  signed: boolean;
  residentConfirmed: boolean;
}

/** What the resident is told when their alarm joined the account's open leak. */
export const LEAK_JOINED_NOTICE = '已有抢修人员在处理，请保持安全';

/**
 * `POST /api/emergencies`: the leak ticket the alarm raised (201), or the account's open leak it joined
 * (200, `joined: true`, same ticket number, with LEAK_JOINED_NOTICE): nobody else is dispatched.
 */
export interface EmergencyAlarmView extends ResidentTicketView {
  joined: boolean;
  notice: string | null;
}
