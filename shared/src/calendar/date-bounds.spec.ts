import { dateWithinBounds, instantWithinBounds, latestDate, periodWithinBounds } from './date-bounds';

describe('the dates a request may name', () => {
  const now = new Date('2026-12-07T12:00:00Z');

  it('ends on 31 December of next year, Shanghai time', () => {
    expect(latestDate(now)).toBe('2027-12-31');
    // 2026-12-31 20:00 UTC is already 2027 in Shanghai.
    expect(latestDate(new Date('2026-12-31T20:00:00Z'))).toBe('2028-12-31');
  });

  it.each([
    ['0000-01-01', false],
    ['1999-12-31', false],
    ['2000-01-01', true],
    ['2026-12-07', true],
    ['2027-12-31', true],
    ['2028-01-01', false],
    ['9999-12-31', false],
  ])('date %s → %s', (date, ok) => {
    expect(dateWithinBounds(date, now)).toBe(ok);
  });

  it.each([
    ['0000-01', false],
    ['1999-12', false],
    ['2000-01', true],
    ['2027-12', true],
    ['2028-01', false],
    ['9999-12', false],
  ])('period %s → %s', (period, ok) => {
    expect(periodWithinBounds(period, now)).toBe(ok);
  });
});

describe('instants a request may name', () => {
  it.each([
    ['0000-01-01T00:00:00Z', false],
    ['1999-12-31T15:59:59Z', false],
    ['1999-12-31T16:00:00Z', true],
    ['2026-12-07T08:00:00+08:00', true],
    ['9999-12-31T23:59:59Z', false],
  ])('%s → %s', (iso, ok) => {
    expect(instantWithinBounds(iso, new Date('2026-12-07T12:00:00Z'))).toBe(ok);
  });
});
