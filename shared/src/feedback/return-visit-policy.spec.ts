import { chinaWorkCalendar } from '../sla/work-calendar';
import { TicketType } from '../tickets/ticket-codes';
import { followUpFor, returnVisitDeadline, returnVisitDecision, sampleDraw } from './return-visit-policy';

const sh = (wall: string) => new Date(`${wall}+08:00`);
const T = TicketType;

describe('returnVisitDecision', () => {
  it.each<[TicketType, boolean, string]>([
    [T.Complaint, true, 'policy'],
    [T.Leak, true, 'policy'],
    [T.Repair, true, 'policy'],
    [T.RoomTemperature, true, 'policy'],
    [T.Billing, false, 'excluded'],
    [T.ReturnVisit, false, 'excluded'],
  ])('%s → visit %s (%s)', (type, visit, reason) => {
    expect(
      returnVisitDecision({ type, ticketNo: '20261123000001', resolution: 1, anonymous: false }, 0.1, 's'),
    ).toMatchObject({ visit, reason });
  });

  it('never visits an anonymous report, whatever the draw', () => {
    expect(
      returnVisitDecision({ type: T.MisconductReport, ticketNo: 'x', resolution: 1, anonymous: true }, 1, 's'),
    ).toMatchObject({ visit: false, reason: 'excluded' });
  });

  it.each<[number, boolean]>([
    [0, false],
    [1, true],
  ])('rate %s → sampled work visited: %s', (rate, visit) => {
    const d = returnVisitDecision(
      { type: T.Application, ticketNo: '20261123000007', resolution: 1, anonymous: false },
      rate,
      'seed',
    );
    expect(d).toMatchObject({ visit, reason: visit ? 'sampled' : 'not_sampled', rate });
    expect(d.draw).toBe(sampleDraw('seed', '20261123000007', 1));
  });

  it('draws the same number for the same ticket, resolution and seed, and another for a new resolution or seed', () => {
    expect(sampleDraw('a', '20261123000001', 1)).toBe(sampleDraw('a', '20261123000001', 1));
    expect(sampleDraw('a', '20261123000001', 2)).not.toBe(sampleDraw('a', '20261123000001', 1));
    expect(sampleDraw('b', '20261123000001', 1)).not.toBe(sampleDraw('a', '20261123000001', 1));
  });

  it('samples close to the configured rate over many tickets', () => {
    const n = 10_000;
    const visited = Array.from({ length: n }, (_, i) =>
      returnVisitDecision(
        { type: T.Inspection, ticketNo: `2026112${String(i).padStart(7, '0')}`, resolution: 1, anonymous: false },
        0.1,
        'seed',
      ),
    ).filter((d) => d.visit).length;
    expect(visited / n).toBeGreaterThan(0.09);
    expect(visited / n).toBeLessThan(0.11);
  });

  it('refuses a rate outside [0, 1]', () => {
    expect(() =>
      returnVisitDecision({ type: T.Inspection, ticketNo: 'x', resolution: 1, anonymous: false }, 1.5, 's'),
    ).toThrow(RangeError);
  });
});

describe('returnVisitDeadline', () => {
  const cal = chinaWorkCalendar();
  it.each<[TicketType, string, boolean, string]>([
    [T.Repair, '2026-11-20T10:00', false, '2026-11-21T10:00'],
    [T.Leak, '2026-11-20T23:30', false, '2026-11-21T23:30'],
    [T.RoomTemperature, '2026-11-20T10:00', true, '2026-11-22T10:00'],
    [T.Repair, '2026-11-20T10:00', true, '2026-11-22T10:00'],
    // Friday → 7 working days: Mon 23 … Tue 01 Dec, due at the end of that day.
    [T.Application, '2026-11-20T10:00', false, '2026-12-02T00:00'],
    // Friday → 5 working days: Mon 23 … Fri 27.
    [T.Complaint, '2026-11-20T10:00', false, '2026-11-28T00:00'],
    // National Day: resolved Wed 30 Sep, 1–7 Oct off, Sat 10 Oct is a 调休 working day.
    [T.Complaint, '2026-09-30T10:00', false, '2026-10-14T00:00'],
    [T.Inspection, '2026-11-20T10:00', false, '2026-11-28T00:00'],
  ])('%s resolved %s (disaster %s) → due %s', (type, resolved, disaster, due) => {
    expect(returnVisitDeadline(type, sh(resolved), disaster, cal).toISOString()).toBe(sh(due).toISOString());
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
  ];

  it.each(table)('%s → not fixed: %s, dissatisfied: %s', (type, notFixed, dissatisfied) => {
    expect(followUpFor(type, 'not_fixed')).toBe(notFixed);
    expect(followUpFor(type, 'dissatisfied')).toBe(dissatisfied);
  });

  it('the table names every ticket type', () => {
    expect(table.map(([type]) => type).sort()).toEqual(Object.values(TicketType).sort());
  });
});
