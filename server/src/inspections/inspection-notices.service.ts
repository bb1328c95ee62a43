import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InspectionBooking } from './inspection-booking.entity';

/** The shape of NoticeOutbox.enqueue (notifications module, being added to main). */
export interface InspectionNoticeRequest {
  dedupeKey: string;
  residentId: number;
  ticketId: number | null;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  sendAt?: Date;
}

export interface NoticeOutboxPort {
  enqueue(request: InspectionNoticeRequest, em?: EntityManager): Promise<boolean>;
}

/** Bound to NoticeOutbox once the notifications module exports it. */
export const NOTICE_OUTBOX = Symbol('NOTICE_OUTBOX');
export const INSPECTION_TEMPLATE = 'inspection';

const BOOKINGS_PAGE = '/packages/inspection/index';
/** WeChat caps a `thing` field at 20 characters. */
const thing = (text: string) => ({ value: text.length > 20 ? `${text.slice(0, 19)}…` : text });

/** Requests for the resident's inspection notices, one dedupe key per cause. */
export const noticeRequests = {
  reminder: (b: InspectionBooking, slotWords: string): InspectionNoticeRequest => ({
    dedupeKey: `inspection-reminder:${b.id}:${b.slotId}`, residentId: b.residentId, ticketId: b.ticketId, templateId: INSPECTION_TEMPLATE,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`, data: { thing1: thing('明日上门安检'), time2: { value: slotWords } },
  }),
  planChanged: (b: InspectionBooking, text: string, at: Date): InspectionNoticeRequest => ({
    dedupeKey: `inspection-plan:${b.id}:${b.slotId}:${at.getTime()}`, residentId: b.residentId, ticketId: b.ticketId, templateId: INSPECTION_TEMPLATE,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`, data: { thing1: thing(text) },
  }),
  nobodyHome: (b: InspectionBooking): InspectionNoticeRequest => ({
    dedupeKey: `inspection-missed:${b.id}:${b.slotId}`, residentId: b.residentId, ticketId: b.ticketId, templateId: INSPECTION_TEMPLATE,
    page: `${BOOKINGS_PAGE}?bookingId=${b.id}`, data: { thing1: thing('上门安检未遇，请重新预约') },
  }),
};

/** Queues the resident's inspection notices in the caller's transaction. */
@Injectable()
export class InspectionNotices {
  private readonly logger = new Logger(InspectionNotices.name);

  constructor(@Optional() @Inject(NOTICE_OUTBOX) private readonly outbox: NoticeOutboxPort | null) {}

  planChanged(em: EntityManager, b: InspectionBooking, text: string): Promise<boolean> {
    return this.enqueue(noticeRequests.planChanged(b, text, new Date()), em);
  }

  nobodyHome(em: EntityManager, b: InspectionBooking): Promise<boolean> {
    return this.enqueue(noticeRequests.nobodyHome(b), em);
  }

  reminder(b: InspectionBooking, slotWords: string): Promise<boolean> {
    return this.enqueue(noticeRequests.reminder(b, slotWords));
  }

  private async enqueue(request: InspectionNoticeRequest, em?: EntityManager): Promise<boolean> {
    if (!this.outbox) {
      this.logger.warn(`no notice outbox bound: ${request.dedupeKey} not queued`);
      return false;
    }
    return this.outbox.enqueue(request, em);
  }
}
