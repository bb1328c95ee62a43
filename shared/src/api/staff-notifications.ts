/** One entry of a staff member's notification centre (GET /api/staff/notifications). */
export interface StaffNotificationView {
  id: number;
  /** What it is about, e.g. `sla_breach`. */
  kind: string;
  title: string;
  body: string;
  /** The miniapp page it opens, e.g. `/staff/ticket/index?id=12`; null when there is none. */
  url: string | null;
  ticketId: number | null;
  /** ISO time. */
  createdAt: string;
  /** ISO time it was marked read; null while unread. */
  readAt: string | null;
}
