/** Ticket type codes (docs/domain.md#ticket-types). */
export enum TicketType {
  Leak = 'leak',
  Repair = 'repair',
  RoomTemperature = 'room_temperature',
  Inspection = 'inspection',
  Complaint = 'complaint',
  /** 举报: a report of staff misconduct (not the monthly report); its stored code stays `report`. */
  MisconductReport = 'report',
  Application = 'application',
  Billing = 'billing',
  ReturnVisit = 'return_visit',
  /** 咨询: a question, answered by an agent (from the knowledge base or in their own words). */
  Consultation = 'consultation',
  /** 建议: a resident's suggestion, replied to by an agent. */
  Suggestion = 'suggestion',
}

export enum TicketStatus {
  Submitted = 'submitted',
  Accepted = 'accepted',
  Assigned = 'assigned',
  EnRoute = 'en_route',
  OnSite = 'on_site',
  Resolved = 'resolved',
  Closed = 'closed',
  Cancelled = 'cancelled',
}

/** emergency > high (grade-1 complaint, or escalated) > normal. */
export enum Priority {
  Emergency = 'emergency',
  High = 'high',
  Normal = 'normal',
}

export enum Channel {
  Miniapp = 'miniapp',
  Phone = 'phone',
  Counter = 'counter',
  /** Transferred by the 12345 government hotline, with its reference number; owes a handling opinion back within 1 h (heating 四(五)). */
  Hotline12345 = 'hotline_12345',
  /** 来信: a letter, typed in by staff. */
  Letter = 'letter',
  /** 来访: a walk-in at an office other than the service hall's counter. */
  Visit = 'visit',
  /** 企业微信: a message to customer service over WeCom. */
  Wecom = 'wecom',
  /** Raised by the product itself (a held meter reading, a reconciliation mismatch). */
  System = 'system',
}

/** The three SLA clocks a ticket can run. */
export enum ClockKind {
  Respond = 'respond',
  OnSite = 'on_site',
  Resolve = 'resolve',
  /** Complaints: the first answer to the resident (docs/domain.md#complaints-and-reports: within 3 days), stopped by POST /api/tickets/:id/first-reply or the resolution. */
  FirstReply = 'first_reply',
  /** Field work: the assignee called the resident and agreed a time (heating 九(十): within 30 min), POST /api/tickets/:id/contacted. */
  Contact = 'contact',
  /** Applications: approved or refused with a reason (3 working days), POST /api/applications/:id/decision. */
  Decision = 'decision',
  /** 12345 transfers: the handling opinion sent back to the hotline (heating 四(五): within 1 hour), POST /api/tickets/:id/hotline-reply. */
  Opinion = 'opinion',
  /** Consultations and suggestions: the answer (reply) to the resident, POST /api/tickets/:id/answer. */
  Answer = 'answer',
}

/** Kinds of timeline events; events are append-only. */
export enum TicketEventKind {
  Created = 'created',
  Routed = 'routed',
  Transition = 'transition',
  Claimed = 'claimed',
  Assigned = 'assigned',
  AtRisk = 'at_risk',
  Breached = 'breached',
  Escalated = 'escalated',
  TypeChanged = 'type_changed',
  Note = 'note',
  /** Field work (repairs module). The column holds 16 characters: keep codes that short. */
  JobAccepted = 'job_accepted',
  EtaSet = 'eta_set',
  HandedOver = 'handed_over',
  TemperatureRecorded = 'temp_recorded',
  ResidentConfirmed = 'resident_confirm',
  /** The assignee reached the resident (and perhaps agreed a window). */
  Contacted = 'contacted',
  /** The agreed visit window moved; the on-site and resolve clocks followed. */
  WindowMoved = 'window_moved',
  /** An application approved or refused, with the reason the resident sees. */
  Decided = 'decided',
  /** The on-site clock ran out: the resident is told, with the new expected arrival (`data.expectedBy`). */
  Delayed = 'delayed',
  /** A quote from the price list went to the resident; accepted (in the app or signed) before the work is recorded. */
  QuoteSent = 'quote_sent',
  QuoteAccepted = 'quote_accepted',
  /** The resident confirmed the room-temperature readings in the app. */
  TemperatureConfirmed = 'temp_confirmed',
  /** The handling opinion sent back to the 12345 hotline (its text in the note). */
  HotlineReplied = 'hotline_replied',
  /** A duplicate report joined an open ticket as its child (on both timelines; docs/domain.md#duplicates). */
  Linked = 'linked',
  /** A consultation answered (or a suggestion replied to): the text in the note, `data.articleId` when from an article. */
  Answered = 'answered',
  /** The resident's satisfaction check of an answer: `data.solved` (已解决 closes, 未解决 reopens). */
  AnswerJudged = 'answer_judged',
}

