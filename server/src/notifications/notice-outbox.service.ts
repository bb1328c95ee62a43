import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NoticeTemplates } from '@utility/shared';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { insertRows } from '../common/plain-insert';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db, isDuplicateKey } from '../common/db';
import { Notice, NoticeData, NoticeStatus } from './notice.entity';
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
  prepaidBalance: config.WECHAT_TEMPLATE_PREPAID_BALANCE,
});

/** Rows per statement of a broadcast (placeholders stay far below both databases' limits). */
const BULK_CHUNK = 1000;

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
  /** 1: a broadcast, sent after the resident's own notices (Notice.priority); default 0. */
  priority?: number;
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
   * Queues the notice (in the open transaction, if any); false when its cause was queued
   * before. Inside a caller's transaction a concurrent duplicate fails that transaction.
   */
  async enqueue(request: NoticeRequest): Promise<boolean> {
    const em = this.db.transactionManager;
    if (em) return this.insert(request);
    try {
      return await this.db.transaction(() => this.insert(request));
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

  /**
   * Queues many notices of one template with account-wide consent (a broadcast) in the caller's
   * transaction, set-based: one read of the keys already queued, one of the consents, one insert
   * of the notices and one update of the consents they take, per chunk. Answers how many were
   * queued (skipped ones included: the record shows why nothing was sent).
   */
  async enqueueMany(requests: NoticeRequest[]): Promise<number> {
    let queued = 0;
    for (let i = 0; i < requests.length; i += BULK_CHUNK)
      queued += await this.insertChunk(requests.slice(i, i + BULK_CHUNK));
    return queued;
  }

  private async insertChunk(chunk: NoticeRequest[]): Promise<number> {
    const em = this.db.manager;
    const known = new Set(
      (
        await em.find(Notice, { select: { dedupeKey: true }, where: { dedupeKey: In(chunk.map((r) => r.dedupeKey)) } })
      ).map((n) => n.dedupeKey),
    );
    const fresh = chunk.filter((r) => !known.has(r.dedupeKey) && r.ticketId === null);
    if (!fresh.length) return 0;
    const now = this.clock.now();
    // The oldest unused account-wide consent of each resident for the template, given by then.
    const consentOf = new Map<string, number>();
    const byOf = new Map(fresh.map((r) => [`${r.templateId}:${r.residentId}`, r.consentBy ?? now]));
    for (const templateId of new Set(fresh.map((r) => r.templateId))) {
      const rows = await em.find(SubscriptionConsent, {
        select: { id: true, residentId: true, grantedAt: true },
        where: {
          residentId: In(fresh.filter((r) => r.templateId === templateId).map((r) => r.residentId)),
          templateId,
          ticketId: IsNull(),
          usedByNoticeId: IsNull(),
        },
        order: { id: 'ASC' },
      });
      for (const c of rows) {
        const key = `${templateId}:${c.residentId}`;
        if (!consentOf.has(key) && c.grantedAt <= byOf.get(key)!) consentOf.set(key, c.id);
      }
    }
    const rows = fresh.map(({ sendAt, consentBy: _by, priority, ...r }) => {
      const consented = consentOf.has(`${r.templateId}:${r.residentId}`);
      return {
        ...r,
        status: (consented ? 'pending' : 'skipped') as NoticeStatus,
        priority: priority ?? 0,
        attempts: 0,
        nextAttemptAt: sendAt ?? now,
        lockedUntil: null,
        lastError: consented ? null : 'no consent for this template',
        createdAt: now,
        sentAt: null,
      };
    });
    await insertRows(em, Notice, rows);
    const taken = rows.filter((r) => r.status === 'pending');
    if (!taken.length) return rows.length;
    const ids = await em.find(Notice, {
      select: { id: true, dedupeKey: true, residentId: true, templateId: true },
      where: { dedupeKey: In(taken.map((r) => r.dedupeKey)) },
    });
    // Each consent carries one message: one UPDATE … CASE per chunk ties it to its notice.
    const pairs = ids.map((n) => [consentOf.get(`${n.templateId}:${n.residentId}`)!, n.id] as const);
    const meta = em.connection.getMetadata(SubscriptionConsent);
    const q = (name: string) => em.connection.driver.escape(name);
    await em.query(
      `UPDATE ${q(meta.tablePath)} SET ${q('usedByNoticeId')} = CASE ${q('id')} ${pairs.map(() => 'WHEN ? THEN ?').join(' ')} END ` +
        `WHERE ${q('id')} IN (${pairs.map(() => '?').join(',')}) AND ${q('usedByNoticeId')} IS NULL`,
      [...pairs.flat(), ...pairs.map(([consentId]) => consentId)],
    );
    return rows.length;
  }

  private async insert({ sendAt, consentBy, ...request }: NoticeRequest): Promise<boolean> {
    const em = this.db.manager;
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
    if (!(await this.useConsent(request, consentBy ?? now, noticeId))) {
      await em.update(Notice, { id: noticeId }, { status: 'skipped', lastError: 'no consent for this template' });
    }
    return true;
  }

  /** Takes the oldest unused consent given until `by`, if any. */
  private async useConsent(request: NoticeRequest, by: Date, noticeId: number): Promise<boolean> {
    const em = this.db.manager;
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
