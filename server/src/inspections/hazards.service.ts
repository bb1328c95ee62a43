import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_SEVERITY,
  HazardStatus,
  HazardView,
  Role,
  TicketType,
  checklistLabel,
  hazardAdvice,
  rectificationDeadline,
} from '@utility/shared';
import { In, IsNull, Repository } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsService } from '../tickets/tickets.service';
import { hazardOrder, toHazardView } from './hazard-view';
import { Hazard } from './hazard.entity';
import { RecordedItem } from './inspection-visit.entity';
import { Db } from '../common/db';

const DAY_MS = 86_400_000;

/** Hazards found at the door, their re-inspection tickets, and the stop-supply applications of refusals. */
@Injectable()
export class HazardsService {
  constructor(
    private readonly db: Db,
    @InjectRepository(Hazard) private readonly hazards: Repository<Hazard>,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly clock: Clock,
  ) {}

  async forResident(me: ResidentPrincipal, accountId: number): Promise<HazardView[]> {
    await this.bindings.assertBound(me.id, accountId);
    return this.views(await this.hazards.findBy({ accountId }));
  }

  /** Every hazard of an account (open first, then newest), for the desk's history: callers check scope. */
  async ofAccount(accountId: number): Promise<HazardView[]> {
    return this.views(await this.hazards.find({ where: { accountId }, order: { id: 'DESC' }, take: 200 }));
  }

  async forStaff(me: StaffPrincipal, status?: HazardStatus): Promise<HazardView[]> {
    const where = {
      ...(me.role === Role.Admin ? {} : { districtId: me.districtId ?? -1 }),
      ...(status ? { status } : {}),
    };
    return this.views(await this.hazards.find({ where, order: { id: 'DESC' }, take: 200 }));
  }

  openOf(accountId: number): Promise<Hazard[]> {
    const em = this.db.manager;
    return em.find(Hazard, { where: { accountId, status: HazardStatus.Open }, order: { id: 'ASC' } });
  }

  /** A hazard per failed item, with the deadline and advice of its severity. */
  async open(account: Account, visitId: number, failed: RecordedItem[]): Promise<number[]> {
    const em = this.db.manager;
    const now = this.clock.now();
    const ids: number[] = [];
    for (const item of failed) {
      const severity = item.severity ?? DEFAULT_SEVERITY[item.code];
      const { identifiers } = await em.insert(Hazard, {
        accountId: account.id,
        districtId: account.districtId,
        visitId,
        code: item.code,
        severity,
        note: item.note,
        advice: hazardAdvice(item.code, severity),
        photoIds: item.photoIds,
        deadline: rectificationDeadline(severity, now),
        status: HazardStatus.Open,
        foundAt: now,
        closedAt: null,
        closedByVisitId: null,
        reinspectionTicketId: null,
        stopSupplyTicketId: null,
      });
      ids.push(identifiers[0].id as number);
    }
    return ids;
  }

  async close(ids: number[], visitId: number): Promise<void> {
    const em = this.db.manager;
    if (!ids.length) return;
    await em.update(
      Hazard,
      { id: In(ids), status: HazardStatus.Open },
      { status: HazardStatus.Closed, closedAt: this.clock.now(), closedByVisitId: visitId },
    );
  }

  /**
   * One open re-inspection ticket for the account's open hazards: those without one, or whose
   * re-inspection `finished` just ended, move to a new ticket due by the earliest deadline (at
   * least a day away, so an overdue hazard still gets a visit that can be met).
   */
  async ensureReinspection(account: Account, finished: number | null): Promise<Ticket | null> {
    const em = this.db.manager;
    const open = await this.openOf(account.id);
    const waiting = open.filter((h) => h.reinspectionTicketId === null || h.reinspectionTicketId === finished);
    if (!waiting.length) return null;
    const existing = open.find(
      (h) => h.reinspectionTicketId !== null && h.reinspectionTicketId !== finished,
    )?.reinspectionTicketId;
    const ticket = existing
      ? (await this.tickets.lockForStep(existing)).ticket
      : await this.tickets.openSystemTicket({
          type: TicketType.Inspection,
          accountNo: account.accountNo,
          description: `隐患复检：${[...new Set(waiting.map((h) => checklistLabel(account.utility, h.code)))].join('、')}`,
        });
    const earliest = Math.min(...open.map((h) => h.deadline.getTime()));
    const due = new Date(Math.max(earliest, this.clock.now().getTime() + DAY_MS));
    await this.tickets.moveResolveDeadline(null, ticket, due, '隐患整改期限届满前复检');
    await em.update(Hazard, { id: In(waiting.map((h) => h.id)) }, { reinspectionTicketId: ticket.id });
    return ticket;
  }

  /** 拒不整改: a stop-supply application for a supervisor to decide — never an automatic cut. */
  async stopSupplyApplication(account: Account, hazards: Hazard[], reason: string): Promise<Ticket> {
    const em = this.db.manager;
    const words = hazards.map((h) => `${checklistLabel(account.utility, h.code)}（${h.note}）`).join('；');
    const supply = account.utility === 'gas' ? '停气' : account.utility === 'heating' ? '停热' : '停电';
    const ticket = await this.tickets.openSystemTicket({
      type: TicketType.Application,
      accountNo: account.accountNo,
      description: `居民拒不整改安全隐患，申请${supply}，请主管审批：${words}。居民意见：${reason}`.slice(0, 2000),
    });
    await em.update(
      Hazard,
      { id: In(hazards.map((h) => h.id)), stopSupplyTicketId: IsNull() },
      { stopSupplyTicketId: ticket.id },
    );
    return ticket;
  }

  async viewsByIds(ids: number[]): Promise<HazardView[]> {
    const em = this.db.manager;
    return ids.length ? this.views(await em.findBy(Hazard, { id: In(ids) })) : [];
  }

  async views(rows: Hazard[]): Promise<HazardView[]> {
    if (!rows.length) return [];
    const [accounts, tickets] = await Promise.all([
      this.accounts.findByIds([...new Set(rows.map((h) => h.accountId))]),
      this.reader.byIds(
        rows.flatMap((h) => [h.reinspectionTicketId, h.stopSupplyTicketId]).filter((id): id is number => id !== null),
      ),
    ]);
    const now = this.clock.now();
    return [...rows].sort(hazardOrder).map((h) =>
      toHazardView(
        h,
        accounts.find((a) => a.id === h.accountId)!,
        tickets,
        now,
      ),
    );
  }
}
