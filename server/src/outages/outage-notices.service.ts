import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { outageNoticeText } from '@utility/shared';
import { In, IsNull, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { NoticeOutbox, NoticeRequest } from '../notifications/notice-outbox.service';
import { NoticeWorker } from '../notifications/notice-worker.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { OutageAccount } from './outage-account.entity';
import { OutageAnnouncement } from './outage-announcement.entity';
import { Outage } from './outage.entity';

/** Accounts read per step: their residents' notices are one transaction. */
export const OUTAGE_NOTICE_CHUNK = 2000;
/** A notice-worker run plans for at most this long, then sends the broadcasts; the residents' own go between steps. */
const PLAN_BUDGET_MS = 60_000;

/**
 * Plans an outage's announcements into the outbox (docs/domain.md#outages), from the notice worker:
 * chunk by chunk of its accounts, one notice per resident bound to any of them (the dedupe key is
 * per announcement and resident), account-wide consent, broadcast priority.
 */
@Injectable()
export class OutageNotices implements OnModuleInit {
  constructor(
    @InjectRepository(OutageAnnouncement) private readonly announcements: Repository<OutageAnnouncement>,
    @InjectRepository(OutageAccount) private readonly covered: Repository<OutageAccount>,
    @InjectRepository(Outage) private readonly outages: Repository<Outage>,
    private readonly bindings: AccountBindingsService,
    private readonly outbox: NoticeOutbox,
    private readonly worker: NoticeWorker,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.worker.addBroadcastPlanner((between) => this.planDue(PLAN_BUDGET_MS, between));
  }

  /** Plans due announcements until done or the run's budget is spent; answers the notices queued. */
  async planDue(budgetMs = PLAN_BUDGET_MS, between: () => Promise<void> = async () => undefined): Promise<number> {
    const started = Date.now();
    let queued = 0;
    for (;;) {
      const next = await this.announcements.findOne({
        where: { doneAt: IsNull(), sendAt: LessThanOrEqual(this.clock.now()) },
        order: { id: 'ASC' },
      });
      if (!next) return queued;
      queued += await this.step(next);
      await between();
      if (Date.now() - started > budgetMs) return queued;
    }
  }

  /** Residents told by an outage's first announcement (the monthly report). */
  async residentsTold(outageIds: number[]): Promise<Map<number, number>> {
    const told = new Map<number, number>();
    if (!outageIds.length) return told;
    const rows = await this.announcements.find({ where: { kind: 'declared', outageId: In(outageIds) } });
    for (const r of rows) told.set(r.outageId, r.residentsQueued);
    return told;
  }

  private async step(run: OutageAnnouncement): Promise<number> {
    const chunk = await this.covered.find({
      select: { id: true, accountId: true },
      where: { outageId: run.outageId, id: MoreThan(run.cursor) },
      order: { id: 'ASC' },
      take: OUTAGE_NOTICE_CHUNK,
    });
    const now = this.clock.now();
    if (!chunk.length) {
      await this.announcements.update({ id: run.id, cursor: run.cursor, doneAt: IsNull() }, { doneAt: now });
      return 0;
    }
    const outage = await this.outages.findOneByOrFail({ id: run.outageId });
    const residentIds = await this.bindings.residentIdsOfAccounts(chunk.map((a) => a.accountId));
    const text = outageNoticeText(run.kind, outage);
    const templateId = this.outbox.templates().outage;
    const requests: NoticeRequest[] = residentIds.map((residentId) => ({
      dedupeKey: `outage:${run.id}:resident:${residentId}`,
      residentId,
      ticketId: null,
      templateId,
      page: 'pages/index/index',
      // WeChat's `thing` fields hold 20 characters.
      data: { thing1: { value: text.title }, time2: { value: text.time }, thing3: { value: text.detail } },
      priority: 1,
      consentBy: run.createdAt,
    }));
    const last = chunk[chunk.length - 1].id;
    return this.db.transaction(async (em) => {
      // The cursor moves once: a second process on the same chunk queues nothing.
      const moved = await em.update(OutageAnnouncement, { id: run.id, cursor: run.cursor }, { cursor: last });
      if (!moved.affected) return 0;
      const queued = await this.outbox.enqueueMany(requests);
      await em.increment(OutageAnnouncement, { id: run.id }, 'residentsQueued', queued);
      return queued;
    });
  }
}
