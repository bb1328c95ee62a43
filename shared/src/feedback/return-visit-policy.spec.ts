import { chinaWorkCalendar } from '../sla/work-calendar';
import { TicketType } from '../tickets/ticket-codes';
import {
  VisitCandidate,
  VisitUtility,
  defaultReturnVisitPolicy,
  followUpFor,
  returnVisitDecision,
  returnVisitRuleFor,
  returnVisitSchedule,
  sampleDraw,
} from './return-visit-policy';

const sh = (wall: string) => new Date(`${wall}+08:00`);
const T = TicketType;

const policy = defaultReturnVisitPolicy(10);
const candidate = (c: Partial<VisitCandidate> & Pick<VisitCandidate, 'type'>): VisitCandidate => ({
  ticketNo: '20261123000001',
  resolution: 1,
  anonymous: false,
  ...c,
});

describe('returnVisitDecision', () => {
  it.each<[string, Partial<VisitCandidate> & Pick<VisitCandidate, 'type'>, boolean, string]>([
    ['a complaint', { type: T.Complaint }, true, 'policy'],
    ['a leak', { type: T.Leak }, true, 'policy'],
    ['a repair', { type: T.Repair }, true, 'policy'],
    ['a heating repair', { type: T.Repair, utility: 'heating' }, true, 'policy'],
    ['room temperature', { type: T.RoomTemperature, utility: 'heating' }, true, 'policy'],
    [
      'an application (new account, change, power new install)',
      { type: T.Application, utility: 'power' },
      true,
      'policy',
    ],
    ['a named misconduct report', { type: T.MisconductReport }, true, 'policy'],
    ['an anonymous misconduct report', { type: T.MisconductReport, anonymous: true }, false, 'excluded'],
    ['a billing ticket', { type: T.Billing }, false, 'excluded'],
    ['a return visit', { type: T.ReturnVisit }, false, 'excluded'],
  ])('%s → visit %s (%s)', (_what, c, visit, reason) => {
    expect(returnVisitDecision(candidate(c), policy, 's')).toMatchObject({ visit, reason });
  });

  it.each<[number, boolean]>([
    [0, false],
    [100, true],
  ])('share %s %% → sampled work visited: %s', (share, visit) => {
    const d = returnVisitDecision(
      candidate({ type: T.Inspection, ticketNo: '20261123000007' }),
      defaultReturnVisitPolicy(share),
      'seed',
    );
    expect(d).toMatchObject({ visit, reason: visit ? 'sampled' : 'not_sampled', rate: share / 100 });
    expect(d.draw).toBe(sampleDraw('seed', '20261123000007', 1));
  });

  it('visits every power business customer, and samples power homes', () => {
    const power = (usageType: 'residential' | 'commercial') =>
      returnVisitDecision(
        candidate({ type: T.Inspection, utility: 'power', usageType }),
        defaultReturnVisitPolicy(0),
        's',
      );
    expect(power('commercial')).toMatchObject({ visit: true, reason: 'sampled', rate: 1 });
    expect(power('residential')).toMatchObject({ visit: false, reason: 'not_sampled', rate: 0 });
  });

  it('draws each usage stratum at its own share', () => {
    const stratified = {
      disasterHours: 48,
      rules: [
        {
          ...policy.rules.find((r) => r.ticketType === T.Inspection && r.utility === null)!,
          sharePercent: { residential: 10, business: 50 },
        },
      ],
    };
    const share = (usageType: 'residential' | 'industrial') => {
      const n = 4000;
      const visited = Array.from({ length: n }, (_, i) =>
        returnVisitDecision(
          candidate({ type: T.Inspection, ticketNo: `2026112${String(i).padStart(7, '0')}`, usageType }),
          stratified,
          'seed',
        ),
      ).filter((d) => d.visit).length;
      return visited / n;
    };
    expect(share('residential')).toBeGreaterThan(0.08);
    expect(share('residential')).toBeLessThan(0.12);
    expect(share('industrial')).toBeGreaterThan(0.46);
    expect(share('industrial')).toBeLessThan(0.54);
  });

  it('draws the same number for the same ticket, resolution and seed, and another for a new resolution or seed', () => {
    expect(sampleDraw('a', '20261123000001', 1)).toBe(sampleDraw('a', '20261123000001', 1));
    expect(sampleDraw('a', '20261123000001', 2)).not.toBe(sampleDraw('a', '20261123000001', 1));
    expect(sampleDraw('b', '20261123000001', 1)).not.toBe(sampleDraw('a', '20261123000001', 1));
  });

  it('samples close to the configured share over many tickets', () => {
    const n = 10_000;
    const visited = Array.from({ length: n }, (_, i) =>
      returnVisitDecision(
        candidate({ type: T.Inspection, ticketNo: `2026112${String(i).padStart(7, '0')}` }),
        policy,
        'seed',
      ),
    ).filter((d) => d.visit).length;
    expect(visited / n).toBeGreaterThan(0.09);
    expect(visited / n).toBeLessThan(0.11);
  });

  it('refuses a share outside [0, 100] %', () => {
    expect(() => returnVisitDecision(candidate({ type: T.Inspection }), defaultReturnVisitPolicy(150), 's')).toThrow(
      RangeError,
    );
  });
});

