import { z } from 'zod';
import type { TicketOutageNote } from './outages';
import { Channel, ClockKind, Priority, TicketEventKind, TicketStatus, TicketType } from '../tickets/ticket-codes';

/** Mainland mobile or landline with area code; the hotline takes both. */
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入有效的手机号或固定电话');

/** Every way staff take a request in (docs/domain.md#ticket-life); `system` is the product's own. */
export const INTAKE_CHANNELS = [
  Channel.Miniapp,
  Channel.Phone,
  Channel.Counter,
  Channel.Hotline12345,
  Channel.Letter,
  Channel.Visit,
  Channel.Wecom,
] as const;

export const CreateTicketSchema = z
  .object({
    type: z.enum(TicketType),
    accountNo: z
      .string()
      .trim()
      .regex(/^\d{10}$/, '户号应为10位数字')
      .optional(),
    /** Where no account is given, the caller's district (else the ticket goes to triage). */
    districtId: z.number().int().positive().optional(),
    address: z.string().trim().min(2, '请填写地址').max(200),
    contactName: z.string().trim().min(1, '请填写联系人').max(50),
    contactPhone: phone,
    description: z.string().trim().min(2, '请描述问题').max(2000),
    channel: z.enum(INTAKE_CHANNELS),
    /** The 12345 hotline's own number of a transferred matter (required for that channel), or a letter's registration number. */
    externalRef: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/, '外部编号应为最多40位字母、数字或-')
      .optional(),
  })
  .refine((b) => b.channel !== Channel.Hotline12345 || !!b.externalRef, {
    message: '12345转办工单须填写12345工单编号',
    path: ['externalRef'],
  });
export type CreateTicketRequest = z.infer<typeof CreateTicketSchema>;

/** POST /api/tickets/:id/hotline-reply: the handling opinion sent back to the 12345 hotline (stops its 1-hour clock). */
export const HotlineReplySchema = z.object({
  reply: z.string().trim().min(2, '请填写答复内容').max(1000),
});
export type HotlineReplyRequest = z.infer<typeof HotlineReplySchema>;

export const TransitionSchema = z.object({
  to: z.enum(TicketStatus),
  note: z.string().trim().max(1000).optional(),
});
export type TransitionRequest = z.infer<typeof TransitionSchema>;

export const AssignSchema = z.object({
  staffId: z.number().int().positive(),
  note: z.string().trim().max(1000).optional(),
});
export type AssignRequest = z.infer<typeof AssignSchema>;

export interface Deadlines {
  respondBy: string | null;
  /** Field work: when the assignee must have called the resident (POST /api/tickets/:id/contacted). */
  contactBy: string | null;
  /** Applications: when the approval or refusal is due. */
  decisionBy: string | null;
  onSiteBy: string | null;
  resolveBy: string | null;
  /** 12345 transfers: when the handling opinion is owed to the hotline (POST /api/tickets/:id/hotline-reply); absent otherwise. */
  opinionBy?: string;
}

export interface ClockView {
  kind: ClockKind;
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  atRisk: boolean;
  breached: boolean;
}

export interface TicketView {
  id: number;
  no: string;
  type: TicketType;
  status: TicketStatus;
  priority: Priority;
  channel: Channel;
  /** The 12345 hotline's number of a transferred matter (or a letter's); absent when none. */
  externalRef?: string;
  queueId: number;
  queueName: string;
  assigneeId: number | null;
  assigneeName: string | null;
  accountNo: string | null;
  districtId: number | null;
  stationId: number | null;
  address: string;
  contactName: string;
  /** Always masked (138****5678); the full number via the logged reveal-phone. */
  contactPhone: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  /** The agreed visit window (ISO), null when none. */
  windowStart: string | null;
  windowEnd: string | null;
  deadlines: Deadlines;
  clocks: ClockView[];
  /** A fault linked to an outage (属于停气 #…): no on-site clock while linked; staff may unlink it. Absent where unknown. */
  outage?: TicketOutageNote | null;
}

