import { TicketType as T } from './ticket-codes';
import { RoutingRule, RoutingTarget } from './routing-types';
import { routeTicket } from './ticket-routing';

const rule = (
  id: number,
  ticketType: T,
  districtId: number | null,
  stationId: number | null,
  queueId: number,
): RoutingRule => ({
  id,
  ticketType,
  districtId,
  stationId,
  queueId,
});

// District 1 holds stations 10 and 11; district 2 holds station 20.
const RULES: RoutingRule[] = [
  rule(1, T.Repair, null, null, 100), // repair anywhere
  rule(2, T.Repair, 1, null, 110), // repair in district 1
  rule(3, T.Repair, 1, 10, 111), // repair at station 10
  rule(4, T.Leak, 2, null, 200), // leak in district 2 only
  rule(5, T.Complaint, null, null, 300),
  rule(6, T.Billing, null, 20, 400), // station rule without district
  rule(7, T.Billing, 2, 20, 401), // station rule with a district that disagrees below
];

describe('routeTicket', () => {
  it.each<[string, RoutingTarget, number | null]>([
    ['station beats district and anywhere', { type: T.Repair, districtId: 1, stationId: 10 }, 111],
    ['district beats anywhere when station has no rule', { type: T.Repair, districtId: 1, stationId: 11 }, 110],
    ['district rule with unknown station', { type: T.Repair, districtId: 1, stationId: null }, 110],
    ['anywhere when district has no rule', { type: T.Repair, districtId: 2, stationId: 20 }, 100],
    ['anywhere when nothing is known', { type: T.Repair, districtId: null, stationId: null }, 100],
    ['other district never matches', { type: T.Leak, districtId: 1, stationId: 10 }, null],
    ['district rule matches its own district', { type: T.Leak, districtId: 2, stationId: 20 }, 200],
    ['district rule does not match unknown district', { type: T.Leak, districtId: null, stationId: null }, null],
    ['type with only an anywhere rule', { type: T.Complaint, districtId: 2, stationId: 20 }, 300],
    ['type with no rule at all → triage', { type: T.Application, districtId: 1, stationId: 10 }, null],
    ['station rules tie → lowest id', { type: T.Billing, districtId: 2, stationId: 20 }, 400],
    ['station rule whose district differs does not match', { type: T.Billing, districtId: 3, stationId: 20 }, 400],
    ['other station never matches', { type: T.Billing, districtId: 2, stationId: 21 }, null],
  ])('%s', (_name, target, expected) => {
    expect(routeTicket(RULES, target)).toBe(expected);
  });

  it('breaks ties by lowest id whatever the input order', () => {
    const tied = [rule(9, T.Repair, 1, null, 900), rule(8, T.Repair, 1, null, 800), rule(12, T.Repair, 1, null, 1200)];
    const target = { type: T.Repair, districtId: 1, stationId: 10 };
    expect(routeTicket(tied, target)).toBe(800);
    expect(routeTicket([...tied].reverse(), target)).toBe(800);
  });

  it('prefers specificity over id', () => {
    const rules = [
      rule(50, T.Repair, 1, 10, 5000),
      rule(1, T.Repair, null, null, 100),
      rule(2, T.Repair, 1, null, 200),
    ];
    expect(routeTicket(rules, { type: T.Repair, districtId: 1, stationId: 10 })).toBe(5000);
  });

  it('returns null for no rules', () => {
    expect(routeTicket([], { type: T.Repair, districtId: 1, stationId: 10 })).toBeNull();
  });
});
