import { ClockKind as K, TicketType as T } from '../tickets/ticket-codes';
import { DEFAULT_SLA_POLICIES } from './default-policies';
import { policySelectorKey, selectorSpecificity } from './policy-resolution';
import { computeDeadlines } from './sla-deadlines';
import { ClockPolicy } from './sla-types';

const base = DEFAULT_SLA_POLICIES.filter((p) => selectorSpecificity(p) === 0);
const byType = (t: T) => base.find((p) => p.ticketType === t);

describe('DEFAULT_SLA_POLICIES', () => {
  const m = (clock: K, minutes: number): ClockPolicy => ({ clock, minutes });
  const wd = (clock: K, workingDays: number): ClockPolicy => ({ clock, workingDays });
  it.each<[T, ClockPolicy[]]>([
    // Contact within 30 min (heating 九(十)); acceptance alone no longer answers the resident.
    [T.Leak, [m(K.Respond, 5), m(K.Contact, 30), m(K.OnSite, 30), m(K.Resolve, 1440)]],
    [T.Repair, [m(K.Respond, 30), m(K.Contact, 30), m(K.OnSite, 120), m(K.Resolve, 1440)]],
    // The same cold flat as 暖气不热: on site within 2 h, not 24.
    [T.RoomTemperature, [m(K.Respond, 30), m(K.Contact, 30), m(K.OnSite, 120), m(K.Resolve, 1440)]],
    [T.Inspection, [m(K.Resolve, 1440)]],
    [T.Complaint, [m(K.Respond, 1440), m(K.FirstReply, 4320), wd(K.Resolve, 5)]],
    [T.MisconductReport, [wd(K.Respond, 1), wd(K.Resolve, 10)]],
    // A decision within 3 working days (heating 五(二)); a billing reply within 1, and a resolve clock.
    [T.Application, [wd(K.Respond, 1), wd(K.Decision, 3)]],
    [T.Billing, [wd(K.Respond, 1), wd(K.FirstReply, 1), wd(K.Resolve, 5)]],
    [T.ReturnVisit, [m(K.Resolve, 1440)]],
  ])('%s', (type, clocks) => {
    expect(byType(type)).toEqual({ ticketType: type, clocks, atRiskRatio: 0.8 });
  });

  it('has exactly one policy for any district and channel per ticket type', () => {
    expect(base.map((p) => p.ticketType).sort()).toEqual(Object.values(T).sort());
  });

  it('never has two rows for the same selector', () => {
    const keys = DEFAULT_SLA_POLICIES.map(policySelectorKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every policy is valid for computeDeadlines', () => {
    const everyDayWorks = { isWorkingDay: () => true };
    for (const p of DEFAULT_SLA_POLICIES) {
      expect(computeDeadlines(p, new Date('2026-03-09T02:00:00Z'), everyDayWorks)).toHaveLength(p.clocks.length);
    }
  });
});
