import type { UsageType } from '../accounts/account-import';
import { TicketType } from '../tickets/ticket-codes';
import { VISIT_TYPES } from '../tickets/ticket-state-machine';
import { addWorkingDays } from '../sla/sla-deadlines';
import { WorkCalendar } from '../sla/sla-types';

/** What a supply utility is, for policies that differ by it (a heating repair's 48-hour rule). */
export type VisitUtility = 'gas' | 'heating' | 'power';

/** The strata of the sample (docs/domain.md#return-visits): homes, and everyone else (非居民: shops, works, institutions). */
export type UsageStratum = 'residential' | 'business';
export const USAGE_STRATA: readonly UsageStratum[] = ['residential', 'business'];

export function usageStratum(usageType: UsageType | null): UsageStratum {
  return usageType === null || usageType === 'residential' ? 'residential' : 'business';
}

/**
 * When a visit is made and when it is due: the visit opens `afterHours` after the resolution
 * (heating 回执单: 48 h after), and is due `dueHours` later (24/7) or at the end of the
 * `dueWorkingDays`-th working day after it opens. Exactly one of the two.
 */
export interface ReturnVisitTiming {
  afterHours: number;
  dueHours?: number;
  dueWorkingDays?: number;
}

/**
 * The return-visit rule of one business (ticket type), optionally of one utility (null = any;
 * the utility's own rule wins). `all`: every resolution is visited; `sampled`: the share of each
 * usage stratum (percent) is drawn; `none`: never visited.
 */
export interface ReturnVisitRule {
  ticketType: TicketType;
  utility: VisitUtility | null;
  scope: 'all' | 'sampled' | 'none';
  sharePercent: Record<UsageStratum, number>;
  timing: ReturnVisitTiming;
  /** What the agent asks, in order (shown on the visit task). */
  questions: string[];
}

export interface ReturnVisitPolicy {
  rules: ReturnVisitRule[];
  /** In a declared disaster period a visit due within hours gets at least this many (docs/domain.md#return-visits: 48 h). */
  disasterHours: number;
}

const FIELD_QUESTIONS = ['问题是否已经解决？', '师傅是否按约定时间上门？', '服务态度是否满意？', '收费是否合理？'];
const DESK_QUESTIONS = ['您反映的事项是否已经办结？', '办理是否及时？', '服务态度是否满意？'];

/**
 * docs/domain.md#return-visits, with the regulations' figures: every complaint, named report,
 * emergency, repair and business application (new accounts, changes, power new installs) is
 * visited; inspections are sampled per usage stratum, a power business customer always; billing
 * and the visits themselves never. Field work within 24 h, a heating repair 48 h after it was
 * finished and due within one working day after that; applications 7 working days, complaints
 * and the rest 5. `sharePercent`: the sampled share of homes (the operator's default, 10 %).
 */
export function defaultReturnVisitPolicy(sharePercent = 10): ReturnVisitPolicy {
  const all = { residential: 100, business: 100 };
  const sampled = { residential: sharePercent, business: sharePercent };
  const rule = (
    ticketType: TicketType,
    scope: ReturnVisitRule['scope'],
    timing: ReturnVisitTiming,
    questions: string[],
    utility: VisitUtility | null = null,
    share = scope === 'sampled' ? sampled : all,
  ): ReturnVisitRule => ({ ticketType, utility, scope, sharePercent: share, timing, questions });
  const field = { afterHours: 0, dueHours: 24 };
  const heatingReceipt = { afterHours: 48, dueWorkingDays: 1 };
  const wd = (days: number) => ({ afterHours: 0, dueWorkingDays: days });
  return {
    disasterHours: 48,
    rules: [
      rule(TicketType.Leak, 'all', field, FIELD_QUESTIONS),
      rule(TicketType.Repair, 'all', field, FIELD_QUESTIONS),
      rule(TicketType.Repair, 'all', heatingReceipt, FIELD_QUESTIONS, 'heating'),
      rule(TicketType.RoomTemperature, 'all', field, FIELD_QUESTIONS),
      rule(TicketType.RoomTemperature, 'all', heatingReceipt, FIELD_QUESTIONS, 'heating'),
      rule(TicketType.Complaint, 'all', wd(5), DESK_QUESTIONS),
      rule(TicketType.MisconductReport, 'all', wd(5), DESK_QUESTIONS),
      rule(TicketType.Application, 'all', wd(7), DESK_QUESTIONS),
      rule(TicketType.Inspection, 'sampled', wd(5), FIELD_QUESTIONS),
      rule(TicketType.Inspection, 'sampled', wd(5), FIELD_QUESTIONS, 'power', {
        residential: sharePercent,
        business: 100,
      }),
      rule(TicketType.Billing, 'none', wd(5), []),
      // Answered in words: the resident's own satisfaction check (已解决 / 未解决) stands in for a visit.
      rule(TicketType.Consultation, 'none', wd(5), []),
      rule(TicketType.Suggestion, 'none', wd(5), []),
    ],
  };
}

