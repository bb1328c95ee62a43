import { RoutingRule, RoutingTarget } from './routing-types';

/**
 * How specific a rule is for this target, or -1 when it does not apply.
 * A rule naming a station or district only applies there, so a station rule never
 * catches a ticket with no known station, and a district rule never leaks into another district.
 */
function specificity(rule: RoutingRule, target: RoutingTarget): number {
  if (rule.ticketType !== target.type) return -1;
  if (rule.stationId !== null && rule.stationId !== target.stationId) return -1;
  if (rule.districtId !== null && rule.districtId !== target.districtId) return -1;
  if (rule.stationId !== null) return 2;
  if (rule.districtId !== null) return 1;
  return 0;
}

/**
 * Queue for a new ticket: station rule > district rule > anywhere rule; ties go to the
 * lowest rule id so the answer never depends on the order rows come back from the database.
 * Null means no rule applies and the caller sends the ticket to triage.
 */
export function routeTicket(rules: RoutingRule[], target: RoutingTarget): number | null {
  let best: RoutingRule | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    const score = specificity(rule, target);
    if (score < 0) continue;
    if (score > bestScore || (score === bestScore && best !== null && rule.id < best.id)) {
      best = rule;
      bestScore = score;
    }
  }
  return best?.queueId ?? null;
}
