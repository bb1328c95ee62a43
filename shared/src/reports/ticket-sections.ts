import { Channel, ClockKind, TicketStatus, TicketType } from '../tickets/ticket-codes';
import { BreachFact, ClockFact, ReportWindow, TicketMonthFacts, TransitionFact } from './report-facts';
import { rate, within } from './report-rate';
import { ChannelFigures, ClockOnTime, ComplaintResolution, TicketsByTypeAndDistrict } from './report-types';

const TYPE_ORDER = Object.values(TicketType);
const CLOCK_ORDER = Object.values(ClockKind);

/** Tickets received in the month, by type and district (null = not placed, e.g. triage). */
export function ticketsByTypeAndDistrict(
  facts: Pick<TicketMonthFacts, 'tickets'>,
  w: ReportWindow,
): TicketsByTypeAndDistrict {
  const counts = new Map<string, { type: TicketType; districtId: number | null; count: number }>();
  for (const t of facts.tickets) {
    if (!within(t.createdAt, w.start, w.end) || t.createdAt > w.asOf) continue;
    const key = `${t.type}|${t.districtId}`;
    const row = counts.get(key) ?? { type: t.type, districtId: t.districtId, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  const rows = [...counts.values()].sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      (a.districtId ?? Infinity) - (b.districtId ?? Infinity),
  );
  const byType = TYPE_ORDER.map((type) => ({
    type,
    count: rows.filter((r) => r.type === type).reduce((n, r) => n + r.count, 0),
  })).filter((r) => r.count > 0);
  return { rows, byType, total: rows.reduce((n, r) => n + r.count, 0) };
}

/** Met: stopped by its due instant (and known by `asOf`). */
const met = (c: ClockFact, asOf: Date): boolean =>
  c.stoppedAt !== null && c.stoppedAt <= c.dueAt && c.stoppedAt <= asOf;

/** A met clock counts when it stopped; a missed one in the month its deadline passed, however late it stopped. */
const outcomeAt = (c: ClockFact, asOf: Date): Date => (met(c, asOf) ? c.stoppedAt! : c.dueAt);

/** The outcome is known at `asOf`: met by then, or past due. */
const settled = (c: ClockFact, asOf: Date): boolean => met(c, asOf) || c.dueAt < asOf;

const breachKey = (ticketId: number, clock: ClockKind) => `${ticketId}|${clock}`;

/** Late (of a settled clock): not met, or ever recorded as breached. */
function isLate(c: ClockFact, asOf: Date, breached: Set<string>): boolean {
  return !met(c, asOf) || breached.has(breachKey(c.ticketId, c.kind));
}

const breachSet = (breaches: BreachFact[]) => new Set(breaches.map((b) => breachKey(b.ticketId, b.clock)));

/** On-time rate per SLA clock, over the clocks whose outcome fell in the month. */
export function onTimeRateByClock(
  facts: Pick<TicketMonthFacts, 'clocks' | 'breaches'>,
  w: ReportWindow,
): ClockOnTime[] {
  const breached = breachSet(facts.breaches);
  const counted = facts.clocks.filter((c) => settled(c, w.asOf) && within(outcomeAt(c, w.asOf), w.start, w.end));
  return CLOCK_ORDER.map((clock) => {
    const mine = counted.filter((c) => c.kind === clock);
    const late = mine.filter((c) => isLate(c, w.asOf, breached)).length;
    return {
      clock,
      counted: mine.length,
      onTime: mine.length - late,
      late,
      rate: rate(mine.length - late, mine.length),
    };
  });
}

const CHANNEL_ORDER = Object.values(Channel);

/**
 * The month by channel (issue: every channel a request comes in by): tickets received, and the
 * on-time share of their clocks whose outcome fell in the month, counted as onTimeRateByClock does.
 * Channels with nothing to count are left out.
 */
export function byChannel(
  facts: Pick<TicketMonthFacts, 'tickets' | 'clocks' | 'breaches'>,
  w: ReportWindow,
): ChannelFigures[] {
  const breached = breachSet(facts.breaches);
  const channelOf = new Map(facts.tickets.map((t) => [t.id, t.channel]));
  const counted = facts.clocks.filter((c) => settled(c, w.asOf) && within(outcomeAt(c, w.asOf), w.start, w.end));
  return CHANNEL_ORDER.map((channel) => {
    const received = facts.tickets.filter(
      (t) => t.channel === channel && within(t.createdAt, w.start, w.end) && t.createdAt <= w.asOf,
    ).length;
    const mine = counted.filter((c) => channelOf.get(c.ticketId) === channel);
    const onTime = mine.filter((c) => !isLate(c, w.asOf, breached)).length;
    return { channel, received, clocks: mine.length, onTime, rate: rate(onTime, mine.length) };
  }).filter((r) => r.received > 0 || r.clocks > 0);
}

/** Tickets with a clock that was late as known at `asOf` (for the per-staff on-time rate). */
export function lateTicketIds(facts: Pick<TicketMonthFacts, 'clocks' | 'breaches'>, asOf: Date): Set<number> {
  const breached = breachSet(facts.breaches);
  const late = new Set(facts.breaches.filter((b) => b.breachedAt <= asOf).map((b) => b.ticketId));
  for (const c of facts.clocks) if (settled(c, asOf) && isLate(c, asOf, breached)) late.add(c.ticketId);
  return late;
}

const reached = (transitions: TransitionFact[], status: TicketStatus, asOf: Date) =>
  new Set(transitions.filter((e) => e.toStatus === status && e.at <= asOf).map((e) => e.ticketId));

/** Resolutions in the month: each (ticket, resolver) once, the first time in the window. */
export function resolutionsInMonth(transitions: TransitionFact[], w: ReportWindow): TransitionFact[] {
  const seen = new Set<string>();
  return transitions
    .filter((e) => e.toStatus === TicketStatus.Resolved && within(e.at, w.start, w.end) && e.at <= w.asOf)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .filter((e) => {
      const key = `${e.ticketId}|${e.actorRole}|${e.actorId}`;
      return !seen.has(key) && !!seen.add(key);
    });
}

/** Complaints received in the month (not withdrawn) and how many were resolved by `asOf`; target 100 %. */
export function complaintResolution(
  facts: Pick<TicketMonthFacts, 'tickets' | 'transitions'>,
  w: ReportWindow,
): ComplaintResolution {
  const cancelled = reached(facts.transitions, TicketStatus.Cancelled, w.asOf);
  const resolved = reached(facts.transitions, TicketStatus.Resolved, w.asOf);
  const received = facts.tickets.filter(
    (t) =>
      t.type === TicketType.Complaint &&
      within(t.createdAt, w.start, w.end) &&
      t.createdAt <= w.asOf &&
      !cancelled.has(t.id),
  );
  const done = received.filter((t) => resolved.has(t.id)).length;
  return { received: received.length, resolved: done, rate: rate(done, received.length) };
}