describe('returnVisitSchedule', () => {
  const cal = chinaWorkCalendar();
  it.each<[TicketType, VisitUtility | null, string, boolean, string, string]>([
    [T.Repair, 'gas', '2026-11-20T10:00', false, '2026-11-20T10:00', '2026-11-21T10:00'],
    [T.Leak, 'heating', '2026-11-20T23:30', false, '2026-11-20T23:30', '2026-11-21T23:30'],
    [T.Repair, 'power', '2026-11-20T10:00', true, '2026-11-20T10:00', '2026-11-22T10:00'],
    // Heating 回执单: visited 48 h after the repair (Sun 22 Nov 10:00), due by the end of the next working day (Mon 23).
    [T.Repair, 'heating', '2026-11-20T10:00', false, '2026-11-22T10:00', '2026-11-24T00:00'],
    [T.RoomTemperature, 'heating', '2026-11-18T09:00', false, '2026-11-20T09:00', '2026-11-24T00:00'],
    // Friday → 7 working days: Mon 23 … Tue 01 Dec, due at the end of that day.
    [T.Application, null, '2026-11-20T10:00', false, '2026-11-20T10:00', '2026-12-02T00:00'],
    // Friday → 5 working days: Mon 23 … Fri 27.
    [T.Complaint, null, '2026-11-20T10:00', false, '2026-11-20T10:00', '2026-11-28T00:00'],
    // National Day: resolved Wed 30 Sep, 1–7 Oct off, Sat 10 Oct is a 调休 working day.
    [T.Complaint, null, '2026-09-30T10:00', false, '2026-09-30T10:00', '2026-10-14T00:00'],
    [T.Inspection, 'gas', '2026-11-20T10:00', false, '2026-11-20T10:00', '2026-11-28T00:00'],
  ])('%s (%s) resolved %s (disaster %s) → opens %s, due %s', (type, utility, resolved, disaster, opens, due) => {
    const rule = returnVisitRuleFor(policy, type, utility)!;
    expect(returnVisitSchedule(rule, sh(resolved), disaster, cal, policy.disasterHours)).toEqual({
      opensAt: sh(opens),
      dueAt: sh(due),
    });
  });
});

describe('followUpFor', () => {
  type Follow = 'reopen' | 'complaint';
  // type, not fixed, dissatisfied
  const table: [TicketType, Follow, Follow][] = [
    [T.Repair, 'reopen', 'complaint'],
    [T.Leak, 'reopen', 'complaint'],
    [T.RoomTemperature, 'reopen', 'complaint'],
    [T.Inspection, 'reopen', 'complaint'],
    [T.Complaint, 'complaint', 'complaint'],
    [T.Application, 'complaint', 'complaint'],
    [T.Billing, 'complaint', 'complaint'],
    [T.ReturnVisit, 'complaint', 'complaint'],
    [T.MisconductReport, 'reopen', 'reopen'],
    [T.Consultation, 'reopen', 'complaint'],
    [T.Suggestion, 'complaint', 'complaint'],
  ];

  it.each(table)('%s → not fixed: %s, dissatisfied: %s', (type, notFixed, dissatisfied) => {
    expect(followUpFor(type, 'not_fixed')).toBe(notFixed);
    expect(followUpFor(type, 'dissatisfied')).toBe(dissatisfied);
  });

  it('the table names every ticket type', () => {
    expect(table.map(([type]) => type).sort()).toEqual(Object.values(TicketType).sort());
  });
});
