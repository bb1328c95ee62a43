import { formatClockTime, formatDuration, formatFullTime, formatShortTime } from './time';

describe('times in Asia/Shanghai', () => {
  it.each([
    ['2026-11-23T06:30:00.000Z', '11-23 14:30'],
    // 16:05 UTC is already the next day in Shanghai.
    ['2026-12-31T16:05:00Z', '01-01 00:05'],
    ['2026-11-23T14:30:00+08:00', '11-23 14:30'],
  ])('%s → %s', (iso, expected) => {
    expect(formatShortTime(iso)).toBe(expected);
  });

  it('writes the year on the timeline', () => {
    expect(formatFullTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
  });

  it('reads an arrival time as HH:mm in Shanghai', () => {
    expect(formatClockTime('2026-11-23T06:05:00Z')).toBe('14:05');
    expect(formatClockTime('2026-12-31T16:45:00Z')).toBe('00:45');
  });

  it.each([
    [30 * 1000, '1分钟'],
    [25 * 60 * 1000, '25分钟'],
    [60 * 60 * 1000, '1小时'],
    [80 * 60 * 1000, '1小时20分'],
    [51 * 60 * 60 * 1000, '2天3小时'],
    [48 * 60 * 60 * 1000, '2天'],
  ])('a duration of %i ms reads %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
