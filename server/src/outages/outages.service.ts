import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DeclareOutageRequest,
  ErrorCode,
  OutageFact,
  OutageNoticeKind,
  OutageView,
  ResidentOutageView,
  UpdateOutageRequest,
} from '@utility/shared';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { conflict, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { insertRows } from '../common/plain-insert';
import { StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { OutageAccount } from './outage-account.entity';
import { OutageAnnouncement } from './outage-announcement.entity';
import { OutageChildren } from './outage-children.service';
import { OutageNotices } from './outage-notices.service';
import { OutageTicket } from './outage-ticket.entity';
import { toOutageView, toResidentOutageView } from './outage-view';
import { Outage } from './outage.entity';

const PAGE = 5000;

interface AreaAccount {
  id: number;
  accountNo: string;
  districtId: number;
}
const INSERT_CHUNK = 1000;

/** Outages (停气 / 停热 / 停电): declared over an area, moved, restored (docs/domain.md#outages). */
@Injectable()
export class OutagesService {
  constructor(
    @InjectRepository(Outage) private readonly outages: Repository<Outage>,
    @InjectRepository(OutageAccount) private readonly covered: Repository<OutageAccount>,
    @InjectRepository(OutageTicket) private readonly links: Repository<OutageTicket>,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly children: OutageChildren,
    private readonly notices: OutageNotices,
    private readonly idempotency: IdempotencyService,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly orgVersion: OrgVersion,
  ) {}

  /**
   * The accounts of the area are found first (reads, outside the transaction: a transaction never
   * waits for a second connection), then the outage, its accounts and its first announcement are
   * written together. Every resident bound to one of them is told once, by the notice worker.
   */
  async declare(me: StaffPrincipal, body: DeclareOutageRequest, key: string | undefined): Promise<OutageView> {
    const accounts = await this.accountsIn(body);
    const created = await this.idempotency.create(`staff:${me.id}`, key, 'outage', body, async (em) => {
      const now = this.clock.now();
      const row: Omit<Outage, 'id'> = {
        utility: body.utility,
        kind: body.kind,
        area: body.area,
        startsAt: new Date(body.startsAt),
        restoreBy: new Date(body.restoreBy),
        restoredAt: null,
        reason: body.reason,
        districtIds: [...new Set(accounts.map((a) => a.districtId))].sort((a, b) => a - b),
        households: accounts.length,
        createdById: me.id,
        createdAt: now,
        updatedAt: now,
      };
      const { identifiers } = await em.insert(Outage, row);
      const outageId = identifiers[0].id as number;
      for (let i = 0; i < accounts.length; i += INSERT_CHUNK)
        await insertRows(
          em,
          OutageAccount,
          accounts.slice(i, i + INSERT_CHUNK).map((a) => ({ outageId, accountId: a.id, accountNo: a.accountNo })),
        );
      // Planned outages are announced ahead, now; an unplanned one at once too.
      await this.announce(outageId, 'declared', now);
      // Intake in every process checks faults against outages again (OutageChildren.anyUnrestored).
      await this.orgVersion.bump();
      return outageId;
    });
    return this.view(created.resourceId);
  }

  /** A new expected restore time is told to every affected resident; a new reason only shown. */
  async update(me: StaffPrincipal, id: number, body: UpdateOutageRequest): Promise<OutageView> {
    const outage = await this.open(id);
    const now = this.clock.now();
    const restoreBy = body.restoreBy ? new Date(body.restoreBy) : outage.restoreBy;
    const moved = restoreBy.getTime() !== outage.restoreBy.getTime();
    await this.db.transaction(async (em) => {
      const changed = await em.update(
        Outage,
        { id, restoredAt: IsNull() },
        { restoreBy, reason: body.reason ?? outage.reason, updatedAt: now },
      );
      if (!changed.affected) throw conflict(ErrorCode.OutageRestored);
      if (moved) await this.announce(id, 'restore_changed', now);
    });
    return this.view(id);
  }

  /** Restored: a last notice, and its children resolved with it (their residents may still say "not fixed"). */
  async restore(me: StaffPrincipal, id: number): Promise<OutageView> {
    await this.open(id);
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const changed = await em.update(Outage, { id, restoredAt: IsNull() }, { restoredAt: now, updatedAt: now });
      if (!changed.affected) throw conflict(ErrorCode.OutageRestored);
      await this.announce(id, 'restored', now);
      await this.children.resolveAll(id, me);
      await this.orgVersion.bump();
    });
    return this.view(id);
  }

  async list(phase?: 'current'): Promise<OutageView[]> {
    const rows = await this.outages.find({
      where: phase === 'current' ? { restoredAt: IsNull() } : {},
      order: { id: 'DESC' },
      take: 100,
    });
    return this.views(rows);
  }

  /** Outages going on now (the dashboard). */
  async active(): Promise<OutageView[]> {
    const rows = await this.outages.find({
      where: { restoredAt: IsNull(), startsAt: LessThanOrEqual(this.clock.now()) },
      order: { startsAt: 'ASC' },
    });
    return this.views(rows);
  }

  /**
   * The month's outages for the report: begun before `end`, not restored before `start`; a district's
   * report counts those declared over it. Residents told: by each outage's first announcement.
   */
  async monthFacts(start: Date, end: Date, districtId: number | null): Promise<OutageFact[]> {
    const rows = await this.outages
      .createQueryBuilder('o')
      .where('o.startsAt < :end AND (o.restoredAt IS NULL OR o.restoredAt >= :start)', { start, end })
      .orderBy('o.id', 'ASC')
      .getMany();
    const mine = districtId === null ? rows : rows.filter((o) => o.districtIds.includes(districtId));
    const told = await this.notices.residentsTold(mine.map((o) => o.id));
    return mine.map((o) => ({
      id: o.id,
      startsAt: o.startsAt,
      restoredAt: o.restoredAt,
      households: o.households,
      residentsNotified: told.get(o.id) ?? 0,
    }));
  }

  async view(id: number): Promise<OutageView> {
    const outage = await this.outages.findOneBy({ id });
    if (!outage) throw notFound();
    return (await this.views([outage]))[0];
  }

  /** Active and planned outages over the resident's own accounts (one account, or all of theirs). */
  async forResident(residentId: number, accountId?: number): Promise<ResidentOutageView[]> {
    const mine = await this.bindings.list(residentId);
    const scope = accountId === undefined ? mine : mine.filter((a) => a.id === accountId);
    if (accountId !== undefined && !scope.length) throw notFound();
    if (!scope.length) return [];
    const hits = await this.covered.find({ where: { accountId: In(scope.map((a) => a.id)) } });
    if (!hits.length) return [];
    const outages = await this.outages.find({
      where: { id: In([...new Set(hits.map((h) => h.outageId))]), restoredAt: IsNull() },
      order: { startsAt: 'ASC' },
    });
    const now = this.clock.now();
    return outages.map((o) =>
      toResidentOutageView(
        o,
        hits.filter((h) => h.outageId === o.id).map((h) => h.accountNo),
        now,
      ),
    );
  }

  private async open(id: number): Promise<Outage> {
    const outage = await this.outages.findOneBy({ id });
    if (!outage) throw notFound();
    if (outage.restoredAt) throw conflict(ErrorCode.OutageRestored);
    return outage;
  }

  private async views(rows: Outage[]): Promise<OutageView[]> {
    if (!rows.length) return [];
    const links = await this.links.find({ where: { outageId: In(rows.map((o) => o.id)), unlinkedAt: IsNull() } });
    const now = this.clock.now();
    return rows.map((o) => toOutageView(o, links.filter((l) => l.outageId === o.id).length, now));
  }

  private async announce(outageId: number, kind: OutageNoticeKind, at: Date): Promise<void> {
    const em = this.db.manager;
    await em.insert(OutageAnnouncement, {
      outageId,
      kind,
      sendAt: at,
      cursor: 0,
      residentsQueued: 0,
      doneAt: null,
      createdAt: at,
    });
  }

  /** Every active account of the utility in the area, each once, in id order. */
  private async accountsIn(body: DeclareOutageRequest): Promise<AreaAccount[]> {
    const found = new Map<number, AreaAccount>();
    const area = {
      utility: body.utility,
      districtIds: body.area.districtIds ?? [],
      stationIds: body.area.stationIds ?? [],
      buildings: body.area.buildings ?? [],
    };
    for (let after = 0; ;) {
      const page = await this.accounts.inAreaAfter(area, after, PAGE);
      for (const a of page) found.set(a.id, a);
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    const listed = body.area.accountNos ?? [];
    for (let i = 0; i < listed.length; i += INSERT_CHUNK) {
      for (const a of await this.accounts.findByNos(listed.slice(i, i + INSERT_CHUNK)))
        if (a.utility === body.utility && a.active)
          found.set(a.id, { id: a.id, accountNo: a.accountNo, districtId: a.districtId });
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
  }
}
