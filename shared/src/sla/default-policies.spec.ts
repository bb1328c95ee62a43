import { ClockKind as K, TicketType as T } from '../tickets/ticket-codes';
import { DEFAULT_SLA_POLICIES } from './default-policies';
import { computeDeadlines } from './sla-deadlines';
import { ClockPolicy } from './sla-types';

const byType = (t: T) => DEFAULT_SLA_POLICIES.find((p) => p.ticketType === t);

describe('DEFAULT_SLA_POLICIES', () => {
  it.each<[T, ClockPolicy[]]>([
    [
      T.Leak,
      [
        { clock: K.Respond, minutes: 5 },
        { clock: K.OnSite, minutes: 30 },
        { clock: K.Resolve, minutes: 1440 },
      ],
    ],
    [
      T.Repair,
      [
        { clock: K.Respond, minutes: 30 },
        { clock: K.OnSite, minutes: 120 },
        { clock: K.Resolve, minutes: 1440 },
      ],
    ],
    [
      T.RoomTemperature,
      [
        { clock: K.Respond, minutes: 30 },
        { clock: K.OnSite, minutes: 1440 },
        { clock: K.Resolve, minutes: 4320 },
      ],
    ],
    [T.Inspection, [{ clock: K.Resolve, minutes: 1440 }]],
    [
      T.Complaint,
      [
        { clock: K.Respond, minutes: 1440 },
        { clock: K.FirstReply, minutes: 4320 },
        { clock: K.Resolve, workingDays: 5 },
      ],
    ],
    [
      T.MisconductReport,
      [
        { clock: K.Respond, workingDays: 1 },
        { clock: K.Resolve, workingDays: 10 },
      ],
    ],
    [T.Application, [{ clock: K.Respond, workingDays: 3 }]],
    [T.Billing, [{ clock: K.Respond, workingDays: 1 }]],
    [T.ReturnVisit, [{ clock: K.Resolve, minutes: 1440 }]],
  ])('%s', (type, clocks) => {
    expect(byType(type)).toEqual({ ticketType: type, clocks, atRiskRatio: 0.8 });
  });

  it('has exactly one policy per ticket type', () => {
    expect(DEFAULT_SLA_POLICIES.map((p) => p.ticketType).sort()).toEqual(Object.values(T).sort());
  });

  it('every policy is valid for computeDeadlines', () => {
    const everyDayWorks = { isWorkingDay: () => true };
    for (const p of DEFAULT_SLA_POLICIES) {
      expect(computeDeadlines(p, new Date('2026-03-09T02:00:00Z'), everyDayWorks)).toHaveLength(p.clocks.length);
    }
  });
});
