import {
  RATING_LEVEL_LABELS,
  ReturnVisitReason,
  ReturnVisitView,
  TICKET_TYPE_LABELS,
  maskPhone,
} from '@utility/shared';
import { toClockView } from '../tickets/ticket-view';
import { TicketClockSnapshot, TicketSnapshot } from '../tickets/ticket-snapshot';
import { ReturnVisitAttempt } from './return-visit-attempt.entity';
import { ReturnVisit } from './return-visit.entity';

export const MAX_VISIT_ATTEMPTS = 3;

export interface ReturnVisitViewContext {
  task: TicketSnapshot;
  visited: TicketSnapshot;
  attempts: ReturnVisitAttempt[];
  clocks: readonly TicketClockSnapshot[];
  handledBy: string | null;
  followUpNo: string | null;
  now: Date;
}

export function toReturnVisitView(row: ReturnVisit, ctx: ReturnVisitViewContext): ReturnVisitView {
  const { task, visited } = ctx;
  return {
    id: task.id,
    no: task.no ?? String(task.id),
    status: task.status,
    reason: row.reason as ReturnVisitReason,
    draw: row.drawPpm === null ? null : row.drawPpm / 1_000_000,
    rate: row.ratePpm === null ? null : row.ratePpm / 1_000_000,
    dueAt: (row.dueAt ?? task.createdAt).toISOString(),
    disaster: row.disaster,
    visited: {
      id: visited.id,
      no: visited.no ?? String(visited.id),
      type: visited.type,
      typeLabel: TICKET_TYPE_LABELS[visited.type],
      resolution: row.resolution,
      resolvedAt: row.resolvedAt.toISOString(),
      handledBy: ctx.handledBy,
      description: visited.description,
    },
    contactName: task.contactName,
    contactPhone: task.contactPhone ? maskPhone(task.contactPhone) : '',
    attempts: ctx.attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      agentName: a.agentName,
      reached: a.reached,
      level: a.level,
      levelLabel: a.level ? RATING_LEVEL_LABELS[a.level] : null,
      fixed: a.fixed,
      note: a.note,
    })),
    attemptsLeft: row.outcome ? 0 : MAX_VISIT_ATTEMPTS - ctx.attempts.length,
    outcome: row.outcome,
    followUp:
      row.followUpKind && row.followUpTicketId && ctx.followUpNo
        ? { kind: row.followUpKind, ticketId: row.followUpTicketId, no: ctx.followUpNo }
        : null,
    clocks: ctx.clocks.map((c) => toClockView(c, ctx.now)),
  };
}