/** Staff-facing names of timeline events. */
export const TICKET_EVENT_LABELS: Record<TicketEventKind, string> = {
  [TicketEventKind.Created]: '创建工单',
  [TicketEventKind.Routed]: '分派队列',
  [TicketEventKind.Transition]: '状态变更',
  [TicketEventKind.Claimed]: '领取',
  [TicketEventKind.Assigned]: '派单',
  [TicketEventKind.AtRisk]: '临期提醒',
  [TicketEventKind.Breached]: '超时',
  [TicketEventKind.Escalated]: '升级',
  [TicketEventKind.TypeChanged]: '变更类型',
  [TicketEventKind.Note]: '备注',
  [TicketEventKind.JobAccepted]: '接单',
  [TicketEventKind.Delayed]: '延误告知',
  [TicketEventKind.EtaSet]: '预计到达',
  [TicketEventKind.HandedOver]: '退回队列',
  [TicketEventKind.TemperatureRecorded]: '室温测量',
  [TicketEventKind.ResidentConfirmed]: '居民确认',
  [TicketEventKind.Contacted]: '联系用户',
  [TicketEventKind.WindowMoved]: '改约上门时间',
  [TicketEventKind.Decided]: '办理决定',
  [TicketEventKind.QuoteSent]: '报价已发送',
  [TicketEventKind.QuoteAccepted]: '用户已同意报价',
  [TicketEventKind.TemperatureConfirmed]: '居民确认室温',
  [TicketEventKind.HotlineReplied]: '回复12345',
  [TicketEventKind.Linked]: '合并工单',
  [TicketEventKind.Answered]: '答复',
  [TicketEventKind.AnswerJudged]: '居民评价答复',
};

export const TICKET_TYPE_LABELS: Record<TicketType, string> = {
  [TicketType.Leak]: '燃气泄漏/跑冒滴漏',
  [TicketType.Repair]: '一般报修',
  [TicketType.RoomTemperature]: '室温不达标',
  [TicketType.Inspection]: '安检预约',
  [TicketType.Complaint]: '投诉',
  [TicketType.MisconductReport]: '举报',
  [TicketType.Application]: '业务办理',
  [TicketType.Billing]: '缴费异常',
  [TicketType.ReturnVisit]: '回访',
  [TicketType.Consultation]: '咨询',
  [TicketType.Suggestion]: '建议',
};

/** Staff-facing status names. */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  [TicketStatus.Submitted]: '待受理',
  [TicketStatus.Accepted]: '已受理',
  [TicketStatus.Assigned]: '已派单',
  [TicketStatus.EnRoute]: '在途',
  [TicketStatus.OnSite]: '已到场',
  [TicketStatus.Resolved]: '已处理',
  [TicketStatus.Closed]: '已关闭',
  [TicketStatus.Cancelled]: '已取消',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  [Priority.Emergency]: '紧急',
  [Priority.High]: '加急',
  [Priority.Normal]: '普通',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  [Channel.Miniapp]: '小程序',
  [Channel.Phone]: '24小时热线',
  [Channel.Counter]: '营业厅',
  [Channel.Hotline12345]: '12345热线',
  [Channel.Letter]: '来信',
  [Channel.Visit]: '来访',
  [Channel.Wecom]: '企业微信',
  [Channel.System]: '系统',
};

export const CLOCK_LABELS: Record<ClockKind, string> = {
  [ClockKind.Respond]: '响应',
  [ClockKind.OnSite]: '到场',
  [ClockKind.Resolve]: '办结',
  [ClockKind.FirstReply]: '首次答复',
  [ClockKind.Contact]: '联系用户',
  [ClockKind.Decision]: '办理决定',
  [ClockKind.Opinion]: '处理意见',
  [ClockKind.Answer]: '答复',
};

/** Higher rank is worked first. */
export const PRIORITY_RANK: Record<Priority, number> = {
  [Priority.Emergency]: 3,
  [Priority.High]: 2,
  [Priority.Normal]: 1,
};
