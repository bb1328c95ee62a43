import { ClockFact } from './report-facts';
import { Channel, ClockKind, OCTOBER, Role, TicketStatus, TicketType, resolvedBy, sh } from './report-fixtures';
import {
  byChannel,
  complaintResolution,
  onTimeRateByClock,
  resolutionsInMonth,
  ticketsByTypeAndDistrict,
} from './ticket-sections';

const ticket = (
  id: number,
  type: TicketType,
  districtId: number | null,
  createdAt: Date,
  channel: Channel = Channel.Miniapp,
) => ({ id, type, districtId, channel, createdAt });

describe('tickets by type and district', () => {
  it("counts the month's tickets in Shanghai days: the 1st 00:00 is in, the next 1st 00:00 is out", () => {
    const tickets = [
      ticket(1, TicketType.Repair, 1, sh('10-01 00:00')),
      ticket(2, TicketType.Repair, 1, sh('10-15 12:00')),
      ticket(3, TicketType.Repair, 2, sh('10-31 23:59')),
      ticket(4, TicketType.Leak, 1, sh('10-20 08:00')),
      ticket(5, TicketType.Billing, null, sh('10-09 10:00')),
      ticket(6, TicketType.Repair, 1, sh('09-30 23:59')),
      ticket(7, TicketType.Repair, 1, new Date('2026-10-31T16:00:00Z')),
    ];
    expect(ticketsByTypeAndDistrict({ tickets }, OCTOBER)).toEqual({
      rows: [
        { type: 'leak', districtId: 1, count: 1 },
        { type: 'repair', districtId: 1, count: 2 },
        { type: 'repair', districtId: 2, count: 1 },
        { type: 'billing', districtId: null, count: 1 },
      ],
      byType: [
        { type: 'leak', count: 1 },
        { type: 'repair', count: 3 },
        { type: 'billing', count: 1 },
      ],
      total: 5,
    });
  });
});

describe('on-time rate per clock', () => {
  const clock = (ticketId: number, kind: ClockKind, dueAt: Date, stoppedAt: Date | null): ClockFact => ({
    ticketId,
    kind,
    dueAt,
    stoppedAt,
  });
  it.each([
    ['met before due', clock(1, ClockKind.Respond, sh('10-05 10:00'), sh('10-05 09:50')), 'onTime'],
    ['met exactly at due', clock(2, ClockKind.Respond, sh('10-05 10:00'), sh('10-05 10:00')), 'onTime'],
    [
      'met a millisecond late',
      clock(3, ClockKind.Respond, sh('10-05 10:00'), new Date(sh('10-05 10:00').getTime() + 1)),
      'late',
    ],
    ['still running past due in the month', clock(4, ClockKind.Respond, sh('10-30 10:00'), null), 'late'],
    ['stopped in September', clock(5, ClockKind.Respond, sh('09-30 10:00'), sh('09-30 09:00')), 'none'],
    ['running, due in November', clock(6, ClockKind.Respond, sh('11-02 10:00'), null), 'none'],
    ['running, due the 31st at 23:00 and never met', clock(7, ClockKind.Respond, sh('10-31 23:00'), null), 'late'],
    [
      "missed in September, stopped in October: September's",
      clock(8, ClockKind.Respond, sh('09-29 10:00'), sh('10-01 08:00')),
      'none',
    ],
    [
      "missed in October, stopped in November: October's",
      clock(9, ClockKind.Respond, sh('10-29 10:00'), new Date('2026-11-02T00:00:00Z')),
      'late',
    ],
    [
      'met in November before asOf',
      clock(10, ClockKind.Respond, new Date('2026-11-02T10:00:00Z'), new Date('2026-11-02T00:00:00Z')),
      'none',
    ],
  ])('%s', (_name, c, expected) => {
    const [respond] = onTimeRateByClock({ clocks: [c], breaches: [] }, OCTOBER);
    expect({ onTime: respond.onTime, late: respond.late }).toEqual(
      expected === 'onTime'
        ? { onTime: 1, late: 0 }
        : expected === 'late'
          ? { onTime: 0, late: 1 }
          : { onTime: 0, late: 0 },
    );
  });

  it('a recorded breach keeps the clock late even after a recompute moved its deadline past the stop', () => {
    const c = clock(9, ClockKind.Resolve, sh('10-20 10:00'), sh('10-10 10:00'));
    const breach = { ticketId: 9, clock: ClockKind.Resolve, breachedAt: sh('10-09 10:00') };
    expect(onTimeRateByClock({ clocks: [c], breaches: [breach] }, OCTOBER)[2]).toEqual({
      clock: 'resolve',
      counted: 1,
      onTime: 0,
      late: 1,
      rate: 0,
    });
  });

  it('rates each clock separately, rounded to 4 decimals; a clock with nothing counted has no rate', () => {
    const clocks = [
      clock(1, ClockKind.Respond, sh('10-05 10:00'), sh('10-05 09:00')),
      clock(2, ClockKind.Respond, sh('10-06 10:00'), sh('10-06 09:00')),
      clock(3, ClockKind.Respond, sh('10-07 10:00'), sh('10-07 11:00')),
      clock(1, ClockKind.Resolve, sh('10-06 10:00'), sh('10-06 09:00')),
      // Nobody called the resident for 40 minutes: a late contact, whatever the acceptance did.
      clock(4, ClockKind.Contact, sh('10-08 10:30'), sh('10-08 10:40')),
    ];
    expect(onTimeRateByClock({ clocks, breaches: [] }, OCTOBER)).toEqual([
      { clock: 'respond', counted: 3, onTime: 2, late: 1, rate: 0.6667 },
      { clock: 'on_site', counted: 0, onTime: 0, late: 0, rate: null },
      { clock: 'resolve', counted: 1, onTime: 1, late: 0, rate: 1 },
      { clock: 'first_reply', counted: 0, onTime: 0, late: 0, rate: null },
      { clock: 'contact', counted: 1, onTime: 0, late: 1, rate: 0 },
      { clock: 'decision', counted: 0, onTime: 0, late: 0, rate: null },
      { clock: 'opinion', counted: 0, onTime: 0, late: 0, rate: null },
      { clock: 'answer', counted: 0, onTime: 0, late: 0, rate: null },
    ]);
  });
});

