import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { ResidentsService } from '../residents/residents.service';
import { WechatApiClient, WechatApiError } from '../wechat/wechat-api.client';
import { Notice } from './notice.entity';

export const MAX_ATTEMPTS = 5;
const BATCH = 20;
const LOCK_MS = 60_000;
/** 10 s, 20 s, 40 s, 80 s between tries. */
const backoffMs = (attempts: number) => 10_000 * 2 ** (attempts - 1);

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers queued notices to WeChat: one sender per notice at a time, retries with backoff, gives up with a reason. */
@Injectable()
export class NoticeSender {
  constructor(
    @InjectRepository(Notice) private readonly notices: Repository<Notice>,
    private readonly residents: ResidentsService,
    private readonly wechat: WechatApiClient,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `broadcasts: false`: only the residents' own notices (between the steps of a broadcast's planning). */
  async sendDue({ broadcasts = true }: { broadcasts?: boolean } = {}): Promise<SendResult> {
    const now = this.clock.now();
    const result: SendResult = { sent: 0, retried: 0, failed: 0 };
    const own = await this.due(now, 0, BATCH);
    // Broadcasts (an outage's, to a whole area) go after the residents' own notices, at the rate set.
    const perRun = broadcasts ? this.config.NOTICE_BROADCAST_PER_RUN : 0;
    const broadcast = perRun ? await this.due(now, 1, perRun) : [];
    for (const notice of [...own, ...broadcast]) {
      if (!(await this.lock(notice, now))) continue;
      result[await this.deliver(notice, now)]++;
    }
    return result;
  }

  private due(now: Date, priority: number, take: number): Promise<Notice[]> {
    return this.notices.find({
      where: [
        { status: 'pending', priority, nextAttemptAt: LessThanOrEqual(now) },
        // A sender that died holding a notice: its lock has run out.
        { status: 'sending', priority, lockedUntil: LessThan(now) },
      ],
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take,
    });
  }

  private async lock(notice: Notice, now: Date): Promise<boolean> {
    const taken = await this.notices.update(
      { id: notice.id, status: notice.status, attempts: notice.attempts, lockedUntil: notice.lockedUntil ?? IsNull() },
      { status: 'sending', lockedUntil: new Date(now.getTime() + LOCK_MS) },
    );
    return !!taken.affected;
  }

  private async deliver(notice: Notice, now: Date): Promise<keyof SendResult> {
    const [resident] = await this.residents.findByIds([notice.residentId]);
    if (!resident?.openid) return this.finish(notice, 'failed', 'resident deleted their WeChat identity');
    const attempts = notice.attempts + 1;
    try {
      await this.wechat.sendSubscribeMessage({
        touser: resident.openid,
        templateId: notice.templateId,
        page: notice.page,
        data: notice.data,
      });
      await this.notices.update(
        { id: notice.id },
        { status: 'sent', attempts, sentAt: now, lockedUntil: null, lastError: null },
      );
      return 'sent';
    } catch (error) {
      const reason =
        error instanceof WechatApiError
          ? `errcode ${error.errcode}: ${error.errmsg}`
          : String((error as Error).message ?? error);
      const retryable = !(error instanceof WechatApiError) || error.retryable;
      if (!retryable) return this.finish(notice, 'failed', reason, attempts);
      if (attempts >= MAX_ATTEMPTS)
        return this.finish(notice, 'failed', `gave up after ${attempts} attempts: ${reason}`, attempts);
      await this.notices.update(
        { id: notice.id },
        {
          status: 'pending',
          attempts,
          lastError: reason,
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        },
      );
      return 'retried';
    }
  }

  private async finish(
    notice: Notice,
    status: 'failed',
    reason: string,
    attempts = notice.attempts,
  ): Promise<'failed'> {
    await this.notices.update(
      { id: notice.id },
      { status, attempts, lastError: reason.slice(0, 300), lockedUntil: null },
    );
    return status;
  }

  /** For tests and an admin view: notices of a ticket. */
  forTicket(ticketId: number): Promise<Notice[]> {
    return this.notices.find({ where: { ticketId: In([ticketId]) }, order: { id: 'ASC' } });
  }
}
