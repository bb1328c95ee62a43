import { ClockKind, Priority, TicketStatus, TicketType } from '../tickets/ticket-codes';
import { ANSWERED_TYPES } from '../tickets/consultations';
import { VISIT_TYPES } from '../tickets/ticket-state-machine';
import { ClockPhase, ComputedDeadline, SlaPolicyRule, WorkCalendar } from './sla-types';

/*
 * Pure clock rules. This file must not import chinese-days: it is exported from the package
 * root, which the miniapp bundles. The Shanghai date arithmetic lives here for that reason and
 * is re-exported by work-calendar.ts, which adds the chinese-days calendar.
 */

/** docs/domain.md#escalation: a ticket is flagged at risk once 80 % of a clock's time is used. */
export const DEFAULT_AT_RISK_RATIO = 0.8;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Business days are Shanghai days whatever the server's TZ; the offset is asked of ICU, never assumed. */
const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function assertValidDate(at: Date, what: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

/** Since 1992 Shanghai keeps UTC+8 all year (its last daylight saving ended in September 1991). */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const UTC_PLUS_8 = 8 * 3600_000;

/**
 * Shanghai wall-clock reading of an instant to the second, expressed as if it were UTC (ms). Every
 * date and deadline of a ticket asks: instants since 1992 are shifted by 8 h, without Intl's
 * formatToParts (several microseconds a call); earlier ones go through the time-zone database.
 */
function shanghaiWallMs(ms: number): number {
  if (ms >= FIXED_OFFSET_SINCE) return Math.floor((ms + UTC_PLUS_8) / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of SHANGHAI.formatToParts(new Date(ms))) p[part.type] = part.value;
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/** 'YYYY-MM-DD' of the instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  assertValidDate(at, 'at');
  return new Date(shanghaiWallMs(at.getTime())).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' of the instant in Asia/Shanghai (exports, notices' time fields, task text). */
export function shanghaiDateTime(at: Date): string {
  assertValidDate(at, 'at');
  return new Date(shanghaiWallMs(at.getTime())).toISOString().slice(0, 16).replace('T', ' ');
}

/** Shanghai wall time of an instant for notices and banners (12月7日 18:00). */
export function shanghaiShort(at: Date): string {
  const s = new Date(shanghaiWallMs(at.getTime()));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** Validates a 'YYYY-MM-DD' calendar date and returns its UTC midnight (pure calendar arithmetic). */
export function parseCalendarDate(date: string): number {
  const m = DATE_RE.exec(date);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms;
}

/** The instant Shanghai's clocks read 00:00 on `date`. */
export function shanghaiStartOfDay(date: string): Date {
  const wall = parseCalendarDate(date);
  // offset = wall reading − instant; asked twice so a (hypothetical) offset change near midnight is honoured.
  const offsetAt = (ms: number) => Math.round((shanghaiWallMs(ms) - ms) / 60_000) * 60_000;
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** More than a year without a working day means the calendar is broken, not that the deadline is far. */
const MAX_IDLE_DAYS = 366;

/**
 * Chinese practice (期限的计算): the arrival day is not counted; the deadline is the END of the
 * Nth working day after the arrival date, Shanghai time. Arriving on a holiday changes nothing:
 * the count simply starts with the next working day.
 */
export function addWorkingDays(from: Date, days: number, calendar: WorkCalendar): Date {
  assertValidDate(from, 'from');
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`working days must be a positive integer, got ${days}`);
  let day = parseCalendarDate(shanghaiDate(from));
  let counted = 0;
  let idle = 0;
  while (counted < days) {
    day += DAY_MS;
    if (calendar.isWorkingDay(new Date(day).toISOString().slice(0, 10))) {
      counted++;
      idle = 0;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError(`calendar has no working day in ${MAX_IDLE_DAYS} days after ${shanghaiDate(from)}`);
    }
  }
  return shanghaiStartOfDay(new Date(day + DAY_MS).toISOString().slice(0, 10));
}

/** A policy is configuration an operator types in; a clock with neither or both lengths is refused loudly. */
export class SlaPolicyError extends Error {
  override name = 'SlaPolicyError';
}

/** One deadline per clock of the policy, in policy order. */
export function computeDeadlines(policy: SlaPolicyRule, startedAt: Date, calendar: WorkCalendar): ComputedDeadline[] {
  assertValidDate(startedAt, 'startedAt');
  const seen = new Set<ClockKind>();
  return policy.clocks.map((c) => {
    const hasMinutes = c.minutes != null;
    const hasDays = c.workingDays != null;
    if (hasMinutes === hasDays) {
      throw new SlaPolicyError(`${policy.ticketType}/${c.clock}: set exactly one of minutes or workingDays`);
    }
    if (seen.has(c.clock)) throw new SlaPolicyError(`${policy.ticketType}: clock ${c.clock} appears twice`);
    seen.add(c.clock);
    if (hasMinutes) {
      const minutes = c.minutes as number;
      if (!Number.isFinite(minutes) || minutes <= 0) {
        throw new SlaPolicyError(`${policy.ticketType}/${c.clock}: minutes must be positive, got ${minutes}`);
      }
      return { kind: c.clock, dueAt: new Date(startedAt.getTime() + minutes * 60_000) };
    }
    const days = c.workingDays as number;
    if (!Number.isInteger(days) || days < 1) {
      throw new SlaPolicyError(`${policy.ticketType}/${c.clock}: workingDays must be a positive integer, got ${days}`);
    }
    return { kind: c.clock, dueAt: addWorkingDays(startedAt, days, calendar) };
  });
}

/** Breached strictly after the due instant: a reply at exactly dueAt is on time. */
export function clockPhase(startedAt: Date, dueAt: Date, now: Date, atRiskRatio: number): ClockPhase {
  if (!(atRiskRatio >= 0 && atRiskRatio <= 1))
    throw new RangeError(`atRiskRatio must be within [0, 1], got ${atRiskRatio}`);
  const start = startedAt.getTime();
  const due = dueAt.getTime();
  const t = now.getTime();
  if ([start, due, t].some(Number.isNaN)) throw new RangeError('clockPhase needs valid dates');
  if (t > due) return 'breached';
  if (t - start >= atRiskRatio * (due - start)) return 'at_risk';
  return 'running';
}

const RESPOND_STOPS: ReadonlySet<TicketStatus> = new Set([
  TicketStatus.Accepted,
  TicketStatus.Assigned,
  TicketStatus.EnRoute,
  TicketStatus.OnSite,
  TicketStatus.Resolved,
  TicketStatus.Cancelled,
  TicketStatus.Closed,
]);

/**
 * Clocks that stop when the ticket enters `to`; the caller stops only those still running.
 * Desk work never goes on site, so resolving it also settles an on_site clock if one was configured.
 * Cancelled and closed end every clock; resolving also settles a complaint's first-reply clock.
 */
export function clocksStoppedBy(to: TicketStatus, type: TicketType): ClockKind[] {
  const out: ClockKind[] = [];
  if (RESPOND_STOPS.has(to)) out.push(ClockKind.Respond);
  if (
    to === TicketStatus.OnSite ||
    to === TicketStatus.Cancelled ||
    to === TicketStatus.Closed ||
    (to === TicketStatus.Resolved && !VISIT_TYPES.has(type))
  ) {
    out.push(ClockKind.OnSite);
  }
  // Arriving means the resident was reached; a late call still counts as late (the caller records the breach).
  if (to === TicketStatus.OnSite) out.push(ClockKind.Contact);
  if (to === TicketStatus.Resolved || to === TicketStatus.Cancelled || to === TicketStatus.Closed) {
    out.push(ClockKind.Resolve, ClockKind.Contact, ClockKind.Decision);
    // The resolution answers the resident, whether or not a first reply was recorded before.
    out.push(ClockKind.FirstReply);
    // A consultation's answer resolves it; a cancelled or closed one owes no answer any more.
    out.push(ClockKind.Answer);
  }
  return out;
}

/**
 * Reopening (resolved|closed → accepted) gives the work a fresh resolve clock, and a fresh
 * on_site clock when someone has to go back. Respond is not restarted: the resident was answered.
 * A consultation or suggestion reopened (its answer did not solve it) owes a fresh answer.
 * `type` is needed to know whether the work is a visit.
 */
export function clocksRestartedBy(to: TicketStatus, from: TicketStatus, type: TicketType): ClockKind[] {
  const reopened = to === TicketStatus.Accepted && (from === TicketStatus.Resolved || from === TicketStatus.Closed);
  if (!reopened) return [];
  if (ANSWERED_TYPES.has(type)) return [ClockKind.Answer, ClockKind.Resolve];
  return VISIT_TYPES.has(type) ? [ClockKind.OnSite, ClockKind.Resolve] : [ClockKind.Resolve];
}

/** A breach raises priority one step (docs/domain.md#escalation); emergency is already the top. */
export function escalatePriority(p: Priority): Priority {
  if (p === Priority.Normal) return Priority.High;
  return Priority.Emergency;
}