describe('complaint resolution', () => {
  it('counts complaints received in the month, less the withdrawn, resolved by generation time', () => {
    const tickets = [
      ticket(1, TicketType.Complaint, 1, sh('10-02 09:00')),
      ticket(2, TicketType.Complaint, 1, sh('10-10 09:00')),
      ticket(3, TicketType.Complaint, 1, sh('10-29 09:00')),
      ticket(4, TicketType.Complaint, 1, sh('10-30 09:00')),
      ticket(5, TicketType.Complaint, 1, sh('09-28 09:00')),
      ticket(6, TicketType.Repair, 1, sh('10-03 09:00')),
    ];
    const transitions = [
      resolvedBy(1, 10, sh('10-03 09:00'), Role.Agent),
      resolvedBy(2, 10, new Date('2026-11-02T00:00:00Z'), Role.Agent),
      resolvedBy(3, 10, new Date('2026-11-05T00:00:00Z'), Role.Agent),
      { ticketId: 4, toStatus: TicketStatus.Cancelled, actorId: 1, actorRole: Role.Resident, at: sh('10-30 10:00') },
      resolvedBy(5, 10, sh('10-03 09:00'), Role.Agent),
      resolvedBy(6, 10, sh('10-03 09:00')),
    ];
    expect(complaintResolution({ tickets, transitions }, OCTOBER)).toEqual({ received: 3, resolved: 2, rate: 0.6667 });
  });

  it('with no complaint the rate is null, not 0 % nor 100 %', () => {
    expect(complaintResolution({ tickets: [], transitions: [] }, OCTOBER)).toEqual({
      received: 0,
      resolved: 0,
      rate: null,
    });
  });
});

describe('resolutions in the month', () => {
  it('keeps the first resolution per ticket and resolver, in the window only', () => {
    const first = resolvedBy(1, 10, sh('10-03 09:00'));
    const again = resolvedBy(1, 10, sh('10-08 09:00'));
    const other = resolvedBy(1, 11, sh('10-09 09:00'));
    const early = resolvedBy(2, 10, sh('09-30 09:00'));
    expect(resolutionsInMonth([again, early, first, other], OCTOBER)).toEqual([first, other]);
  });
});

describe('by channel', () => {
  const clock = (ticketId: number, dueAt: Date, stoppedAt: Date | null): ClockFact => ({
    ticketId,
    kind: ClockKind.Respond,
    dueAt,
    stoppedAt,
  });

  it("counts each channel's tickets of the month and the on-time share of their settled clocks", () => {
    const tickets = [
      ticket(1, TicketType.Repair, 1, sh('10-02 09:00'), Channel.Hotline12345),
      ticket(2, TicketType.Complaint, 1, sh('10-03 09:00'), Channel.Hotline12345),
      ticket(3, TicketType.Repair, 1, sh('10-04 09:00'), Channel.Letter),
      ticket(4, TicketType.Repair, 2, sh('10-05 09:00')),
      // September's ticket: not received in October, but its clock settled in October counts.
      ticket(5, TicketType.Repair, 2, sh('09-30 09:00'), Channel.Wecom),
    ];
    const clocks = [
      clock(1, sh('10-02 10:00'), sh('10-02 09:30')),
      clock(2, sh('10-03 10:00'), sh('10-03 11:00')),
      clock(3, sh('10-04 10:00'), sh('10-04 09:10')),
      // Met, but a breach was recorded before (a moved window): late.
      clock(4, sh('10-05 12:00'), sh('10-05 11:00')),
      clock(5, sh('10-01 10:00'), sh('10-01 09:00')),
    ];
    const breaches = [{ ticketId: 4, clock: ClockKind.Respond, breachedAt: sh('10-05 10:00') }];
    expect(byChannel({ tickets, clocks, breaches }, OCTOBER)).toEqual([
      { channel: 'miniapp', received: 1, clocks: 1, onTime: 0, rate: 0 },
      { channel: 'hotline_12345', received: 2, clocks: 2, onTime: 1, rate: 0.5 },
      { channel: 'letter', received: 1, clocks: 1, onTime: 1, rate: 1 },
      { channel: 'wecom', received: 0, clocks: 1, onTime: 1, rate: 1 },
    ]);
  });

  it('leaves out channels with nothing to count', () => {
    expect(byChannel({ tickets: [], clocks: [], breaches: [] }, OCTOBER)).toEqual([]);
  });
});
