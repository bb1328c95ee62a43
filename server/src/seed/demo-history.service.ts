import { Injectable, Logger } from '@nestjs/common';
import { Channel, TicketStatus, TicketType, VISIT_TYPES, shanghaiDate } from '@utility/shared';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { ComplaintHandling } from '../complaints/complaint-handling.service';
import { ReturnVisitWorker } from '../feedback/return-visit-worker.service';
import { FieldWorkService } from '../repairs/field-work.service';
import { StaffService } from '../staff/staff.service';
import { TicketAppointments } from '../tickets/ticket-appointments.service';
import { TicketAssignment } from '../tickets/ticket-assignment.service';
import { TicketSweeper } from '../tickets/ticket-sweeper.service';
import { TicketsService } from '../tickets/tickets.service';
import { DemoHistoryExtras } from './demo-history-extras.service';
import { PlannedTicket, planHistory } from './demo-history-plan';
import { demoAccounts } from './demo-organisation';

const MINUTE = 60_000;
const byTime = (a: Step, b: Step) => a.at.getTime() - b.at.getTime() || a.order - b.order;
const HOUR = 60 * MINUTE;

/** What a ticket of each type is about, as a caller would say it. */
const DESCRIPTIONS: Record<string, string[]> = {
  [TicketType.Repair]: ['暖气片不热，家里只有16度', '燃气表显示异常，数字不走', '灶具打不着火', '阀门关不严，有滴水'],
  [TicketType.Leak]: ['厨房闻到燃气味', '楼道里有煤气味', '热水器附近有异味'],
  [TicketType.Inspection]: ['预约年度入户安检', '新装燃气灶，申请安检', '老人独居，申请上门检查'],
  [TicketType.Complaint]: ['维修师傅迟到两个小时', '客服电话一直占线', '上次维修后问题又出现了'],
  [TicketType.Application]: ['申请过户', '申请燃气开户', '申请暂停供暖'],
  [TicketType.Billing]: ['本月账单金额异常偏高', '已缴费但仍显示欠费', '发票抬头需要修改'],
};

/** One thing done at a moment of the past, through the module that owns it. */
interface Step {
  at: Date;
  /** Keeps steps of the same moment in plan order. */
  order: number;
  run: () => Promise<void>;
}

export interface HistoryResult {
  tickets: number;
  steps: number;
  skipped: number;
  ms: number;
}

/**
 * The demo's past (issue 13 item 6): 90 days of tickets of every type taken through their lives by the
 * demo staff, with the sweeper and the return-visit planner run as the days pass, each at its moment
 * (`Clock.runAt`), through the services a user's request goes through. Deterministic for a given day.
 */
@Injectable()
export class DemoHistory {
  private readonly logger = new Logger(DemoHistory.name);

  constructor(
    private readonly clock: Clock,
    private readonly db: Db,
    private readonly staff: StaffService,
    private readonly accounts: AccountsService,
    private readonly tickets: TicketsService,
    private readonly assignment: TicketAssignment,
    private readonly appointments: TicketAppointments,
    private readonly fieldWork: FieldWorkService,
    private readonly complaints: ComplaintHandling,
    private readonly sweeper: TicketSweeper,
    private readonly returnVisits: ReturnVisitWorker,
    private readonly extras: DemoHistoryExtras,
  ) {}

