import { ClockKind } from '../tickets/ticket-codes';
import { ClockPolicy, SlaPolicyRule, SlaPolicySelector, SlaSubject } from './sla-types';

/**
 * How much a selector narrows: district beats channel beats area class beats utility, whatever
 * the others (each weight exceeds the sum of the lower ones), so two different selectors that
 * both match a ticket are never equally specific.
 */
const WEIGHTS = { districtId: 8, channel: 4, areaClass: 2, utility: 1 } as const;
type Dimension = keyof typeof WEIGHTS;
const DIMENSIONS = Object.keys(WEIGHTS) as Dimension[];

const isSet = (v: unknown): boolean => v !== null && v !== undefined;

export function selectorSpecificity(s: SlaPolicySelector): number {
  return DIMENSIONS.reduce((n, d) => (isSet(s[d]) ? n + WEIGHTS[d] : n), 0);
}

/** A row applies when its type is the ticket's and each dimension it sets equals the ticket's. */
export function policyApplies(s: SlaPolicySelector, subject: SlaSubject): boolean {
  return s.ticketType === subject.ticketType && DIMENSIONS.every((d) => !isSet(s[d]) || s[d] === subject[d]);
}

/** One text per selector (`repair|power|rural|*|*`): the unique key of a policy row. */
export function policySelectorKey(s: SlaPolicySelector): string {
  return [s.ticketType, s.utility, s.areaClass, s.districtId, s.channel]
    .map((v) => (isSet(v) ? String(v) : '*'))
    .join('|');
}

/**
 * The policy of a ticket (docs/domain.md#clocks): the rows that apply, from the least specific to
 * the most; each clock takes its length from the most specific row that sets it (a rural power
 * repair keeps the repair's contact clock and gets 90 min on site), the at-risk share from the
 * most specific row. Null when no row applies: the ticket runs no clock.
 */
export function resolveSlaPolicy(rules: readonly SlaPolicyRule[], subject: SlaSubject): SlaPolicyRule | null {
  const applying = rules
    .filter((r) => policyApplies(r, subject))
    .sort((a, b) => selectorSpecificity(a) - selectorSpecificity(b));
  if (!applying.length) return null;
  // A Map keeps the position of a clock's first setting: the base row's order, additions after.
  const clocks = new Map<ClockKind, ClockPolicy>();
  for (const rule of applying) for (const c of rule.clocks) clocks.set(c.clock, c);
  return {
    ticketType: subject.ticketType,
    clocks: [...clocks.values()],
    atRiskRatio: applying[applying.length - 1].atRiskRatio,
  };
}
