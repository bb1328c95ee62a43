import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { StaffService } from '../staff/staff.service';
import { WecomApiClient, WecomApiError } from '../wecom/wecom-api.client';
import { StaffNotification } from './staff-notification.entity';

export const MAX_ATTEMPTS = 5;
const BATCH = 20;
const LOCK_MS = 60_000;
/** 10 s, 20 s, 40 s, 80 s between tries. */
const backoffMs = (attempts: number) => 10_000 * 2 ** (attempts - 1);

export interface WecomSendResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers due staff notifications to WeCom: one sender per message at a time, retries with backoff, gives up with a reason. */
@Injectable()
export class WecomSender {
  constructor(
    @InjectRepository(StaffNotification) private readonly notifications: Repository<StaffNotification>,
    private readonly staff: StaffService,
    private readonly wecom: WecomApiClient,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendDue(): Promise<WecomSendResult> {
    const now = this.clock.now();
    const result: WecomSendResult = { sent: 0, retried: 0, failed: 0 };
    const due = await this.notifications.find({
      where: [
        { delivery: 'pending', nextAttemptAt: LessThanOrEqual(now) },
        // A sender that died holding a message: its lock has run out.
        { delivery: 'sending', lockedUntil: LessThan(now) },
      ],
      order: { id: 'ASC' },
      take: BATCH,
    });
    for (const row of due) {
      if (!(await this.lock(row, now))) continue;
      result[await this.deliver(row, now)]++;
    }
    return result;
  }

  private async lock(row: StaffNotification, now: Date): Promise<boolean> {
    const taken = await this.notifications.update(
      { id: row.id, delivery: row.delivery, attempts: row.attempts, lockedUntil: row.lockedUntil ?? IsNull() },
      { delivery: 'sending', lockedUntil: new Date(now.getTime() + LOCK_MS) },
    );
    return !!taken.affected;
  }

  private async deliver(row: StaffNotification, now: Date): Promise<keyof WecomSendResult> {
    const [member] = await this.staff.findByIds([row.staffId]);
    if (!member?.active || !member.wecomUserId) {
      return this.giveUp(row, row.attempts, 'staff member has no WeCom user id or left');
    }
    const attempts = row.attempts + 1;
    try {
      await this.wecom.sendTextCard({
        touser: member.wecomUserId,
        title: row.title,
        description: row.body,
        url: this.link(row),
      });
      await this.notifications.update(
        { id: row.id },
        { delivery: 'sent', attempts, sentAt: now, lockedUntil: null, lastError: null },
      );
      return 'sent';
    } catch (error) {
      const reason =
        error instanceof WecomApiError
          ? `errcode ${error.errcode}: ${error.errmsg}`
          : String((error as Error).message ?? error);
      const retryable = !(error instanceof WecomApiError) || error.retryable;
      if (!retryable) return this.giveUp(row, attempts, reason);
      if (attempts >= MAX_ATTEMPTS) return this.giveUp(row, attempts, `gave up after ${attempts} attempts: ${reason}`);
      await this.notifications.update(
        { id: row.id },
        {
          delivery: 'pending',
          attempts,
          lastError: reason.slice(0, 300),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        },
      );
      return 'retried';
    }
  }

  private async giveUp(row: StaffNotification, attempts: number, reason: string): Promise<'failed'> {
    await this.notifications.update(
      { id: row.id },
      { delivery: 'failed', attempts, givenUpReason: reason.slice(0, 300), lockedUntil: null },
    );
    return 'failed';
  }

  /** WeCom needs an absolute link: the H5 staff page (hash router), or the notification centre. */
  private link(row: StaffNotification): string {
    const base = this.config.STAFF_APP_URL.replace(/\/+$/, '');
    return `${base}/#${row.url ?? '/staff/notifications/index'}`;
  }
}