  /** Writes the history ending now. Called once, on the database the demo seed has just created. */
  async create(days: number): Promise<HistoryResult> {
    const started = Date.now();
    const now = this.clock.now();
    const plan = planHistory(shanghaiDate(now), days).filter((t) => t.openedAt < now);
    const people = new Map((await this.staff.listActive()).map((s) => [s.username, s]));
    const principal = (username: string): StaffPrincipal => {
      const s = people.get(username);
      if (!s) throw new Error(`demo history: no active staff ${username}`);
      return {
        kind: 'staff',
        id: s.id,
        name: s.name,
        role: s.role,
        roles: s.roles,
        stationId: s.stationId,
        districtId: s.districtId,
      };
    };
    const byId = new Map([...people.values()].map((s) => [s.id, s.username]));
    const accounts = demoAccounts();
    const districtIds = new Map(
      (await this.accounts.findByNos(accounts.map((a) => a.accountNo))).map((a) => [a.accountNo, a.districtId]),
    );
    const steps: Step[] = [];
    let running: Step[] | null = null;
    let position = 0;
    let order = 0;
    const at = (time: number, run: () => Promise<void>) => {
      const step = { at: new Date(time), order: order++, run };
      if (!running) return void steps.push(step);
      let i = position + 1;
      while (i < running.length && byTime(running[i], step) <= 0) i++;
      running.splice(i, 0, step);
    };

    const later = (minutes: number, run: () => Promise<void>) => at(this.clock.now().getTime() + minutes * MINUTE, run);
    for (const t of plan) {
      const account = accounts[t.account - 1];
      this.planTicket(t, account, districtIds.get(account.accountNo)!, principal, byId, at, later);
    }
    // The sweeper every 6 hours and the return-visit planner every other evening, as the jobs would have run
    // (less often than they do: the deadlines are days long, and the first start stays short).
    const first = plan[0]?.openedAt.getTime() ?? now.getTime();
    for (let time = first; time < now.getTime(); time += 6 * HOUR)
      at(time, async () => void (await this.sweeper.sweep()));
    for (let time = first + 13 * HOUR; time < now.getTime(); time += 48 * HOUR)
      at(time, () => this.returnVisits.runOnce());
    await this.extras.plan(plan, now, principal, at);

    steps.sort(byTime);
    // Steps may plan later ones as they run (a re-inspection once a hazard is found): kept in time order.
    running = steps;
    let done = 0;
    let skipped = 0;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (step.at >= now) continue;
      position = i;
      try {
        await this.clock.runAt(step.at, step.run);
        done++;
      } catch (error) {
        // A step the rules refuse (the work was taken meanwhile, a window closed) is left out, like a user's would be.
        skipped++;
        this.logger.debug(`demo history step skipped: ${(error as Error).message}`);
      }
    }
    // Caught up to now: what the jobs would find due today.
    await this.sweeper.sweep();
    const result = { tickets: plan.length, steps: done, skipped, ms: Date.now() - started };
    this.logger.log(
      `Demo history: ${result.tickets} tickets over ${days} days, ${done} steps (${skipped} refused) in ${(result.ms / 1000).toFixed(1)} s`,
    );
    return result;
  }

  private planTicket(
    t: PlannedTicket,
    account: ReturnType<typeof demoAccounts>[number],
    districtId: number,
    principal: (username: string) => StaffPrincipal,
    usernameOf: Map<number, string>,
    at: (time: number, run: () => Promise<void>) => void,
    later: (minutes: number, run: () => Promise<void>) => void,
  ): void {
    const east = account.district === 'east';
    const supervisor = principal(east ? 'supervisor1' : 'supervisor2');
    const agent = principal('agent1');
    const worker = () => {
      if (t.type === TicketType.Repair || t.type === TicketType.Leak)
        return principal(
          account.station === 'east-heat' ? 'tech1' : account.station === 'east-hall' ? 'tech2' : 'tech3',
        );
      if (t.type === TicketType.Inspection) return principal(east ? 'inspector1' : 'inspector2');
      return agent;
    };
    const visit = VISIT_TYPES.has(t.type);
    const descriptions = DESCRIPTIONS[t.type];
    const state = { id: 0, worker: worker() };
    let time = t.openedAt.getTime();
    const then = (minutes: number, run: () => Promise<void>) => {
      time += minutes * MINUTE;
      at(time, async () => {
        // An earlier step of this ticket was refused: the rest of its story is not told.
        if (!state.id) throw new Error(`ticket #${t.n} was not opened`);
        await run();
      });
    };

    at(time, async () => {
      if (t.type === TicketType.Inspection && this.extras.booksInspections) {
        state.id = await this.extras.bookInspection(t.account, districtId);
        return;
      }
      const fromApp = t.fate === TicketStatus.Submitted;
      const ticket = await this.db.transaction(() =>
        this.tickets.intake(fromApp ? null : agent, {
          type: t.type,
          accountNo: account.accountNo,
          address: account.address,
          contactName: account.holderName,
          contactPhone: account.phone,
          description: descriptions[t.n % descriptions.length],
          channel: fromApp ? Channel.Miniapp : t.n % 3 ? Channel.Phone : Channel.Counter,
        }),
      );
      state.id = ticket.id;
      // An emergency is assigned at intake to whoever is on shift: that technician works it.
      const assignee = ticket.assigneeId ? usernameOf.get(ticket.assigneeId) : undefined;
      if (assignee) state.worker = principal(assignee);
    });
    if (t.fate === TicketStatus.Submitted) return;
    if (t.fate === TicketStatus.Cancelled) {
      then(t.gaps.claim, async () => {
        // A booked inspection is cancelled by its household (the slot is given back).
        if (t.type === TicketType.Inspection && this.extras.booksInspections)
          return this.extras.cancelAsHousehold(t.account, state.id);
        // A leak is with its technician from intake: handed back first, as only unassigned work is cancelled.
        if (t.type === TicketType.Leak)
          await this.fieldWork.handOver(state.worker, state.id, { reason: '用户来电：误报，已自行关阀' });
        await this.tickets.transition(supervisor, state.id, TicketStatus.Cancelled, '用户来电取消');
      });
      return;
    }
    if (t.fate === TicketStatus.Accepted && t.type !== TicketType.Leak) return;
    // A leak was assigned at intake to whoever was on shift; the rest are claimed from their queue.
    if (t.type !== TicketType.Leak)
      then(t.gaps.claim, () => this.assignment.claim(state.worker, state.id).then(() => undefined));
    else time += t.gaps.claim * MINUTE;
    if (t.fate === TicketStatus.Accepted || t.fate === TicketStatus.Assigned) return;
    if (t.fate === 'handed_back') {
      then(t.gaps.depart, async () => {
        if (visit) await this.fieldWork.handOver(state.worker, state.id, { reason: '缺少配件，需改派' });
        else await this.tickets.transition(state.worker, state.id, TicketStatus.Accepted, '需其他同事处理');
      });
      return;
    }
    if (visit) {
      if (t.type !== TicketType.Inspection)
        then(3, async () => {
          await this.appointments.contacted(state.worker, state.id, { note: '已电话联系用户，马上出发' });
        });
      then(t.gaps.depart, async () => {
        if (t.type === TicketType.Inspection)
          await this.tickets.transition(state.worker, state.id, TicketStatus.EnRoute);
        else await this.fieldWork.depart(state.worker, state.id, { etaMinutes: t.gaps.arrive });
      });
      if (t.fate === TicketStatus.EnRoute) return;
      then(t.gaps.arrive, async () => {
        if (t.type === TicketType.Inspection)
          await this.tickets.transition(state.worker, state.id, TicketStatus.OnSite);
        else await this.fieldWork.arrive(state.worker, state.id, {});
      });
      if (t.fate === TicketStatus.OnSite) return;
    }
    then(t.gaps.finish, async () => {
      if (t.type === TicketType.Repair || t.type === TicketType.Leak) {
        await this.fieldWork.resolve(state.worker, state.id, {
          diagnosis: t.type === TicketType.Leak ? '接头老化漏气' : '阀门堵塞',
          work: t.type === TicketType.Leak ? '更换接头并检漏合格' : '清洗阀门，试运行正常',
          parts: [],
          photoIdsBefore: [],
          photoIdsAfter: [],
          chargeable: false,
          // The resident signs the work order on the technician's phone (docs/domain.md#charges).
          confirmation: { kind: 'signature', photoId: await this.extras.photo(state.worker) },
        });
        return;
      }
      if (t.type === TicketType.Inspection) {
        await this.extras.recordInspection(state.worker, state.id, t, later);
        return;
      }
      if (t.type === TicketType.Complaint)
        await this.complaints.firstReply(state.worker, state.id, '已核实情况，向您致歉并已整改');
      await this.tickets.transition(state.worker, state.id, TicketStatus.Resolved, '已处理完毕');
    });
    this.extras.afterResolution(t, () => state.id, then);
    if (t.fate === TicketStatus.Closed)
      then(t.gaps.close, () =>
        this.tickets.transition(supervisor, state.id, TicketStatus.Closed, '回访满意，结单').then(() => undefined),
      );
  }
}
