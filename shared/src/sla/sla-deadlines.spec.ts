import { ClockKind as K, Priority as P, TicketStatus as S, TicketType as T } from '../tickets/ticket-codes';
import {
  clockPhase,
  clocksRestartedBy,
  clocksStoppedBy,
  computeDeadlines,
  DEFAULT_AT_RISK_RATIO,
  escalatePriority,
  SlaPolicyError,
} from './sla-deadlines';
import { ClockPolicy, SlaPolicyRule, WorkCalendar } from './sla-types';

const sh = (wall: string) => new Date(`${wall}+08:00`);

/** Weekdays minus 2026's National Day week, plus the 调休 Saturday: enough to test without chinese-days. */
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
const CALENDAR: WorkCalendar = {
  isWorkingDay: (d) =>
    d === '2026-10-10' || (!HOLIDAYS.has(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())),
};

const policy = (ticketType: T, clocks: ClockPolicy[]): SlaPolicyRule => ({ ticketType, clocks, atRiskRatio: 0.8 });

describe('computeDeadlines', () => {
  const eve = sh('2026-09-30T23:50:00');

  it('adds minutes on the 24/7 clock, through holidays', () => {
    const due = computeDeadlines(
      policy(T.Leak, [
        { clock: K.Respond, minutes: 5 },
        { clock: K.OnSite, minutes: 30 },
        { clock: K.Resolve, minutes: 1440 },
      ]),
      eve,
      CALENDAR,
    );
    expect(due).toEqual([
      { kind: K.Respond, dueAt: new Date('2026-09-30T15:55:00.000Z') },
      { kind: K.OnSite, dueAt: new Date('2026-09-30T16:20:00.000Z') },
      { kind: K.Resolve, dueAt: new Date('2026-10-01T15:50:00.000Z') },
    ]);
  });

  it('counts working days for desk work, after the holiday', () => {
    const due = computeDeadlines(
      policy(T.Complaint, [
        { clock: K.Respond, minutes: 1440 },
        { clock: K.Resolve, workingDays: 5 },
      ]),
      eve,
      CALENDAR,
    );
    // 10-08, 10-09, 10-10 (调休), 10-12, 10-13 → end of 10-13 Shanghai.
    expect(due).toEqual([
      { kind: K.Respond, dueAt: new Date('2026-10-01T15:50:00.000Z') },
      { kind: K.Resolve, dueAt: new Date('2026-10-13T16:00:00.000Z') },
    ]);
  });

  it('treats a database null as absent', () => {
    const clock = { clock: K.Respond, minutes: null, workingDays: 1 } as unknown as ClockPolicy;
    expect(computeDeadlines(policy(T.Billing, [clock]), eve, CALENDAR)).toEqual([
      { kind: K.Respond, dueAt: new Date('2026-10-08T16:00:00.000Z') },
    ]);
  });

  it('returns nothing for a policy without clocks', () => {
    expect(computeDeadlines(policy(T.Billing, []), eve, CALENDAR)).toEqual([]);
  });

  it.each<[string, ClockPolicy[], RegExp]>([
    ['neither length', [{ clock: K.Respond }], /exactly one/],
    ['both lengths', [{ clock: K.Respond, minutes: 30, workingDays: 1 }], /exactly one/],
    ['zero minutes', [{ clock: K.Respond, minutes: 0 }], /positive/],
    ['negative minutes', [{ clock: K.Respond, minutes: -5 }], /positive/],
    ['NaN minutes', [{ clock: K.Respond, minutes: NaN }], /positive/],
    ['zero working days', [{ clock: K.Resolve, workingDays: 0 }], /positive integer/],
    ['fractional working days', [{ clock: K.Resolve, workingDays: 1.5 }], /positive integer/],
    [
      'a clock twice',
      [
        { clock: K.Respond, minutes: 5 },
        { clock: K.Respond, minutes: 10 },
      ],
      /twice/,
    ],
  ])('refuses %s', (_name, clocks, message) => {
    const run = () => computeDeadlines(policy(T.Repair, clocks), eve, CALENDAR);
    expect(run).toThrow(SlaPolicyError);
    expect(run).toThrow(message);
  });

  it('refuses an invalid start', () => {
    expect(() =>
      computeDeadlines(policy(T.Repair, [{ clock: K.Respond, minutes: 5 }]), new Date(NaN), CALENDAR),
    ).toThrow(RangeError);
  });
});

