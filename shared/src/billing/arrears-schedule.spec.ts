import { arrearsReminderStep, parseReminderDays, pastStopSupplyGrace } from './arrears-schedule';

describe('arrears reminder schedule', () => {
  const schedule = [3, 10, 30];
  it.each([
    ['2026-11-20', null], // the due date
    ['2026-11-22', null], // day 2
    ['2026-11-23', 3],
    ['2026-11-29', 3],
    ['2026-11-30', 10],
    ['2026-12-19', 10],
    ['2026-12-20', 30],
    ['2027-02-01', 30], // long after: still the last step (sent once by its dedupe key)
  ])('due 2026-11-20, on %s → step %p', (today, step) => {
    expect(arrearsReminderStep(schedule, '2026-11-20', today)).toBe(step);
  });

  it('a schedule of one day reminds once, the day after the due date', () => {
    expect(arrearsReminderStep([1], '2026-11-20', '2026-11-21')).toBe(1);
    expect(arrearsReminderStep([1], '2026-11-20', '2026-11-20')).toBeNull();
  });

  it.each([
    ['3,10,30', [3, 10, 30]],
    [' 30, 3 ,10,3', [3, 10, 30]],
    ['1', [1]],
  ])('parses %p', (text, days) => expect(parseReminderDays(text)).toEqual(days));

  it.each(['0', '3,x', '366', '-1', '2.5'])('refuses %p', (text) => {
    expect(() => parseReminderDays(text)).toThrow(RangeError);
  });

  it.each([
    [0, '2027-06-01', false], // 0 = never
    [60, '2027-01-18', false], // day 59
    [60, '2027-01-19', true], // day 60
  ])('stop after %i days, on %s → %p', (days, today, past) => {
    expect(pastStopSupplyGrace(days, '2026-11-20', today)).toBe(past);
  });
});
