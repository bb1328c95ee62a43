import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  FollowUpCause,
  RatingLevel,
  ReturnVisitOutcome,
  ReturnVisitView,
  Role,
  TicketEventKind,
  TicketStatus,
  VisitAttemptRequest,
} from '@utility/shared';
import { In, IsNull, Not, Repository } from 'typeorm';
import { conflict, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { QueuesService } from '../queues/queues.service';
import { StaffService } from '../staff/staff.service';
import { TicketAssignment } from '../tickets/ticket-assignment.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { FeedbackLoop } from './feedback-loop.service';
import { resolutionOf } from './resolution';
import { ReturnVisitAttempt } from './return-visit-attempt.entity';
import { MAX_VISIT_ATTEMPTS, toReturnVisitView } from './return-visit-view';
import { ReturnVisit } from './return-visit.entity';

/** The return-visit queue: agents call the resident (up to 3 attempts) and record what they heard. */
@Injectable()
export class ReturnVisitsService {
  constructor(
    @InjectRepository(ReturnVisit) private readonly visits: Repository<ReturnVisit>,
    @InjectRepository(ReturnVisitAttempt) private readonly attempts: Repository<ReturnVisitAttempt>,
    private readonly reader: TicketReader,
    private readonly tickets: TicketsService,
    private readonly assignment: TicketAssignment,
    private readonly queues: QueuesService,
    private readonly staff: StaffService,
    private readonly loop: FeedbackLoop,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Open visits in the caller's queues, the earliest deadline first. */
  async list(viewer: StaffPrincipal): Promise<ReturnVisitView[]> {
    const rows = await this.visits.find({
      where: { taskTicketId: Not(IsNull()), outcome: IsNull() },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 500,
    });
    const queueIds = new Set(await this.queues.visibleQueueIds(viewer));
    const tasks = (await this.reader.byIds(rows.map((r) => r.taskTicketId!))).filter(
      (t) => queueIds.has(t.queueId) || t.assigneeId === viewer.id,
    );
    return this.views(rows.filter((r) => tasks.some((t) => t.id === r.taskTicketId)).slice(0, 100));
  }

  async get(viewer: StaffPrincipal, taskId: number): Promise<ReturnVisitView> {
    await this.reader.visibleTicket(viewer, taskId);
    const row = await this.visits.findOneBy({ taskTicketId: taskId });
    if (!row) throw notFound();
    return (await this.views([row]))[0];
  }

  /** One call. Reached → the outcome is settled (closed, reopened or a complaint); 3 unanswered calls end the visit too. */
  async attempt(agent: StaffPrincipal, taskId: number, body: VisitAttemptRequest): Promise<ReturnVisitView> {
    const task = await this.reader.visibleTicket(agent, taskId);
    const row = await this.visits.findOneBy({ taskTicketId: taskId });
    if (!row) throw notFound();
    if (row.outcome) throw conflict(ErrorCode.VisitAttemptsUsed);
    // The agent who calls works the task: an unclaimed task is claimed (409 if someone else has it).
    if (
      task.assigneeId !== agent.id &&
      !(task.assigneeId && (agent.role === Role.Supervisor || agent.role === Role.Admin))
    ) {
      await this.assignment.claim(agent, taskId);
    }
    const now = this.clock.now();
    try {
      await this.db.transaction(async (em) => {
        const done = await em.countBy(ReturnVisitAttempt, { returnVisitId: row.id });
        if (done >= MAX_VISIT_ATTEMPTS) throw conflict(ErrorCode.VisitAttemptsUsed);
        await em.insert(ReturnVisitAttempt, {
          returnVisitId: row.id,
          attempt: done + 1,
          agentId: agent.id,
          agentName: agent.name,
          reached: body.reached,
          level: body.level ?? null,
          fixed: body.fixed ?? null,
          note: body.note,
          at: now,
        });
        const outcome = body.reached
          ? body.fixed
            ? ReturnVisitOutcome.Fixed
            : ReturnVisitOutcome.NotFixed
          : done + 1 >= MAX_VISIT_ATTEMPTS
            ? ReturnVisitOutcome.Unreachable
            : null;
        const { ticket: current } = await this.tickets.lockForStep(taskId);
        const noted = await this.tickets.recordStep(agent, current, {
          events: [
            {
              kind: TicketEventKind.Note,
              note: `第${done + 1}次回访：${body.reached ? '已接通' : '未接通'}${body.note ? `，${body.note}` : ''}`,
            },
          ],
        });
        if (!outcome) return;
        const won = await em.update(ReturnVisit, { id: row.id, outcome: IsNull() }, { outcome });
        if (!won.affected) throw conflict(ErrorCode.VisitAttemptsUsed);
        const resolved = await this.tickets.recordStep(agent, noted, {
          to: TicketStatus.Resolved,
          note: '回访完成',
        });
        await this.tickets.recordStep(null, resolved, { to: TicketStatus.Closed, note: '回访完成，自动关闭' });
        await this.settle(row, outcome, body.level ?? null, now);
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.Conflict);
      throw error;
    }
    return this.get(agent, taskId);
  }

  /** The visited work: closed when fixed and not 不满意, round the loop otherwise, if it is still at the visited resolution. */
  private async settle(row: ReturnVisit, outcome: ReturnVisitOutcome, level: RatingLevel | null, now: Date) {
    const em = this.db.manager;
    const { ticket, events } = await this.tickets.lockForStep(row.visitedTicketId);
    if (resolutionOf(events).number === row.resolution) {
      const cause: FollowUpCause | null =
        outcome === ReturnVisitOutcome.NotFixed
          ? 'not_fixed'
          : level === RatingLevel.Dissatisfied
            ? 'dissatisfied'
            : null;
      if (cause) {
        const why = cause === 'not_fixed' ? '回访发现问题未解决' : '回访居民不满意';
        const followUp = await this.loop.followUp(ticket, cause, why);
        if (followUp)
          await em.update(
            ReturnVisit,
            { id: row.id },
            { followUpKind: followUp.kind, followUpTicketId: followUp.ticketId },
          );
      } else {
        await this.loop.close(
          ticket,
          outcome === ReturnVisitOutcome.Fixed ? '回访确认已解决，关闭' : '回访三次未接通，关闭',
        );
      }
    }
    await em.update(ReturnVisit, { id: row.id }, { settledAt: now });
  }

  private async views(rows: ReturnVisit[]): Promise<ReturnVisitView[]> {
    if (!rows.length) return [];
    const taskIds = rows.map((r) => r.taskTicketId!);
    const ticketIds = [
      ...taskIds,
      ...rows.map((r) => r.visitedTicketId),
      ...rows.flatMap((r) => (r.followUpTicketId ? [r.followUpTicketId] : [])),
    ];
    const [tickets, attempts, clocks, staff] = await Promise.all([
      this.reader.byIds(ticketIds),
      this.attempts.find({ where: { returnVisitId: In(rows.map((r) => r.id)) }, order: { attempt: 'ASC' } }),
      this.reader.clocksOf(taskIds),
      this.staff.findByIds([...new Set(rows.flatMap((r) => (r.resolvedById ? [r.resolvedById] : [])))]),
    ]);
    const now = this.clock.now();
    return rows.map((row) =>
      toReturnVisitView(row, {
        task: tickets.find((t) => t.id === row.taskTicketId)!,
        visited: tickets.find((t) => t.id === row.visitedTicketId)!,
        attempts: attempts.filter((a) => a.returnVisitId === row.id),
        clocks: clocks.filter((c) => c.ticketId === row.taskTicketId),
        handledBy: staff.find((s) => s.id === row.resolvedById)?.name ?? null,
        followUpNo: tickets.find((t) => t.id === row.followUpTicketId)?.no ?? null,
        now,
      }),
    );
  }
}
