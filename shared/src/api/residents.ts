import type { QuoteView, TemperatureReadingView } from './repairs';
import { z } from 'zod';
import { BindingSecondFact } from '../residents/second-fact';
import { ResidentStep } from '../tickets/resident-progress';
import { TicketType } from '../tickets/ticket-codes';
import type { ResidentRatingState } from './feedback';
import type { TicketPhotoView } from './tickets';
import type { TicketOutageNote } from './outages';
import type { TicketAnswerView } from './consultations';

export const WechatLoginSchema = z.object({ code: z.string().trim().min(1, '缺少登录凭证').max(128) });
export const PhoneCodeSchema = z.object({ code: z.string().trim().min(1, '缺少手机号授权凭证').max(128) });

export const BindAccountSchema = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^\d{10}$/, '户号应为10位数字'),
  holderName: z.string().trim().min(1, '请填写户主姓名').max(50),
  /** The operator's second fact (BindingRequirementView): last four digits of the registered phone, or the last bill. */
  secondFact: z.string().trim().max(20, '核验信息过长').optional(),
  label: z.string().trim().max(10, '标签最多10个字').optional(),
});

/** `GET /api/accounts/binding-requirement`: which second fact the bind form asks for (label null: none). */
export interface BindingRequirementView {
  secondFact: BindingSecondFact;
  label: string | null;
  hint: string | null;
}
export type BindAccountRequest = z.infer<typeof BindAccountSchema>;

export const SubscribeSchema = z.object({
  /** Template ids the resident accepted in requestSubscribeMessage (at most three a call). */
  templateIds: z.array(z.string().trim().min(1).max(64)).min(1).max(3),
});

export const CancelSchema = z.object({ reason: z.string().trim().max(200).optional() });

export interface ResidentView {
  id: number;
  /** Masked (138****5678), or null before the resident shares a phone. */
  phone: string | null;
  privacyConsentedAt: string | null;
}

export interface ResidentLoginResponse {
  token: string;
  expiresAt: string;
  resident: ResidentView;
}

export interface BoundAccountView {
  id: number;
  accountNo: string;
  /** Masked: 张** */
  holderName: string;
  address: string;
  utility: string;
  label: string;
  isDefault: boolean;
  /** Only on a prepaid account whose meter takes top-ups (docs/domain.md#prepaid-accounts): home shows its balance. */
  prepaidMeter?: 'ic_card' | 'iot';
}

export interface ResidentTimelineItem {
  at: string;
  step: ResidentStep;
  label: string;
}

/**
 * The assigned technician. `dialPhone` is their full work phone, only while the job is under way
 * (assigned, on the way, on site): the resident can call them — a leak especially — without the
 * number standing in the text, which stays masked. No privacy-number service exists here (decided,
 * docs/domain.md#personal-data): the work phone is the company's, not the person's.
 */
export interface ResidentFacingTechnicianView {
  surname: string;
  phone: string | null;
  dialPhone?: string | null;
  /** 工号, when the staff record has one. */
  employeeNo?: string | null;
}

export interface ResidentTicketView {
  id: number;
  no: string;
  type: TicketType;
  typeLabel: string;
  step: ResidentStep;
  stepLabel: string;
  accountNo: string | null;
  address: string;
  description: string;
  createdAt: string;
  /** The technician as the resident may see them: surname, masked phone (null when none is on file), 工号. */
  technician: ResidentFacingTechnicianView | null;
  /** While the technician is on the way: when they said they would arrive (ISO). */
  eta: string | null;
  canCancel: boolean;
  /** Resolved and not yet confirmed by a resident since (POST /api/my/tickets/:id/confirm). */
  canConfirm: boolean;
  /** Resolved: the resident may say it is not fixed (reopens, same ticket number). */
  canReportNotFixed: boolean;
  /** Rating after resolution (null on types that are not rated). Optional until every reader fills it. */
  rating?: ResidentRatingState | null;
  /** A report filed anonymously: staff never see who sent it. */
  anonymous?: boolean;
  /** What the resident reported (故障类别, e.g. 没有燃气), for repairs and emergencies; null otherwise. */
  categoryLabel?: string | null;
  /** The agreed visit window (a repair's appointment, an inspection's booked half-day), ISO; null when none. */
  windowStart?: string | null;
  windowEnd?: string | null;
  /** An application's decision (同意 / 不予办理) with the reason given; null until decided, absent on other types. */
  decision?: { approved: boolean; reason: string; at: string } | null;
  /** Repairs and leaks: the visit's quote from the price list, to accept before the work (null when none). */
  quote?: QuoteView | null;
  /** Room-temperature tickets: the readings taken on site, each signed or to be confirmed by the resident. */
  temperatureReadings?: TemperatureReadingView[];
  /** The progress-notice templates this resident has consented to for this ticket and not yet used. */
  subscribedTemplateIds?: string[];
  /** The resident's photos and the technician's after-photos, oldest first (absent where no reader fills it). */
  photos?: TicketPhotoView[];
  /** The work done, once the technician recorded it (the latest resolution); null before. */
  work?: RepairWorkView | null;
  /** A fault linked to an outage (停气/停热/停电): no technician is sent; the supply's expected restore time. */
  outage?: TicketOutageNote | null;
  /** Consultations and suggestions: the agent's answer (null until answered, absent on other types). */
  answer?: TicketAnswerView | null;
  timeline: ResidentTimelineItem[];
}

/** What the technician recorded: the cause found, the measures taken, the parts used and the charge. */
export interface RepairWorkView {
  cause: string;
  measures: string;
  parts: { name: string; qty: number }[];
  chargeable: boolean;
  /** Integer fen; null when free. */
  chargeFen: number | null;
  resolvedAt: string;
}

/** Subscribe-message templates the miniapp asks consent for (WeChat allows three per request). */
export interface NoticeTemplates {
  accepted: string;
  progress: string;
  resolved: string;
  /** Inspection reminders the day before, and changes to a booked visit. */
  inspection: string;
  billDue: string;
  arrears: string;
  usageAlert: string;
  /** The account's holder changed (过户): the resident's binding to it ended. */
  accountChange: string;
  /** Outage announcements, restore-time changes and restorations (account-wide consent). */
  outage: string;
  /** Prepaid low balance and valve-close warnings (account-wide consent). */
  prepaidBalance: string;
}
