import { DEFAULT_CUTOFF, beforeCutoff, bookingCutoff } from './booking-cutoff';

describe('bookingCutoff', () => {
  it.each([
    ['default: the day before at 18:00 Shanghai', '2026-10-13', DEFAULT_CUTOFF, '2026-10-12T10:00:00.000Z'],
    ['across a month end', '2026-11-01', DEFAULT_CUTOFF, '2026-10-31T10:00:00.000Z'],
    ['across a year end', '2027-01-01', DEFAULT_CUTOFF, '2026-12-31T10:00:00.000Z'],
    ['two days before at noon', '2026-10-13', { daysBefore: 2, hour: 12 }, '2026-10-11T04:00:00.000Z'],
    ['the same day at 08:00', '2026-10-13', { daysBefore: 0, hour: 8 }, '2026-10-13T00:00:00.000Z'],
    ['midnight starting the day before', '2026-10-13', { daysBefore: 1, hour: 0 }, '2026-10-11T16:00:00.000Z'],
  ])('%s', (_name, date, rule, expected) => {
    expect(bookingCutoff(date, rule).toISOString()).toBe(expected);
  });

  it.each([
    ['negative days', { daysBefore: -1, hour: 18 }],
    ['hour 24', { daysBefore: 1, hour: 24 }],
    ['fractional hour', { daysBefore: 1, hour: 17.5 }],
  ])('refuses %s', (_name, rule) => {
    expect(() => bookingCutoff('2026-10-13', rule)).toThrow(RangeError);
  });
});

describe('beforeCutoff', () => {
  it.each([
    ['a minute before 18:00 the day before', '2026-10-12T09:59:00Z', true],
    ['exactly 18:00 the day before', '2026-10-12T10:00:00Z', false],
    ['the evening before', '2026-10-12T13:00:00Z', false],
    ['days ahead', '2026-10-01T00:00:00Z', true],
  ])('%s → %s', (_name, now, expected) => {
    expect(beforeCutoff('2026-10-13', new Date(now))).toBe(expected);
  });
});
