import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NoticeTemplates } from '@utility/shared';
import { EntityManager, IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db, isDuplicateKey } from '../common/db';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { TicketEventFact, TicketReader } from '../tickets/ticket-reader.service';
import { NoticeCursor } from './notice-cursor.entity';
import { Notice } from './notice.entity';
import { SubscriptionConsent } from './subscription-consent.entity';
import { PlannedNotice, noticeForEvent } from './ticket-notice';

const CURSOR = 'ticket-events';
const BATCH = 200;

export const noticeTemplates = (config: AppConfig): NoticeTemplates => ({
  accepted: config.WECHAT_TEMPLATE_ACCEPTED,
  progress: config.WECHAT_TEMPLATE_PROGRESS,
  resolved: config.WECHAT_TEMPLATE_RESOLVED,
});

/**
 * Reads the ticket timeline and queues a notice for each resident who follows the ticket's
 * account and consented to that template. Several processes may plan at once: the unique
 * dedupe key admits one notice per event and resident, and only that one uses a consent.
 */
@Injectable()
export class NoticePlanner {
  constructor(
    @InjectRepository(NoticeCursor) private readonly cursors: Repository<NoticeCursor>,
    private readonly reader: TicketReader,
    private readonly bindings: AccountBindingsService,
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Plans notices for the next batch of events; returns how many events were read. */
  async plan(): Promise<number> {
    const cursor = (await this.cursors.findOneBy({ name: CURSOR }))?.lastEventId ?? 0;
    const facts = await this.reader.eventsAfter(cursor, BATCH);
    // Who follows an account, looked up once per batch: a batch holds several events of each ticket.
    const followers = new Map<string, Promise<number[]>>();
    for (const fact of facts) {
      const planned = noticeForEvent(fact, noticeTemplates(this.config));
      if (!planned || !fact.accountNo) continue;
      if (!followers.has(fact.accountNo)) followers.set(fact.accountNo, this.bindings.residentIdsOf(fact.accountNo));
      for (const residentId of await followers.get(fact.accountNo)!) {
        await this.enqueue(fact, residentId, planned);
      }
    }
    if (facts.length) await this.advance(cursor, facts[facts.length - 1].eventId);
    return facts.length;
  }

  private async enqueue(fact: TicketEventFact, residentId: number, planned: PlannedNotice): Promise<void> {
    const now = this.clock.now();
    try {
      await this.db.transaction(async (em) => {
        const { identifiers } = await em.insert(Notice, {
          dedupeKey: `ticket-event:${fact.eventId}:resident:${residentId}`, residentId, ticketId: fact.ticketId,
          ...planned, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, sentAt: null,
        });
        const noticeId = identifiers[0].id as number;
        if (!(await this.useConsent(em, residentId, fact, planned.templateId, noticeId))) {
          await em.update(Notice, { id: noticeId }, { status: 'skipped', lastError: 'no consent for this template' });
        }
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Takes the oldest unused consent given before the event, if any. */
  private async useConsent(em: EntityManager, residentId: number, fact: TicketEventFact, templateId: string, noticeId: number): Promise<boolean> {
    const consent = await em.findOne(SubscriptionConsent, {
      where: { residentId, ticketId: fact.ticketId, templateId, usedByNoticeId: IsNull(), grantedAt: LessThanOrEqual(fact.at) },
      order: { id: 'ASC' },
    });
    if (!consent) return false;
    const used = await em.update(SubscriptionConsent, { id: consent.id, usedByNoticeId: IsNull() }, { usedByNoticeId: noticeId });
    return !!used.affected;
  }

  private async advance(from: number, to: number): Promise<void> {
    await this.db.transaction(async (em) => {
      const moved = await em.update(NoticeCursor, { name: CURSOR, lastEventId: LessThan(to) }, { lastEventId: to });
      if (moved.affected || from > 0) return;
      try {
        await em.insert(NoticeCursor, { name: CURSOR, lastEventId: to });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    });
  }
}
