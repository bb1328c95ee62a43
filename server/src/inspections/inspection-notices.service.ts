import { Injectable } from '@nestjs/common';
import { NoticeOutbox, NoticeRequest } from '../notifications/notice-outbox.service';
import { InspectionBooking } from './inspection-booking.entity';

const BOOKINGS_PAGE = '/packages/inspection/index';
/** WeChat caps a `thing` field at 20 characters. */
const thing = (text: string) => ({ value: text.length > 20 ? `${text.slice(0, 19)}…` : text });

type InspectionNotice = Omit<NoticeRequest, 'templateId'>;

/** What the resident is told, one dedupe key per cause; about the booking's ticket (consent is per ticket). */
export const inspectionNotices = {
  reminder: (b: InspectionBooking, slotWords: string): InspectionNotice => ({
    dedupeKey: `inspection-reminder:${b.id}:${b.slotId}`,
    residentId: b.residentId,
    ticketId: b.ticketId,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`,
    data: { thing1: thing('明日上门安检'), thing2: thing(slotWords) },
  }),
  planCancelled: (b: InspectionBooking, reason: string): InspectionNotice => ({
    dedupeKey: `inspection-plan-cancelled:${b.planId}:${b.id}`,
    residentId: b.residentId,
    ticketId: b.ticketId,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`,
    data: { thing1: thing(`安检计划已取消：${reason}`) },
  }),
  datesChanged: (b: InspectionBooking, reason: string): InspectionNotice => ({
    dedupeKey: `inspection-plan-dates:${b.id}:${b.slotId}`,
    residentId: b.residentId,
    ticketId: b.ticketId,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`,
    data: { thing1: thing(`安检日期调整：${reason}`) },
  }),
  nobodyHome: (b: InspectionBooking): InspectionNotice => ({
    dedupeKey: `inspection-missed:${b.id}:${b.slotId}`,
    residentId: b.residentId,
    ticketId: b.ticketId,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`,
    data: { thing1: thing('上门安检未遇，请重新预约') },
  }),
};

/** Queues the resident's inspection notices (template `inspection`) through the outbox. */
@Injectable()
export class InspectionNotices {
  constructor(private readonly outbox: NoticeOutbox) {}

  planCancelled(b: InspectionBooking, reason: string): Promise<boolean> {
    return this.enqueue(inspectionNotices.planCancelled(b, reason));
  }

  datesChanged(b: InspectionBooking, reason: string): Promise<boolean> {
    return this.enqueue(inspectionNotices.datesChanged(b, reason));
  }

  nobodyHome(b: InspectionBooking): Promise<boolean> {
    return this.enqueue(inspectionNotices.nobodyHome(b));
  }

  /** Outside any transaction: a second run or process finds the cause queued and gets false. */
  reminder(b: InspectionBooking, slotWords: string): Promise<boolean> {
    return this.enqueue(inspectionNotices.reminder(b, slotWords));
  }

  private enqueue(notice: InspectionNotice): Promise<boolean> {
    return this.outbox.enqueue({ ...notice, templateId: this.outbox.templates().inspection });
  }
}
