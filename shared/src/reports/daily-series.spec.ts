import { dailySeries } from './daily-series';
import { Channel, ClockKind, TicketType } from './report-fixtures';

const at = (s: string) => new Date(`${s}+08:00`);

describe('dashboard daily series', () => {
  it('one point per Shanghai day: intake, on-time rate over all clocks, satisfaction', () => {
    const tickets = [
      { id: 1, type: TicketType.Repair, districtId: 1, channel: Channel.Miniapp, createdAt: at('2026-11-01T00:00:00') },
      { id: 2, type: TicketType.Repair, districtId: 1, channel: Channel.Miniapp, createdAt: at('2026-11-01T23:59:59') },
      { id: 3, type: TicketType.Repair, districtId: 1, channel: Channel.Miniapp, createdAt: at('2026-11-02T08:00:00') },
    ];
    const clocks = [
      { ticketId: 1, kind: ClockKind.Respond, dueAt: at('2026-11-01T01:00:00'), stoppedAt: at('2026-11-01T00:10:00') },
      { ticketId: 1, kind: ClockKind.Resolve, dueAt: at('2026-11-01T05:00:00'), stoppedAt: at('2026-11-01T06:00:00') },
      { ticketId: 2, kind: ClockKind.Respond, dueAt: at('2026-11-02T00:29:59'), stoppedAt: at('2026-11-02T00:10:00') },
    ];
    const ratings = [{ ticketId: 1, staffId: 4, level: 'dissatisfied' as const, at: at('2026-11-02T09:00:00') }];
    const now = at('2026-11-03T12:00:00');
    expect(
      dailySeries(['2026-11-01', '2026-11-02', '2026-11-03'], { tickets, clocks, breaches: [], ratings }, now),
    ).toEqual([
      { date: '2026-11-01', intake: 2, onTimeRate: 0.5, satisfactionRate: null },
      { date: '2026-11-02', intake: 1, onTimeRate: 1, satisfactionRate: 0 },
      { date: '2026-11-03', intake: 0, onTimeRate: null, satisfactionRate: null },
    ]);
  });
});