/** The rule for a ticket: its utility's own, else the type's rule for any utility; null = not visited. */
export function returnVisitRuleFor(
  policy: ReturnVisitPolicy,
  type: TicketType,
  utility: VisitUtility | null,
): ReturnVisitRule | null {
  const mine = policy.rules.filter((r) => r.ticketType === type);
  return mine.find((r) => r.utility !== null && r.utility === utility) ?? mine.find((r) => r.utility === null) ?? null;
}

export interface VisitDecision {
  visit: boolean;
  reason: 'policy' | 'sampled' | 'not_sampled' | 'excluded';
  /** The draw in [0, 1) compared with the rate, for sampled types. */
  draw: number | null;
  rate: number | null;
}

/** FNV-1a over the text: the same ticket, resolution and seed always draw the same number. */
export function sampleDraw(seed: string, ticketNo: string, resolution: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${ticketNo}:${resolution}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

export interface VisitCandidate {
  type: TicketType;
  ticketNo: string;
  /** 1 for the first resolution, 2 after a reopen… each resolution is decided on its own. */
  resolution: number;
  /** An anonymous report: calling the reporter would reveal them, so it is never visited. */
  anonymous: boolean;
  /** The account's utility and usage type (null without an account: a home of no known utility). */
  utility?: VisitUtility | null;
  usageType?: UsageType | null;
}

/**
 * Whether a resolution is visited: the rule's scope, or for a sampled business the draw against
 * the share of the resident's usage stratum (each stratum drawn at its own share).
 */
export function returnVisitDecision(c: VisitCandidate, policy: ReturnVisitPolicy, seed: string): VisitDecision {
  const rule = returnVisitRuleFor(policy, c.type, c.utility ?? null);
  if (c.anonymous || c.type === TicketType.ReturnVisit || !rule || rule.scope === 'none')
    return { visit: false, reason: 'excluded', draw: null, rate: null };
  if (rule.scope === 'all') return { visit: true, reason: 'policy', draw: null, rate: null };
  const rate = rule.sharePercent[usageStratum(c.usageType ?? null)] / 100;
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`sample share must be within [0, 100] %, got ${rate * 100}`);
  const draw = sampleDraw(seed, c.ticketNo, c.resolution);
  return draw < rate
    ? { visit: true, reason: 'sampled', draw, rate }
    : { visit: false, reason: 'not_sampled', draw, rate };
}

export interface ReturnVisitSchedule {
  /** When the visit opens (the task's clock starts then). */
  opensAt: Date;
  dueAt: Date;
}

/** When the visit of work finished at `resolvedAt` opens and is due, under its rule. */
export function returnVisitSchedule(
  rule: ReturnVisitRule,
  resolvedAt: Date,
  disaster: boolean,
  calendar: WorkCalendar,
  disasterHours: number,
): ReturnVisitSchedule {
  const opensAt = new Date(resolvedAt.getTime() + rule.timing.afterHours * 3_600_000);
  const { dueHours, dueWorkingDays } = rule.timing;
  if (dueHours !== undefined) {
    const hours = disaster ? Math.max(dueHours, disasterHours) : dueHours;
    return { opensAt, dueAt: new Date(opensAt.getTime() + hours * 3_600_000) };
  }
  return { opensAt, dueAt: addWorkingDays(opensAt, dueWorkingDays ?? 1, calendar) };
}

/** Why the work goes round the loop: the problem is still there, or the resident is unhappy with the service. */
export type FollowUpCause = 'not_fixed' | 'dissatisfied';

/**
 * What a bad outcome does. Not fixed: field work goes back out (same number, fresh clocks), desk
 * work becomes a complaint. Dissatisfied (不满意, fixed or not yet visited): the service itself is
 * in question, so a complaint is opened, whatever the work was. A report is always reopened: a
 * complaint would take it out of the supervisors' hands (and near an anonymous reporter). An
 * unanswered consultation is reopened too: the resident's question still stands.
 */
export function followUpFor(type: TicketType, cause: FollowUpCause): 'reopen' | 'complaint' {
  if (type === TicketType.MisconductReport) return 'reopen';
  // A question not answered is asked again on the same ticket (docs/domain.md#consultations).
  if (type === TicketType.Consultation && cause === 'not_fixed') return 'reopen';
  return cause === 'not_fixed' && VISIT_TYPES.has(type) ? 'reopen' : 'complaint';
}
