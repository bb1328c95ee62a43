import { ClockKind, ClockView, Deadlines, TicketEventView, TicketView, maskPhone } from '@utility/shared';
import { TicketClockSnapshot } from './ticket-snapshot';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';

export interface TicketViewContext {
  queueName: string;
  assigneeName: string | null;
  clocks: readonly Omit<TicketClockSnapshot, 'id'>[];
  now: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toClockView(c: Omit<TicketClockSnapshot, 'id'>, now: Date): ClockView {
  const running = !c.stoppedAt;
  return {
    kind: c.kind,
    startedAt: c.startedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    stoppedAt: iso(c.stoppedAt),
    atRisk: running && c.riskAt <= now && c.dueAt >= now,
    breached: !!c.breachedAt || (running ? c.dueAt < now : c.stoppedAt! > c.dueAt),
  };
}

export function toTicketView(t: Ticket, ctx: TicketViewContext): TicketView {
  const due = (kind: ClockKind) => iso(ctx.clocks.find((c) => c.kind === kind)?.dueAt ?? null);
  const opinionBy = due(ClockKind.Opinion);
  const deadlines: Deadlines = {
    respondBy: due(ClockKind.Respond),
    contactBy: due(ClockKind.Contact),
    decisionBy: due(ClockKind.Decision),
    onSiteBy: due(ClockKind.OnSite),
    resolveBy: due(ClockKind.Resolve),
    // Only a 12345 transfer owes the hotline an opinion; other tickets' views stay as they were.
    ...(opinionBy ? { opinionBy } : {}),
  };
  return {
    id: t.id,
    no: t.no ?? String(t.id),
    type: t.type,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    ...(t.externalRef ? { externalRef: t.externalRef } : {}),
    queueId: t.queueId,
    queueName: ctx.queueName,
    assigneeId: t.assigneeId,
    assigneeName: ctx.assigneeName,
    accountNo: t.accountNo,
    districtId: t.districtId,
    stationId: t.stationId,
    address: t.address,
    contactName: t.contactName,
    // Always masked here: the full number only through the logged reveal (docs/domain.md#personal-data).
    contactPhone: maskPhone(t.contactPhone),
    description: t.description,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    windowStart: iso(t.windowStart),
    windowEnd: iso(t.windowEnd),
    deadlines,
    clocks: ctx.clocks.map((c) => toClockView(c, ctx.now)),
  };
}

export const toEventView = (e: TicketEvent): TicketEventView => ({
  id: e.id,
  kind: e.kind,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  note: e.note,
});
