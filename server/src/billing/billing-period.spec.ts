import { addDays, assertBillablePeriod, daysBetween, periodBounds } from './billing-period';

describe('billing periods', () => {
  it.each([
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2027-02', '2027-02-01', '2027-02-28'],
  ])('%s runs from %s to %s', (period, first, last) => expect(periodBounds(period)).toEqual({ first, last }));

  it.each(['2026-13', '2026-1', '26-11', '2026-11-01', ''])('refuses %p', (p) =>
    expect(() => periodBounds(p)).toThrow(),
  );

  it.each([
    ['2026-11-30', 20, '2026-12-20'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('%s + %i days = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it('counts days across a year end', () => expect(daysBetween('2026-12-15', '2027-01-14')).toBe(30));

  it('refuses a period that has not started', () => {
    expect(() => assertBillablePeriod('2026-12', '2026-11-23')).toThrow('not started');
    expect(() => assertBillablePeriod('2026-11', '2026-11-23')).not.toThrow();
  });
});
