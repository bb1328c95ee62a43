import {
  isPeriod,
  nextPeriod,
  periodOf,
  periodRange,
  previousPeriod,
  reportDueAt,
  reportGenerationAt,
  sameMonthLastYear,
  shanghaiDayRange,
  shanghaiDaysEnding,
} from './report-period';

describe('report periods in Asia/Shanghai', () => {
  it.each([
    ['2026-10', '2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2027-02', '2027-01-31T16:00:00.000Z', '2027-02-28T16:00:00.000Z'],
    ['2028-02', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ])('%s is [%s, %s) in UTC', (period, start, end) => {
    expect(periodRange(period)).toEqual({ start: new Date(start), end: new Date(end) });
    expect(reportGenerationAt(period)).toEqual(new Date(end));
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', ''])('refuses %j', (bad) => {
    expect(isPeriod(bad)).toBe(false);
    expect(() => periodRange(bad)).toThrow(RangeError);
  });

  it.each([
    ['2026-10', undefined, undefined, '2026-11-07T08:00:00.000Z'],
    ['2026-12', undefined, undefined, '2027-01-07T08:00:00.000Z'],
    ['2026-10', 5, 9, '2026-11-05T01:00:00.000Z'],
    ['2026-10', 1, 0, '2026-10-31T16:00:00.000Z'],
  ])('report of %s is due (day %s, hour %s) at %s', (period, day, hour, due) => {
    expect(reportDueAt(period, day, hour)).toEqual(new Date(due));
  });

  it.each([
    [0, 16],
    [29, 16],
    [7, 24],
    [7.5, 16],
  ])('refuses due day %s hour %s', (day, hour) => {
    expect(() => reportDueAt('2026-10', day, hour)).toThrow(RangeError);
  });

  it('steps months across years', () => {
    expect([nextPeriod('2026-12'), previousPeriod('2027-01'), sameMonthLastYear('2026-03')]).toEqual([
      '2027-01',
      '2026-12',
      '2025-03',
    ]);
  });

  it('places an instant in its Shanghai month: 16:00 UTC on the last day is already the next month', () => {
    expect(periodOf(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10');
    expect(periodOf(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11');
  });

  it('lists the last days ending today (Shanghai) and bounds one day', () => {
    expect(shanghaiDaysEnding(new Date('2026-11-01T17:00:00Z'), 3)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(shanghaiDayRange('2026-11-02')).toEqual({
      start: new Date('2026-11-01T16:00:00Z'),
      end: new Date('2026-11-02T16:00:00Z'),
    });
  });
});
