import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NoticeTemplates } from '@utility/shared';
import { EntityManager, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db, isDuplicateKey } from '../common/db';
import { Notice, NoticeData } from './notice.entity';
import { SubscriptionConsent } from './subscription-consent.entity';

export const noticeTemplates = (config: AppConfig): NoticeTemplates => ({
  accepted: config.WECHAT_TEMPLATE_ACCEPTED,
  progress: config.WECHAT_TEMPLATE_PROGRESS,
  resolved: config.WECHAT_TEMPLATE_RESOLVED,
  inspection: config.WECHAT_TEMPLATE_INSPECTION,
  billDue: config.WECHAT_TEMPLATE_BILL_DUE,
  arrears: config.WECHAT_TEMPLATE_ARREARS,
  usageAlert: config.WECHAT_TEMPLATE_USAGE_ALERT,
  accountChange: config.WECHAT_TEMPLATE_ACCOUNT_CHANGE,
  outage: config.WECHAT_TEMPLATE_OUTAGE,
});

export interface NoticeRequest {
  /** Names the cause (`inspection-reminder:<booking>:<slot>`); a cause is queued once. ≤ 80 chars. */
  dedupeKey: string;
  residentId: number;
  /** The ticket it is about: consent is looked for on it; null means an account-wide consent. */
  ticketId: number | null;
  templateId: string;
  /** The miniapp page the message opens, with its query. */
  page: string;
  data: NoticeData;
  /** Not sent before then (a reminder the day before); default now. */
  sendAt?: Date;
  /** Only a consent given by then counts (the time of the event told about); default now. */
  consentBy?: Date;
}

/**
 * The one way into the outbox. A subscribe message may only be sent against a consent the
 * resident gave for that template, and each consent carries one message: the notice takes it
 * in the same transaction, or is kept as skipped so the record shows why nothing was sent.
 */
@Injectable()
export class NoticeOutbox {
  constructor(
    @InjectRepository(SubscriptionConsent) private readonly consents: Repository<SubscriptionConsent>,
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  templates(): NoticeTemplates {
    return noticeTemplates(this.config);
  }

  /**
   * Queues the notice (in `em`'s transaction when given); false when its cause was queued
   * before. Inside a caller's transaction a concurrent duplicate fails that transaction.
   */
  async enqueue(request: NoticeRequest, em?: EntityManager): Promise<boolean> {
    if (em) return this.insert(em, request);
    try {
      return await this.db.transaction((tx) => this.insert(tx, request));
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Records the templates a resident accepted, for one ticket or (null) for their accounts. */
  async grantConsent(residentId: number, templateIds: string[], ticketId: number | null): Promise<void> {
    const grantedAt = this.clock.now();
    await this.consents.insert(
      templateIds.map((templateId) => ({ residentId, ticketId, templateId, grantedAt, usedByNoticeId: null })),
    );
  }

  private async insert(em: EntityManager, { sendAt, consentBy, ...request }: NoticeRequest): Promise<boolean> {
    // Checked first so a caller's transaction is not broken by a duplicate-key error.
    if (await em.existsBy(Notice, { dedupeKey: request.dedupeKey })) return false;
    const now = this.clock.now();
    const { identifiers } = await em.insert(Notice, {
      ...request,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: sendAt ?? now,
      lockedUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    const noticeId = identifiers[0].id as number;
    if (!(await this.useConsent(em, request, consentBy ?? now, noticeId))) {
      await em.update(Notice, { id: noticeId }, { status: 'skipped', lastError: 'no consent for this template' });
    }
    return true;
  }

  /** Takes the oldest unused consent given until `by`, if any. */
  private async useConsent(em: EntityManager, request: NoticeRequest, by: Date, noticeId: number): Promise<boolean> {
    const consent = await em.findOne(SubscriptionConsent, {
      where: {
        residentId: request.residentId,
        templateId: request.templateId,
        usedByNoticeId: IsNull(),
        grantedAt: LessThanOrEqual(by),
        ticketId: request.ticketId ?? IsNull(),
      },
      order: { id: 'ASC' },
    });
    if (!consent) return false;
    const used = await em.update(
      SubscriptionConsent,
      { id: consent.id, usedByNoticeId: IsNull() },
      { usedByNoticeId: noticeId },
    );
    return !!used.affected;
  }
}
