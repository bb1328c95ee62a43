import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  TicketEventKind,
  TicketStatus,
  TicketType,
  formatYuan,
  parseCalendarDate,
  pastStopSupplyGrace,
  shanghaiDate,
} from '@utility/shared';
import { In, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BillSnapshot } from '../billing/bill-snapshot';
import { BillsService, SettledBill } from '../billing/bills.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db, isDuplicateKey } from '../common/db';
import { preparedQuery } from '../common/plain-insert';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { StopSupplyCase } from './stop-supply-case.entity';

const DAY_MS = 86_400_000;
const SUPPLY = {
  gas: { stop: '停气', restore: '复气', word: '供气' },
  heating: { stop: '停热', restore: '复热', word: '供热' },
  power: { stop: '停电', restore: '复电', word: '供电' },
} as const;
/** The account's open case, if any (at most one: the unique key on openAccountId). */
const OPEN_CASE_OF_ACCOUNT = 'SELECT id FROM stop_supply_case WHERE openAccountId = ?';
const TERMINAL = new Set<string>([TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled]);

export interface StopSupplyCounts {
  applied: number;
  decided: number;
}

/**
 * Long arrears (docs/domain.md#arrears): a bill unpaid ARREARS_STOP_AFTER_DAYS after its due date opens a
 * stop-supply application (an application ticket) for a supervisor to decide — never an automatic cut.
 * When the account's overdue bills are all paid, by any method, an application still waiting is cancelled;
 * one approved (supply stopped) gets a restore ticket, a field job with its clocks. Safe in several processes:
 * unique keys (one case per trigger bill, one open case per account) and conditional updates.
 */
@Injectable()
export class StopSupplyService implements OnModuleInit {
  private readonly logger = new Logger(StopSupplyService.name);

  constructor(
    @InjectRepository(StopSupplyCase) private readonly cases: Repository<StopSupplyCase>,
    private readonly bills: BillsService,
    private readonly accounts: AccountsService,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.bills.onSettled((bill) => this.onBillSettled(bill));
  }

  /** One pass (job `stop-supply`): applies for accounts past the grace, then records supervisors' decisions. */
  @BackgroundJob('stop-supply')
  async sweep(): Promise<StopSupplyCounts> {
    const counts: StopSupplyCounts = { applied: 0, decided: 0 };
    const days = this.config.ARREARS_STOP_AFTER_DAYS;
    if (!days) return counts;
    const today = shanghaiDate(this.clock.now());
    const lastDue = new Date(parseCalendarDate(today) - days * DAY_MS).toISOString().slice(0, 10);
    const byAccount = new Map<number, BillSnapshot[]>();
    for (const bill of await this.bills.unpaidDueOnOrBefore(lastDue)) {
      if (!pastStopSupplyGrace(days, bill.dueOn, today)) continue;
      byAccount.set(bill.accountId, [...(byAccount.get(bill.accountId) ?? []), bill]);
    }
    const open = new Set(
      (await this.cases.findBy({ openAccountId: In([...byAccount.keys()]) })).map((c) => c.accountId),
    );
    for (const [accountId, overdue] of byAccount) {
      if (open.has(accountId)) continue;
      if (await this.apply(overdue)) counts.applied++;
    }
    counts.decided = await this.recordDecisions();
    return counts;
  }

  /** The account's stop-supply cases, newest first (staff and tests). */
  casesOf(accountId: number): Promise<StopSupplyCase[]> {
    return this.cases.find({ where: { accountId }, order: { id: 'DESC' } });
  }

