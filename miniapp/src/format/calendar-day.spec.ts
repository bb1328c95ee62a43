import { formatCalendarDay, relativeCalendarDay } from './calendar-day';

// 2026-11-24 is a Tuesday; 23:30 UTC on the 23rd is already the 24th in Shanghai.
const NOW = new Date('2026-11-23T23:30:00Z');

describe('calendar days as residents read them', () => {
  it.each([
    ['2026-11-24', '11月24日 周二'],
    ['2026-11-29', '11月29日 周日'],
    ['2027-01-01', '1月1日 周五'],
  ])('%s → %s', (date, label) => {
    expect(formatCalendarDay(date)).toBe(label);
  });

  it.each([
    ['2026-11-24', '今天 11月24日 周二'],
    ['2026-11-25', '明天 11月25日 周三'],
    ['2026-11-26', '后天 11月26日 周四'],
    ['2026-11-27', '11月27日 周五'],
    ['2026-11-23', '11月23日 周一'],
  ])('from Shanghai today: %s → %s', (date, label) => {
    expect(relativeCalendarDay(date, NOW)).toBe(label);
  });
});