export interface TicketEventView {
  id: number;
  kind: TicketEventKind;
  at: string;
  actorId: number | null;
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
}

/**
 * Who took a photo of a ticket: the resident reporting it (`resident`), staff attaching one to the ticket
 * (`staff`), the technician before and after the work (`before`, `after`), the work order the resident
 * signed (`signature`).
 */
export type TicketPhotoKind = 'resident' | 'staff' | 'before' | 'after' | 'signature';

/** A photo of a ticket: `url` answers the image to whoever may read the ticket, and to its uploader (404 to others). */
export interface TicketPhotoView {
  id: number;
  kind: TicketPhotoKind;
  url: string;
  takenAt: string;
}

/** Another ticket, as a link to it (duplicates, parent and children). */
export interface TicketRef {
  id: number;
  no: string;
  type: TicketType;
  status: TicketStatus;
  address: string;
}

/** `POST /api/tickets/:id/link`: the ticket joins `parentId` as its child (docs/domain.md#duplicates). */
export const LinkTicketSchema = z.object({ parentId: z.number().int().positive().max(2_147_483_647) });
export type LinkTicketRequest = z.infer<typeof LinkTicketSchema>;

export interface TicketDetailView extends TicketView {
  /**
   * An earlier open ticket of the same work at the same account, address or building, that this one may
   * duplicate: the agent may link it (null once linked, or when there is none).
   */
  possibleDuplicateOf: TicketRef | null;
  /** The open ticket this one joined: it is worked there, and resolved with it. */
  parent: TicketRef | null;
  /** Duplicate reports that joined this ticket. */
  children: TicketRef[];
  /** The resident's photos, the technician's before/after photos and the signed work order, oldest first. */
  photos: TicketPhotoView[];
  events: TicketEventView[];
  /** Statuses the viewer may move the ticket to now. */
  allowedTransitions: TicketStatus[];
}

export interface QueueCounts {
  open: number;
  atRisk: number;
  breached: number;
}

export interface QueueView {
  id: number;
  code: string;
  name: string;
  districtId: number | null;
  stationId: number | null;
  counts: QueueCounts;
}

export const RetypeSchema = z.object({
  type: z.enum(TicketType),
  note: z.string().trim().max(1000).optional(),
});
export type RetypeRequest = z.infer<typeof RetypeSchema>;

export interface QueueMemberView {
  id: number;
  name: string;
  role: string;
  onDuty: boolean;
  openCount: number;
  /** Open tickets the person can carry at once (staff capacity). */
  capacity: number;
  /** The shift they are on now, or their next one within a day; null when none is rostered. */
  shift: { startsAt: string; endsAt: string } | null;
}

/** An agreed visit window: at most 4 hours, in the future, within 14 days (appointmentWindowProblem). */
const windowTimes = {
  windowStart: z.iso.datetime({ offset: true, error: '请选择上门时段' }),
  windowEnd: z.iso.datetime({ offset: true, error: '请选择上门时段' }),
};

export const MoveWindowSchema = z.object({
  ...windowTimes,
  reason: z.string().trim().min(2, '请说明改约原因').max(500),
});
export type MoveWindowRequest = z.infer<typeof MoveWindowSchema>;

export const ResidentMoveWindowSchema = z.object({ ...windowTimes, reason: z.string().trim().max(500).optional() });
export type ResidentMoveWindowRequest = z.infer<typeof ResidentMoveWindowSchema>;

export const ContactedSchema = z.object({
  note: z.string().trim().min(2, '请记录联系情况').max(1000),
  agreedWindow: z.object({ start: windowTimes.windowStart, end: windowTimes.windowEnd }).optional(),
});
export type ContactedRequest = z.infer<typeof ContactedSchema>;

export const ApplicationDecisionSchema = z.object({
  approve: z.boolean({ error: '请选择同意或不予办理' }),
  /** Shown to the resident: why, and what happens next. */
  reason: z.string().trim().min(2, '请填写办理意见').max(500),
});
export type ApplicationDecisionRequest = z.infer<typeof ApplicationDecisionSchema>;
