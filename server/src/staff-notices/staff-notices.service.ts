import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { StaffNotificationView } from '@utility/shared';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { StaffService } from '../staff/staff.service';
import { StaffNotification } from './staff-notification.entity';

export interface StaffNotice {
  /** What it is about, e.g. `sla_breach`. ≤ 32 chars. */
  kind: string;
  /** ≤ 100 chars (WeCom shows 128 bytes of a card title). */
  title: string;
  /** ≤ 500 chars. */
  body: string;
  ticketId?: number | null;
  /** The miniapp page it opens (`/staff/ticket/index?id=12`); default: the ticket's page when there is one. */
  url?: string | null;
}

const LIST_LIMIT = 200;

export const toStaffNotificationView = (n: StaffNotification): StaffNotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  url: n.url,
  ticketId: n.ticketId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** Messages to staff: the notification centre, and WeCom for those with a WeCom user id. The way in for every module. */
@Injectable()
export class StaffNotices {
  constructor(
    @InjectRepository(StaffNotification) private readonly notifications: Repository<StaffNotification>,
    private readonly staff: StaffService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * One notification per staff member and `dedupeKey` (≤ 80 chars, names the cause: `sla-breach:<clock>`): calling
   * again with the same key adds nothing; staff who left are skipped. Inside the open transaction, if any (a
   * concurrent duplicate then fails that transaction). Returns how many were added.
   */
  async notify(staffIds: number[], notice: StaffNotice, dedupeKey: string): Promise<number> {
    const em = this.db.transactionManager;
    const ids = [...new Set(staffIds)];
    if (!ids.length) return 0;
    const run = async (tx: EntityManager) => {
      const members = await this.staff.findByIds(ids);
      const now = this.clock.now();
      const url = notice.url ?? (notice.ticketId ? `/staff/ticket/index?id=${notice.ticketId}` : null);
      let added = 0;
      for (const member of members.filter((m) => m.active)) {
        // Checked first so a caller's transaction is not broken by a duplicate-key error.
        if (await tx.existsBy(StaffNotification, { staffId: member.id, dedupeKey })) continue;
        await tx.insert(StaffNotification, {
          staffId: member.id,
          dedupeKey,
          kind: notice.kind,
          title: notice.title.slice(0, 100),
          body: notice.body.slice(0, 500),
          url,
          ticketId: notice.ticketId ?? null,
          readAt: null,
          createdAt: now,
          delivery: member.wecomUserId ? 'pending' : 'none',
          attempts: 0,
          nextAttemptAt: member.wecomUserId ? now : null,
          lockedUntil: null,
          sentAt: null,
          lastError: null,
          givenUpReason: null,
        });
        added++;
      }
      return added;
    };
    if (em) return run(em);
    try {
      return await this.db.transaction(run);
    } catch (error) {
      // Another process added the same cause at the same moment: it is there once, which is the point.
      if (isDuplicateKey(error)) return 0;
      throw error;
    }
  }

  /** A staff member's own notifications, newest first. */
  async list(staffId: number, unreadOnly: boolean): Promise<StaffNotificationView[]> {
    const rows = await this.notifications.find({
      where: unreadOnly ? { staffId, readAt: IsNull() } : { staffId },
      order: { id: 'DESC' },
      take: LIST_LIMIT,
    });
    return rows.map(toStaffNotificationView);
  }

  /** Marks one of the staff member's own notifications read; reading it again keeps the first time. 404 for another's. */
  async markRead(staffId: number, id: number): Promise<StaffNotificationView> {
    const found = await this.notifications.findOneBy({ id, staffId });
    if (!found) throw notFound();
    if (!found.readAt) {
      await this.notifications.update({ id, readAt: IsNull() }, { readAt: this.clock.now() });
    }
    return toStaffNotificationView(await this.notifications.findOneByOrFail({ id }));
  }
}