describe('clockPhase', () => {
  const start = new Date('2026-03-09T02:00:00.000Z');
  const due = new Date(start.getTime() + 100 * 60_000);
  const at = (minutes: number, ms = 0) => new Date(start.getTime() + minutes * 60_000 + ms);

  it.each<[string, Date, number, string]>([
    ['before the start', at(-1), 0.8, 'running'],
    ['at the start', at(0), 0.8, 'running'],
    ['79 % used', at(79), 0.8, 'running'],
    ['just under 80 %', at(80, -1), 0.8, 'running'],
    ['80 % used', at(80), 0.8, 'at_risk'],
    ['99 % used', at(99), 0.8, 'at_risk'],
    ['exactly due (still on time)', at(100), 0.8, 'at_risk'],
    ['1 ms after due', at(100, 1), 0.8, 'breached'],
    ['a day after due', at(100 + 1440), 0.8, 'breached'],
    ['ratio 1: at risk only at the due instant', at(99), 1, 'running'],
    ['ratio 0: at risk from the start', at(0), 0, 'at_risk'],
  ])('%s', (_name, now, ratio, expected) => {
    expect(clockPhase(start, due, now, ratio)).toBe(expected);
  });

  it('flags a 5-minute leak response at 4 minutes', () => {
    const leakDue = at(5);
    expect(clockPhase(start, leakDue, at(3, 59_999), DEFAULT_AT_RISK_RATIO)).toBe('running');
    expect(clockPhase(start, leakDue, at(4), DEFAULT_AT_RISK_RATIO)).toBe('at_risk');
  });

  it.each([-0.1, 1.1, NaN])('refuses ratio %p', (ratio) => {
    expect(() => clockPhase(start, due, at(1), ratio)).toThrow(RangeError);
  });

  it('refuses invalid dates', () => {
    expect(() => clockPhase(start, new Date(NaN), at(1), 0.8)).toThrow(RangeError);
  });
});

describe('clocksStoppedBy', () => {
  it.each<[S, K[], K[]]>([
    // [entered status, visit type (repair), desk type (complaint)]
    [S.Submitted, [], []],
    [S.Accepted, [K.Respond], [K.Respond]],
    [S.Assigned, [K.Respond], [K.Respond]],
    [S.EnRoute, [K.Respond], [K.Respond]],
    [S.OnSite, [K.Respond, K.OnSite, K.Contact], [K.Respond, K.OnSite, K.Contact]],
    [
      S.Resolved,
      [K.Respond, K.Resolve, K.Contact, K.Decision, K.FirstReply, K.Answer],
      [K.Respond, K.OnSite, K.Resolve, K.Contact, K.Decision, K.FirstReply, K.Answer],
    ],
    ...[S.Closed, S.Cancelled].map((to): [S, K[], K[]] => {
      const all = [K.Respond, K.OnSite, K.Resolve, K.Contact, K.Decision, K.FirstReply, K.Answer];
      return [to, all, all];
    }),
  ])('entering %s stops %j (visit) / %j (desk)', (to, visit, desk) => {
    expect(clocksStoppedBy(to, T.Repair)).toEqual(visit);
    expect(clocksStoppedBy(to, T.Complaint)).toEqual(desk);
  });
});

describe('clocksRestartedBy', () => {
  it.each<[S, S, T, K[]]>([
    [S.Accepted, S.Resolved, T.Repair, [K.OnSite, K.Resolve]],
    [S.Accepted, S.Closed, T.Leak, [K.OnSite, K.Resolve]],
    [S.Accepted, S.Resolved, T.Complaint, [K.Resolve]],
    [S.Accepted, S.Closed, T.Billing, [K.Resolve]],
    [S.Accepted, S.Resolved, T.Consultation, [K.Answer, K.Resolve]],
    // Hand-backs and first acceptance are not reopenings.
    [S.Accepted, S.Assigned, T.Repair, []],
    [S.Accepted, S.OnSite, T.Repair, []],
    [S.Accepted, S.Submitted, T.Repair, []],
    [S.Closed, S.Resolved, T.Repair, []],
    [S.Resolved, S.OnSite, T.Repair, []],
  ])('%s from %s (%s) restarts %j', (to, from, type, expected) => {
    expect(clocksRestartedBy(to, from, type)).toEqual(expected);
  });
});

describe('escalatePriority', () => {
  it.each<[P, P]>([
    [P.Normal, P.High],
    [P.High, P.Emergency],
    [P.Emergency, P.Emergency],
  ])('%s → %s', (from, to) => {
    expect(escalatePriority(from)).toBe(to);
  });

  it('DEFAULT_AT_RISK_RATIO is 80 %', () => {
    expect(DEFAULT_AT_RISK_RATIO).toBe(0.8);
  });
});
