import { spawnSync } from 'node:child_process';
import { WorkCalendar } from './sla-types';
import {
  addWorkingDays,
  calendarSpecialDays,
  calendarStatus,
  chinaWorkCalendar,
  chineseDaysCoversYear,
  shanghaiDate,
} from './work-calendar';
import { shanghaiDateTime } from './sla-deadlines';

/** Shanghai wall time → instant, written out so each fixture reads like the ticket's timestamp. */
const sh = (wall: string) => new Date(`${wall}+08:00`);

/*
 * 2026 per chinese-days 1.5.7 (State Council notice, gov.cn content_7047091):
 *   Spring Festival 02-15..02-23 off, Sat 02-14 and Sat 02-28 worked.
 *   Mid-Autumn 09-25 (Fri)..09-27 off; National Day 10-01 (Thu)..10-07 off,
 *   Sun 09-20 and Sat 10-10 worked.
 */
describe('shanghaiDate', () => {
  it.each<[string, string]>([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('%s → %s', (iso, expected) => {
    expect(shanghaiDate(new Date(iso))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(RangeError);
  });

  it("reads the time-zone database's Shanghai, daylight-saving years (1986–1991) included", () => {
    const tzdb = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    // 1991-07-01 15:30 UTC is 00:30 the next day under that summer's UTC+9, 23:30 under UTC+8.
    expect(shanghaiDateTime(new Date('1991-07-01T15:30:00Z'))).toBe('1991-07-02 00:30');
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 7 * 3600_000 + 13 * 60_000 + 17_000) {
      expect(shanghaiDateTime(new Date(ms))).toBe(tzdb.format(new Date(ms)));
    }
  });
});

describe('shanghaiDateTime', () => {
  it.each<[string, string]>([
    ['2026-09-30T15:59:59.999Z', '2026-09-30 23:59'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01 00:00'],
    ['2026-12-07T10:05:00.000Z', '2026-12-07 18:05'],
  ])('%s → %s', (iso, expected) => {
    expect(shanghaiDateTime(new Date(iso))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('chinaWorkCalendar', () => {
  const cal = chinaWorkCalendar();

  it.each<[string, boolean, string]>([
    ['2026-09-18', true, 'Friday'],
    ['2026-09-19', false, 'Saturday'],
    ['2026-09-20', true, '调休 Sunday'],
    ['2026-09-25', false, 'Mid-Autumn (Friday)'],
    ['2026-10-01', false, 'National Day (Thursday)'],
    ['2026-10-07', false, 'National Day (Wednesday)'],
    ['2026-10-08', true, 'Thursday after the holiday'],
    ['2026-10-10', true, '调休 Saturday'],
    ['2026-10-11', false, 'Sunday'],
    ['2026-02-14', true, '调休 Saturday before Spring Festival'],
    ['2026-02-16', false, 'Spring Festival (Monday)'],
    ['2026-02-28', true, '调休 Saturday after Spring Festival'],
    // 2027 is not in chinese-days 1.5.7: New Year's Day is reported as a plain Friday.
    ['2027-01-01', true, '2027 unknown to the library'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('lets operator overrides beat the library both ways', () => {
    const withOverrides = chinaWorkCalendar(
      new Map([
        ['2026-10-08', false], // a declared extra holiday
        ['2026-10-03', true], // a holiday the operator makes a working day
        ['2027-01-01', false], // the State Council's 2027 schedule, ahead of a library upgrade
      ]),
    );
    expect(withOverrides.isWorkingDay('2026-10-08')).toBe(false);
    expect(withOverrides.isWorkingDay('2026-10-03')).toBe(true);
    expect(withOverrides.isWorkingDay('2027-01-01')).toBe(false);
    expect(withOverrides.isWorkingDay('2026-10-09')).toBe(true); // untouched days still ask the library
    expect(addWorkingDays(sh('2026-09-30T23:50:00'), 1, withOverrides).toISOString()).toBe('2026-10-03T16:00:00.000Z');
  });

  it.each(['2027-1-1', '2026-02-30', '20261001', ''])('refuses override key %j', (key) => {
    expect(() => chinaWorkCalendar(new Map([[key, false]]))).toThrow(RangeError);
  });

  it.each(['2026-13-01', '2026/10/01', 'tomorrow'])('refuses to answer for %j', (date) => {
    expect(() => cal.isWorkingDay(date)).toThrow(RangeError);
  });

  it('refuses to run where chinese-days answers for the wrong day', () => {
    // A library that answers about the neighbouring day, as chinese-days does west of UTC.
    jest.isolateModules(() => {
      jest.doMock('chinese-days', () => {
        const real = jest.requireActual<typeof import('chinese-days')>('chinese-days');
        const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return { ...real, isWorkday: (d: string) => real.isWorkday(dayBefore(d)) };
      });
      const fresh = jest.requireActual<typeof import('./work-calendar')>('./work-calendar');
      expect(() => fresh.chinaWorkCalendar()).toThrow(/TZ=Asia\/Shanghai or UTC/);
    });
    jest.dontMock('chinese-days'); // doMock outlives isolateModules
  });
});

describe('chinese-days under a TZ west of UTC (the reason for the guard)', () => {
  it('really does take a plain Monday for a day off', () => {
    const probe = `const cd = require('chinese-days');
      console.log(JSON.stringify(['2026-10-01', '2026-10-11', '2026-10-12'].map((d) => cd.isWorkday(d))));`;
    const run = (TZ: string) =>
      JSON.parse(
        spawnSync(process.execPath, ['-e', probe], { cwd: __dirname, env: { ...process.env, TZ }, encoding: 'utf8' })
          .stdout,
      );
    expect(run('Asia/Shanghai')).toEqual([false, false, true]);
    expect(run('UTC')).toEqual([false, false, true]);
    // Its holiday tables and the lookup shift together, but the weekday is the previous day's:
    // Monday 2026-10-12 is read as a Sunday. If this fails after an upgrade, the bug is fixed.
    expect(run('America/New_York')).toEqual([false, false, false]);
  });
});

describe('chineseDaysCoversYear', () => {
  // Update when chinese-days is upgraded with the 2027 schedule.
  it.each<[number, boolean]>([
    [2025, true],
    [2026, true],
    [2027, false],
  ])('%i → %s', (year, expected) => {
    expect(chineseDaysCoversYear(year)).toBe(expected);
  });
});

describe('addWorkingDays (China calendar)', () => {
  const cal = chinaWorkCalendar();

  it.each<[string, string, number, string]>([
    ['plain week: Monday 10:00, 1 day → Tuesday 24:00', '2026-03-09T10:00:00', 1, '2026-03-10T16:00:00.000Z'],
    ['plain week: Monday, 5 days → next Monday 24:00', '2026-03-09T10:00:00', 5, '2026-03-16T16:00:00.000Z'],
    ['Thursday before Mid-Autumn skips Fri–Sun', '2026-09-24T10:00:00', 1, '2026-09-28T16:00:00.000Z'],
    ['Friday before the 调休 Sunday counts that Sunday', '2026-09-18T10:00:00', 1, '2026-09-20T16:00:00.000Z'],
    ['holiday week, 5 days', '2026-09-21T09:00:00', 5, '2026-09-29T16:00:00.000Z'],
    [
      '23:50 on the eve of National Day, 1 day → after the holiday',
      '2026-09-30T23:50:00',
      1,
      '2026-10-08T16:00:00.000Z',
    ],
    ['eve of National Day, 3 days → the 调休 Saturday', '2026-09-30T23:50:00', 3, '2026-10-10T16:00:00.000Z'],
    ['eve of National Day, 4 days → Monday', '2026-09-30T23:50:00', 4, '2026-10-12T16:00:00.000Z'],
    ['arrival on a public holiday', '2026-10-03T15:00:00', 1, '2026-10-08T16:00:00.000Z'],
    ['arrival on the 调休 Saturday, 1 day skips Sunday', '2026-10-10T10:00:00', 1, '2026-10-12T16:00:00.000Z'],
    ['arrival on the 调休 Saturday, 2 days', '2026-10-10T10:00:00', 2, '2026-10-13T16:00:00.000Z'],
    // 00:30 Shanghai is still Friday in UTC: the Shanghai date must decide.
    ['00:30 on the 调休 Saturday (Friday in UTC)', '2026-10-10T00:30:00', 1, '2026-10-12T16:00:00.000Z'],
    ['Friday before Spring Festival → the 调休 Saturday', '2026-02-13T10:00:00', 1, '2026-02-14T16:00:00.000Z'],
    ['Friday before Spring Festival, 2 days → after the holiday', '2026-02-13T10:00:00', 2, '2026-02-24T16:00:00.000Z'],
    ['report, 10 working days across Spring Festival', '2026-02-13T10:00:00', 10, '2026-03-05T16:00:00.000Z'],
  ])('%s', (_name, wall, days, expected) => {
    expect(addWorkingDays(sh(wall), days, cal).toISOString()).toBe(expected);
  });
});

describe('addWorkingDays (contract)', () => {
  const weekdays: WorkCalendar = {
    isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  };

  it('ignores the time of day within the arrival date', () => {
    const early = addWorkingDays(sh('2026-03-09T00:00:00'), 1, weekdays);
    const late = addWorkingDays(sh('2026-03-09T23:59:59'), 1, weekdays);
    expect(early.toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(late).toEqual(early);
  });

  it.each([0, -1, 1.5, NaN, Infinity])('refuses %p days', (days) => {
    expect(() => addWorkingDays(sh('2026-03-09T10:00:00'), days, weekdays)).toThrow(RangeError);
  });

  it('refuses an invalid start', () => {
    expect(() => addWorkingDays(new Date(NaN), 1, weekdays)).toThrow(RangeError);
  });

  it('gives up on a calendar without working days instead of looping', () => {
    expect(() => addWorkingDays(sh('2026-03-09T10:00:00'), 1, { isWorkingDay: () => false })).toThrow(/no working day/);
  });
});

describe('calendarSpecialDays', () => {
  it('lists National Day 2026 off and its make-up Saturday worked, and the operator wins', () => {
    const days = calendarSpecialDays(2026, [{ date: '2026-10-12', working: false, note: '临时停工' }]);
    const october = days.filter((d) => d.date >= '2026-10-01' && d.date <= '2026-10-12');
    expect(october).toEqual([
      ...['01', '02', '05', '06', '07'].map((d) => ({
        date: `2026-10-${d}`,
        working: false,
        name: expect.any(String),
        source: 'library',
      })),
      { date: '2026-10-10', working: true, name: '国庆节', source: 'library' },
      { date: '2026-10-12', working: false, name: '临时停工', source: 'override' },
    ]);
  });

  it('has nothing but the overrides for a year the data does not know', () => {
    expect(calendarSpecialDays(2027, [{ date: '2027-01-01', working: false, note: '元旦' }])).toEqual([
      { date: '2027-01-01', working: false, name: '元旦', source: 'override' },
    ]);
  });
});

describe('calendarStatus', () => {
  it.each<[string, string, { date: string; working: boolean }[], boolean]>([
    ['in 2025, 2026 is known', '2025-12-07', [], true],
    ['in 2026, 2027 is not', '2026-12-07', [], false],
    ['unless the operator entered a day off in 2027', '2026-12-07', [{ date: '2027-01-01', working: false }], true],
    ['a working override alone does not count', '2026-12-07', [{ date: '2027-02-07', working: true }], false],
  ])('%s', (_what, today, overrides, covered) => {
    const status = calendarStatus(today, overrides);
    expect(status.nextYearCovered).toBe(covered);
    expect(status.warning === null).toBe(covered);
    if (!covered) expect(status.warning).toContain(`${status.nextYear}年`);
  });
});
