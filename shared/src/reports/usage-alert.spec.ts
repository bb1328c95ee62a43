import { abnormalUsage } from './usage-alert';

describe('abnormally high use', () => {
  it.each([
    [{ current: 201, sameMonthLastYear: 100, recent: [] }, 'year_over_year'],
    [{ current: 200, sameMonthLastYear: 100, recent: [] }, null],
    [{ current: 301, sameMonthLastYear: null, recent: [100, 100, 100] }, 'recent_average'],
    [{ current: 300, sameMonthLastYear: null, recent: [100, 100, 100] }, null],
    // Only the three most recent months count: (50 + 50 + 50) / 3 = 50, 151 > 150.
    [{ current: 151, sameMonthLastYear: null, recent: [50, 50, 50, 1000] }, 'recent_average'],
    [{ current: 151, sameMonthLastYear: 100, recent: [50, 50, 50] }, 'recent_average'],
    [{ current: 500, sameMonthLastYear: 0, recent: [0, 0] }, null],
    [{ current: 500, sameMonthLastYear: null, recent: [] }, null],
    [{ current: 61, sameMonthLastYear: null, recent: [20] }, 'recent_average'],
  ])('%j → %s', (history, reason) => {
    expect(abnormalUsage(history)).toBe(reason);
  });
});
