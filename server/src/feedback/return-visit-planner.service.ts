import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Channel,
  ClockKind,
  TicketEventKind,
  TicketStatus,
  TicketType,
  returnVisitDecision,
  returnVisitRuleFor,
  returnVisitSchedule,
  shanghaiDate,
  shanghaiDateTime,
} from '@utility/shared';
import { IsNull, LessThan, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db, isDuplicateKey } from '../common/db';
import { ComplaintHandling } from '../complaints/complaint-handling.service';
import { SlaService } from '../sla/sla.service';
import { TicketEventFact, TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { DisastersService } from './disasters.service';
import { FeedbackCursor } from './feedback-cursor.entity';
import { FeedbackLoop } from './feedback-loop.service';
import { resolutionOf } from './resolution';
import { ReturnVisitPolicyService } from './return-visit-policy.service';
import { ReturnVisit } from './return-visit.entity';

const CURSOR = 'return-visits';
const BATCH = 200;
const RATING_WINDOW_MS = 7 * 86_400_000;
const ppm = (x: number | null) => (x === null ? null : Math.floor(x * 1_000_000));

/**
 * Reads the ticket timeline after its cursor and decides, for each resolution, whether a return
 * visit is due (policy, or the recorded sampling draw); a due visit becomes a return_visit ticket
 * whose resolve clock is the visit's deadline. The unique (ticket, resolution) row admits one
 * decision however many processes plan at once.
 */

/** What the agent reads on the task: the work visited, when the visit opens if later (heating: 48 h after), what to ask. */
function visitDescription(ticketNo: string, resolution: number, resolvedAt: Date, opensAt: Date, questions: string[]) {
  const lines = [`回访工单${ticketNo}（第${resolution}次办结，${shanghaiDate(resolvedAt)}）`];
  if (opensAt > resolvedAt) lines.push(`请于${shanghaiDateTime(opensAt)}之后回访`);
  if (questions.length) lines.push(`回访问题：${questions.map((q, i) => `${i + 1}. ${q}`).join(' ')}`);
  return lines.join('\n');
}

@Injectable()
export class ReturnVisitPlanner {
  constructor(
    @InjectRepository(FeedbackCursor) private readonly cursors: Repository<FeedbackCursor>,
    @InjectRepository(ReturnVisit) private readonly visits: Repository<ReturnVisit>,
    private readonly reader: TicketReader,
    private readonly tickets: TicketsService,
    private readonly complaints: ComplaintHandling,
    private readonly disasters: DisastersService,
    private readonly sla: SlaService,
    private readonly loop: FeedbackLoop,
    private readonly policies: ReturnVisitPolicyService,
    private readonly accounts: AccountsService,
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Plans the next batch of events; returns how many events were read. */
  async plan(): Promise<number> {
    const cursor = (await this.cursors.findOneBy({ name: CURSOR }))?.lastEventId ?? 0;
    const facts = await this.reader.eventsAfter(cursor, BATCH);
    for (const fact of facts) {
      if (
        fact.kind === TicketEventKind.Transition &&
        fact.to === TicketStatus.Resolved &&
        fact.ticketType !== TicketType.ReturnVisit
      ) {
        await this.decide(fact);
      }
    }
    if (facts.length) await this.advance(cursor, facts[facts.length - 1].eventId);
    return facts.length;
  }

  /** Resolved work with no visit due closes once its rating window has passed unrated. */
  async closeUnrated(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - RATING_WINDOW_MS);
    const rows = await this.visits.find({
      where: { taskTicketId: IsNull(), settledAt: IsNull(), resolvedAt: LessThan(before) },
      take: BATCH,
    });
    for (const row of rows) {
      await this.db.transaction(async (em) => {
        const { ticket, events } = await this.tickets.lockForStep(row.visitedTicketId);
        if (resolutionOf(events).number === row.resolution) await this.loop.close(ticket, '评价期已过，自动关闭');
        await em.update(ReturnVisit, { id: row.id }, { settledAt: this.clock.now() });
      });
    }
    return rows.length;
  }

  private async decide(fact: TicketEventFact): Promise<void> {
    const events = await this.reader.eventsOf([fact.ticketId]);
    const resolution = resolutionOf(events, fact.eventId);
    const ticket = await this.reader.byId(fact.ticketId);
    const anonymous = await this.complaints.isAnonymous(ticket.id);
    const seed = this.config.RETURN_VISIT_SAMPLE_SEED;
    // The account says which utility's rule applies (a heating repair's 48 h) and which usage stratum is drawn.
    const account = ticket.accountNo ? await this.accounts.findByNo(ticket.accountNo) : null;
    const utility = account?.utility ?? null;
    const policy = await this.policies.current();
    const decision = returnVisitDecision(
      {
        type: ticket.type,
        ticketNo: fact.ticketNo,
        resolution: resolution.number,
        anonymous,
        utility,
        usageType: account?.usageType ?? null,
      },
      policy,
      seed,
    );
    const rule = returnVisitRuleFor(policy, ticket.type, utility);
    const disaster = decision.visit ? await this.disasters.declaredAt(fact.at, ticket.districtId) : false;
    const schedule =
      decision.visit && rule
        ? returnVisitSchedule(rule, fact.at, disaster, await this.sla.workCalendar(), policy.disasterHours)
        : null;
    const dueAt = schedule?.dueAt ?? null;
    const now = this.clock.now();
    try {
      await this.db.transaction(async (em) => {
        const { identifiers } = await em.insert(ReturnVisit, {
          visitedTicketId: ticket.id,
          resolution: resolution.number,
          resolvedAt: fact.at,
          resolvedById: resolution.resolvedById,
          taskTicketId: null,
          reason: decision.reason,
          drawPpm: ppm(decision.draw),
          ratePpm: ppm(decision.rate),
          seed: decision.draw === null ? null : seed,
          dueAt,
          disaster,
          outcome: null,
          followUpKind: null,
          followUpTicketId: null,
          settledAt: null,
          createdAt: now,
        });
        if (!decision.visit || !schedule || !rule) return;
        const task = await this.tickets.intake(null, {
          type: TicketType.ReturnVisit,
          accountNo: ticket.accountNo ?? undefined,
          districtId: ticket.accountNo ? undefined : (ticket.districtId ?? undefined),
          address: ticket.address,
          contactName: ticket.contactName,
          contactPhone: ticket.contactPhone,
          description: visitDescription(fact.ticketNo, resolution.number, fact.at, schedule.opensAt, rule.questions),
          channel: Channel.System,
        });
        await this.tickets.setDeadline(task, ClockKind.Resolve, schedule.opensAt, schedule.dueAt);
        await em.update(ReturnVisit, { id: identifiers[0].id as number }, { taskTicketId: task.id });
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  private async advance(from: number, to: number): Promise<void> {
    await this.db.transaction(async (em) => {
      const moved = await em.update(FeedbackCursor, { name: CURSOR, lastEventId: LessThan(to) }, { lastEventId: to });
      if (moved.affected || from > 0) return;
      try {
        await em.insert(FeedbackCursor, { name: CURSOR, lastEventId: to });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    });
  }
}
