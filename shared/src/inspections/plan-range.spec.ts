import { earliestChangedDay, rangeChangeAllowed } from './plan-range';

const DEC = { startDate: '2026-12-09', endDate: '2026-12-18' };

describe('earliestChangedDay', () => {
  it.each([
    ['nothing changes', DEC, null],
    ['end extended', { ...DEC, endDate: '2026-12-25' }, '2026-12-19'],
    ['end shortened', { ...DEC, endDate: '2026-12-11' }, '2026-12-12'],
    ['start moved later', { ...DEC, startDate: '2026-12-14' }, '2026-12-09'],
    ['start moved earlier', { ...DEC, startDate: '2026-12-01' }, '2026-12-01'],
    ['moved to a later, disjoint range', { startDate: '2027-01-04', endDate: '2027-01-08' }, '2026-12-09'],
    ['end across a year end', { startDate: '2026-12-09', endDate: '2027-01-05' }, '2026-12-19'],
  ])('%s', (_name, next, expected) => {
    expect(earliestChangedDay(DEC, next)).toBe(expected);
  });
});

describe('rangeChangeAllowed', () => {
  it.each([
    ['extend the end while the plan runs', '2026-12-12', { ...DEC, endDate: '2026-12-25' }, true],
    ['shorten to end today', '2026-12-12', { ...DEC, endDate: '2026-12-12' }, true],
    ['shorten to end yesterday: drops today', '2026-12-12', { ...DEC, endDate: '2026-12-11' }, false],
    ['move the start once the plan has begun', '2026-12-09', { ...DEC, startDate: '2026-12-10' }, false],
    ['move the start the day before it', '2026-12-08', { ...DEC, startDate: '2026-12-10' }, true],
    ['no change on the last day', '2026-12-18', DEC, true],
  ])('%s', (_name, today, next, expected) => {
    expect(rangeChangeAllowed(DEC, next, today)).toBe(expected);
  });
});