  private async apply(overdue: BillSnapshot[]): Promise<boolean> {
    const trigger = overdue.at(-1)!;
    if (await this.cases.existsBy({ triggerBillId: trigger.id })) return false;
    const account = await this.accounts.findById(trigger.accountId);
    if (!account?.active) return false;
    const supply = SUPPLY[account.utility];
    const owed = overdue.reduce((n, b) => n + b.amountFen, 0);
    const list = overdue.map((b) => `${b.period}（${formatYuan(b.amountFen)}，${b.dueOn}到期）`).join('、');
    try {
      await this.db.transaction(async (em) => {
        const { identifiers } = await em.insert(StopSupplyCase, {
          accountId: account.id,
          accountNo: account.accountNo,
          triggerBillId: trigger.id,
          openAccountId: account.id,
          status: 'applied',
          stopTicketId: null,
          restoreTicketId: null,
          openedAt: this.clock.now(),
          closedAt: null,
        });
        const ticket = await this.tickets.openSystemTicket({
          type: TicketType.Application,
          accountNo: account.accountNo,
          description:
            `欠费超过${this.config.ARREARS_STOP_AFTER_DAYS}天，申请${supply.stop}，请主管审批（不会自动${supply.stop}）：` +
            `欠费账单 ${list}，合计 ${formatYuan(owed)}。缴清欠费后本申请自动取消。`,
        });
        await em.update(StopSupplyCase, { id: identifiers[0].id }, { stopTicketId: ticket.id });
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false; // Another process applied first, or the account has an open case.
      throw error;
    }
  }

  /** Applications decided since the last pass: approved → stopped; refused or cancelled by staff → ended. */
  private async recordDecisions(): Promise<number> {
    const applied = await this.cases.findBy({ status: 'applied' });
    const tickets = new Map(
      (await this.reader.byIds(applied.map((c) => c.stopTicketId!).filter(Boolean))).map((t) => [t.id, t]),
    );
    const decisions = await this.reader.eventsOf([...tickets.keys()]);
    let n = 0;
    for (const c of applied) {
      const ticket = tickets.get(c.stopTicketId!);
      const decided = decisions.find((e) => e.ticketId === c.stopTicketId && e.kind === TicketEventKind.Decided);
      const to = decided
        ? decided.data?.approved === true
          ? 'stopped'
          : 'refused'
        : ticket?.status === TicketStatus.Cancelled
          ? 'cancelled'
          : null;
      if (!to) continue;
      const ended = to !== 'stopped' ? { openAccountId: null, closedAt: this.clock.now() } : {};
      const done = await this.cases.update({ id: c.id, status: 'applied' }, { status: to, ...ended });
      n += done.affected ?? 0;
    }
    return n;
  }

  /**
   * In the transaction that settled a bill: once the account owes nothing overdue, its waiting application
   * is cancelled, or — when it was approved — a restore ticket opens.
   */
  private async onBillSettled(bill: SettledBill): Promise<void> {
    const em = this.db.manager;
    // Every payment asks, in one prepared statement (by the bill's account, as the payment knew it); few
    // accounts have a case open, and only those read more.
    const [hit] = await preparedQuery<{ id: number }[]>(em, OPEN_CASE_OF_ACCOUNT, [bill.accountId]);
    if (!hit) return;
    const open = await em.findOneByOrFail(StopSupplyCase, { id: hit.id });
    const today = shanghaiDate(this.clock.now());
    if ((await this.bills.unpaidDueBeforeIn(bill.accountId, today)).length) return;
    const account = await this.accounts.findById(open.accountId);
    const supply = SUPPLY[account?.utility ?? 'gas'];
    const now = this.clock.now();
    let approved = open.status === 'stopped';
    if (open.status === 'applied' && open.stopTicketId) {
      const { ticket, events } = await this.tickets.lockForStep(open.stopTicketId);
      const decided = events.find((e) => e.kind === TicketEventKind.Decided);
      approved = decided?.data?.approved === true;
      if (!decided && !TERMINAL.has(ticket.status)) {
        await this.tickets.recordStep(null, ticket, {
          to: TicketStatus.Cancelled,
          note: `欠费已缴清，${supply.stop}申请自动取消`,
        });
      }
      if (!approved) {
        await em.update(
          StopSupplyCase,
          { id: open.id, openAccountId: bill.accountId },
          { status: decided ? 'refused' : 'cancelled', openAccountId: null, closedAt: now },
        );
        return;
      }
    }
    if (!approved) return;
    const restore = await this.tickets.openSystemTicket({
      type: TicketType.Repair,
      accountNo: open.accountNo,
      description: `${supply.restore}：欠费已缴清（${today}），该户已批准${supply.stop}，请按时限上门恢复${supply.word}。`,
    });
    await em.update(
      StopSupplyCase,
      { id: open.id, openAccountId: bill.accountId },
      { status: 'restored', restoreTicketId: restore.id, openAccountId: null, closedAt: now },
    );
    this.logger.log(`account ${open.accountNo}: arrears paid after a stop, restore ticket ${restore.no}`);
  }
}
