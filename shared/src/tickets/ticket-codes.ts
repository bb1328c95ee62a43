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
  /** A quote from the price list went to the resident; accepted (in the app or signed) before the work is recorded. */
  QuoteSent = 'quote_sent',
  QuoteAccepted = 'quote_accepted',
  /** The resident confirmed the room-temperature readings in the app. */
  TemperatureConfirmed = 'temp_confirmed',
