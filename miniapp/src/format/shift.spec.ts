import type { QueueMemberView } from '@utility/shared';
import { byDutyThenLoad, shiftLabel } from './shift';

const NOW = Date.parse('2026-12-07T04:00:00Z'); // 12:00 Shanghai

describe('shiftLabel', () => {
  it('says until when someone on shift works, when the next shift starts, or that there is none', () => {
    expect(shiftLabel({ startsAt: '2026-12-07T00:00:00Z', endsAt: '2026-12-07T10:00:00Z' }, NOW)).toBe(
      '当班至 12-07 18:00',
    );
    expect(shiftLabel({ startsAt: '2026-12-08T00:00:00Z', endsAt: '2026-12-08T10:00:00Z' }, NOW)).toBe(
      '下一班 12-08 08:00 起',
    );
    expect(shiftLabel(null, NOW)).toBe('24小时内无排班');
  });
});

describe('byDutyThenLoad', () => {
  it('puts those on duty first, the least loaded on top', () => {
    const m = (id: number, onDuty: boolean, openCount: number) =>
      ({ id, name: `${id}`, role: 'technician', onDuty, openCount, capacity: 5, shift: null }) as QueueMemberView;
    expect(byDutyThenLoad([m(1, false, 0), m(2, true, 3), m(3, true, 1)]).map((x) => x.id)).toEqual([3, 2, 1]);
  });
});
