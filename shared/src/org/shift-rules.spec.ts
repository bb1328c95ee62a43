import { ShiftSchema } from '../api/org-admin';
import { isOnShift, shiftProblems, staffOnShift } from './shift-rules';

const at = (iso: string) => new Date(iso);

describe('shiftProblems', () => {
  it.each<[string, string, string, number[], string[]]>([
    ['a 12-hour night shift', '2026-12-07T12:00:00Z', '2026-12-08T00:00:00Z', [1, 2], []],
    ['a 24-hour 值班', '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z', [1], []],
    ['nobody yet (filled in later)', '2026-12-07T00:00:00Z', '2026-12-07T08:00:00Z', [], []],
    ['an end before the start', '2026-12-07T12:00:00Z', '2026-12-07T08:00:00Z', [1], ['下班时间须晚于上班时间']],
    ['no time at all', '2026-12-07T12:00:00Z', '2026-12-07T12:00:00Z', [1], ['下班时间须晚于上班时间']],
    ['longer than a day', '2026-12-07T00:00:00Z', '2026-12-08T00:00:01Z', [1], ['一个班次不能超过24小时']],
    ['someone twice', '2026-12-07T00:00:00Z', '2026-12-07T08:00:00Z', [1, 1], ['同一人员不能重复排入一个班次']],
  ])('%s', (_what, startsAt, endsAt, staffIds, messages) => {
    expect(shiftProblems({ startsAt: at(startsAt), endsAt: at(endsAt), staffIds }).map((p) => p.message)).toEqual(
      messages,
    );
  });
});

describe('who is on shift', () => {
  const day = { startsAt: at('2026-12-07T00:00:00Z'), endsAt: at('2026-12-07T12:00:00Z'), staffIds: [1, 2] };
  const night = { startsAt: at('2026-12-07T12:00:00Z'), endsAt: at('2026-12-08T00:00:00Z'), staffIds: [2, 3] };

  it.each<[string, string, number[]]>([
    ['at the start of the day shift', '2026-12-07T00:00:00Z', [1, 2]],
    ['during the day shift', '2026-12-07T06:00:00Z', [1, 2]],
    ['at the hand-over: only the night shift', '2026-12-07T12:00:00Z', [2, 3]],
    ['a millisecond before the hand-over', '2026-12-07T11:59:59.999Z', [1, 2]],
    ['after the last shift ends', '2026-12-08T00:00:00Z', []],
    ['before the first', '2026-12-06T23:59:59Z', []],
  ])('%s', (_what, when, ids) => {
    expect(staffOnShift([day, night], at(when)).sort()).toEqual(ids);
  });

  it('counts the end as off shift', () => expect(isOnShift(day, day.endsAt)).toBe(false));
});

describe('ShiftSchema', () => {
  it.each<[string, object, boolean]>([
    [
      'a shift with an offset',
      {
        districtId: 1,
        role: 'technician',
        startsAt: '2026-12-07T08:00:00+08:00',
        endsAt: '2026-12-07T20:00:00+08:00',
        staffIds: [1],
      },
      true,
    ],
    [
      'a time without a zone',
      {
        districtId: 1,
        role: 'technician',
        startsAt: '2026-12-07T08:00:00',
        endsAt: '2026-12-07T20:00:00Z',
        staffIds: [1],
      },
      false,
    ],
    [
      'a resident role',
      {
        districtId: 1,
        role: 'resident',
        startsAt: '2026-12-07T08:00:00Z',
        endsAt: '2026-12-07T20:00:00Z',
        staffIds: [],
      },
      false,
    ],
    [
      'reversed times',
      {
        districtId: 1,
        role: 'technician',
        startsAt: '2026-12-07T20:00:00Z',
        endsAt: '2026-12-07T08:00:00Z',
        staffIds: [],
      },
      false,
    ],
  ])('%s → valid %s', (_what, body, ok) => expect(ShiftSchema.safeParse(body).success).toBe(ok));
});
