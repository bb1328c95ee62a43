import { chinaWorkCalendar } from '../sla/work-calendar';
import { SlotHalf } from './hazard-codes';
import { MAX_PLAN_DAYS, PlanRangeError, addCalendarDays, generatePlanSlots, slotWindow } from './inspection-slots';

const calendar = chinaWorkCalendar();
const { Am, Pm } = SlotHalf;
const days = (slots: { date: string; half: SlotHalf }[]) => slots.map((s) => `${s.date} ${s.half}`);

describe('generatePlanSlots', () => {
  it.each([
    // 2026-10-12 is a Monday: a plain working week, both halves.
    [
      'a plain week, both halves',
      '2026-10-12',
      '2026-10-18',
      [Am, Pm],
      [
        '2026-10-12 am',
        '2026-10-12 pm',
        '2026-10-13 am',
        '2026-10-13 pm',
        '2026-10-14 am',
        '2026-10-14 pm',
        '2026-10-15 am',
        '2026-10-15 pm',
        '2026-10-16 am',
        '2026-10-16 pm',
      ],
    ],
    ['mornings only', '2026-10-12', '2026-10-13', [Am], ['2026-10-12 am', '2026-10-13 am']],
    ['a weekend only', '2026-10-17', '2026-10-18', [Am, Pm], []],
    // National Day 2026-10-01..07 is off; Saturday 2026-10-10 is a 调休 working day.
    [
      'National Day week and its make-up Saturday',
      '2026-10-01',
      '2026-10-10',
      [Pm],
      ['2026-10-08 pm', '2026-10-09 pm', '2026-10-10 pm'],
    ],
    [
      'a single working day, halves in any order',
      '2026-10-12',
      '2026-10-12',
      [Pm, Am],
      ['2026-10-12 am', '2026-10-12 pm'],
    ],
  ])('%s', (_name, startDate, endDate, halves, expected) => {
    expect(days(generatePlanSlots({ startDate, endDate, halves, capacity: 5 }, calendar))).toEqual(expected);
  });

  it('gives every slot the capacity and its visiting hours in Shanghai time', () => {
    const [am, pm] = generatePlanSlots(
      { startDate: '2026-10-12', endDate: '2026-10-12', halves: [Am, Pm], capacity: 7 },
      calendar,
    );
    expect(am).toMatchObject({
      capacity: 7,
      startsAt: new Date('2026-10-12T01:00:00Z'),
      endsAt: new Date('2026-10-12T04:00:00Z'),
    });
    expect(pm).toMatchObject({
      capacity: 7,
      startsAt: new Date('2026-10-12T06:00:00Z'),
      endsAt: new Date('2026-10-12T09:30:00Z'),
    });
  });

  it('covers a whole year, about 250 working days', () => {
    const slots = generatePlanSlots(
      { startDate: '2026-01-01', endDate: '2026-12-31', halves: [Am], capacity: 1 },
      calendar,
    );
    expect(slots.length).toBeGreaterThan(240);
    expect(slots.length).toBeLessThan(255);
  });

  it.each([
    ['end before start', '2026-10-12', '2026-10-11', 5],
    ['longer than a year', '2026-01-01', addCalendarDays('2026-01-01', MAX_PLAN_DAYS), 5],
    ['zero capacity', '2026-10-12', '2026-10-12', 0],
    ['fractional capacity', '2026-10-12', '2026-10-12', 1.5],
  ])('refuses %s', (_name, startDate, endDate, capacity) => {
    expect(() => generatePlanSlots({ startDate, endDate, halves: [Am], capacity }, calendar)).toThrow(PlanRangeError);
  });

  it('refuses a date that does not exist', () => {
    expect(() =>
      generatePlanSlots({ startDate: '2026-02-30', endDate: '2026-03-02', halves: [Am], capacity: 1 }, calendar),
    ).toThrow(RangeError);
  });
});

describe('slotWindow', () => {
  it('is the Shanghai morning even across a UTC date line', () => {
    expect(slotWindow('2027-01-01', Am).startsAt.toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });
});
