import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ClockKind,
  ErrorCode,
  OUTAGE_LABELS,
  ResidentTicketView,
  TicketOutageNote,
  TicketType,
  TicketView,
  shanghaiShort,
} from '@utility/shared';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { preparedQuery } from '../common/plain-insert';
import { Actor, StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketSnapshot } from '../tickets/ticket-snapshot';
import { TicketsService } from '../tickets/tickets.service';
import { OutageTicket } from './outage-ticket.entity';
import { Outage } from './outage.entity';

/** Faults an outage explains: no technician is sent for what is already known. */
const CHILD_TYPES: ReadonlySet<TicketType> = new Set([TicketType.Repair, TicketType.RoomTemperature]);
/** The clock an outage child does not run while linked (docs/domain.md#outages). */
const HELD: ClockKind[] = [ClockKind.OnSite];

/**
 * A fault filed in the area and utility of an active outage joins it (docs/domain.md#outages): it is
 * linked through the tickets module's intake hold, gets no on-site clock, and its resident is told
 * the outage and its expected restore time; staff may unlink it (the clock starts then); the
 * outage's restoration resolves it.
 */
@Injectable()
export class OutageChildren implements OnModuleInit {
  /**
   * Whether any outage is unrestored, as of the organisation's version (OrgVersion): declaring and
   * restoring an outage bump it, so every process sees the change at its next intake. While none
   * is, a fault's intake asks the database nothing about outages.
   */
  private unrestored: { version: number; any: boolean } | null = null;

  constructor(
    @InjectRepository(OutageTicket) private readonly links: Repository<OutageTicket>,
    @InjectRepository(Outage) private readonly outages: Repository<Outage>,
    private readonly tickets: TicketsService,
    private readonly extensions: TicketExtensions,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly orgVersion: OrgVersion,
  ) {}

  onModuleInit(): void {
    this.extensions.addIntakeHold((ticket, at) => this.linkAtIntake(ticket, at));
    this.extensions.addResidentViewDecorator((views) => this.noteOutages(views));
    this.extensions.addStaffViewDecorator((views) => this.noteOutages(views));
  }

  /** In intake's transaction: a leak is never held (an emergency always gets a technician). */
  async linkAtIntake(ticket: TicketSnapshot, at: Date): Promise<ClockKind[]> {
    const em = this.db.manager;
    if (!ticket.accountNo || !CHILD_TYPES.has(ticket.type)) return [];
    const outage = await this.activeOutageOf(ticket.accountNo, at);
    if (!outage) return [];
    await em.insert(OutageTicket, { outageId: outage.id, ticketId: ticket.id, linkedAt: at, unlinkedAt: null });
    await this.tickets.note(
      null,
      ticket.id,
      `${OUTAGE_LABELS[outage.utility]}中，已并入停供事件，预计${shanghaiShort(outage.restoreBy)}恢复`,
      { outageId: outage.id },
    );
    return HELD;
  }

  /** Staff take a ticket out of its outage: it is its own fault after all, and its on-site clock starts now. */
  async unlink(me: StaffPrincipal, outageId: number, ticketId: number): Promise<void> {
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const done = await em.update(OutageTicket, { outageId, ticketId, unlinkedAt: IsNull() }, { unlinkedAt: now });
      if (!done.affected) throw conflict(ErrorCode.NotOutageChild);
      await this.tickets.note(me, ticketId, '已从停供事件中移出，按单独故障处理', { outageId });
      for (const kind of HELD) await this.tickets.startHeldClock(ticketId, kind, '上门时限开始计时');
    });
  }

  /** In the restoration's transaction: every linked child still open is resolved with the outage. */
  async resolveAll(outageId: number, _by: Actor): Promise<number> {
    const em = this.db.manager;
    const links = await em.find(OutageTicket, { where: { outageId, unlinkedAt: IsNull() } });
    let resolved = 0;
    for (const link of links)
      if (await this.tickets.resolveWith(link.ticketId, '供应已恢复，随停供事件一并处理完毕', { outageId })) resolved++;
    return resolved;
  }

  /** Children of an outage (ticket ids, still linked). */
  async childIds(outageId: number): Promise<number[]> {
    const links = await this.links.find({ where: { outageId, unlinkedAt: IsNull() } });
    return links.map((l) => l.ticketId);
  }

  private async activeOutageOf(accountNo: string, at: Date): Promise<Outage | null> {
    const em = this.db.manager;
    if (!(await this.anyUnrestored())) return null;
    // Asked at every intake of a fault, mostly of an account in no outage: a plain statement.
    const hits = await preparedQuery<{ outageId: number }[]>(
      em,
      'SELECT outageId FROM outage_account WHERE accountNo = ? ORDER BY id DESC LIMIT 20',
      [accountNo],
    );
    if (!hits.length) return null;
    return em.findOne(Outage, {
      where: { id: In(hits.map((h) => h.outageId)), restoredAt: IsNull(), startsAt: LessThanOrEqual(at) },
      order: { id: 'DESC' },
    });
  }

  /**
   * The version is read first (intake has already read it for routing: no round trip), so an
   * outage declared between the two reads is at worst cached under the older number and read
   * again at the next intake.
   */
  private async anyUnrestored(): Promise<boolean> {
    const version = await this.orgVersion.current();
    if (this.unrestored?.version === version) return this.unrestored.any;
    const any = await this.db.manager.exists(Outage, { where: { restoredAt: IsNull() } });
    this.unrestored = { version, any };
    return any;
  }

  /** Each linked ticket's outage (属于停气 #…, expected restore time), for residents and staff alike. */
  private async noteOutages(views: (ResidentTicketView | TicketView)[]): Promise<void> {
    // Only faults are ever linked: a board of complaints or questions costs no query.
    const faults = views.filter((v) => CHILD_TYPES.has(v.type));
    if (!faults.length) return;
    const links = await this.links.find({ where: { ticketId: In(faults.map((v) => v.id)), unlinkedAt: IsNull() } });
    if (!links.length) return;
    const outages = await this.outages.find({ where: { id: In([...new Set(links.map((l) => l.outageId))]) } });
    for (const view of faults) {
      const link = links.find((l) => l.ticketId === view.id);
      const o = link && outages.find((x) => x.id === link.outageId);
      view.outage = o ? outageNote(o) : null;
    }
  }
}

const outageNote = (o: Outage): TicketOutageNote => ({
  outageId: o.id,
  label: OUTAGE_LABELS[o.utility],
  reason: o.reason,
  restoreBy: o.restoreBy.toISOString(),
  restoredAt: o.restoredAt?.toISOString() ?? null,
});
