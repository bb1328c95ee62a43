import { appointmentWindowProblem } from './appointment-window';

const now = new Date('2026-06-10T02:00:00.000Z');
const at = (iso: string) => new Date(iso);
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);

describe('appointmentWindowProblem', () => {
  it.each([
    ['two hours tomorrow', hours(24), hours(26)],
    ['exactly four hours', hours(1), hours(5)],
    ['ending exactly 14 days ahead', hours(14 * 24 - 2), hours(14 * 24)],
    ['starting a minute from now', new Date(now.getTime() + 60_000), hours(1)],
  ])('accepts %s', (_name, start, end) => {
    expect(appointmentWindowProblem({ start, end }, now)).toBeNull();
  });

  it.each([
    ['starting now', now, hours(2), 'start', '预约时间须晚于当前时间'],
    ['in the past', hours(-3), hours(-1), 'start', '预约时间须晚于当前时间'],
    ['ending when it starts', hours(2), hours(2), 'end', '预约结束时间须晚于开始时间'],
    ['ending before it starts', hours(3), hours(2), 'end', '预约结束时间须晚于开始时间'],
    ['longer than four hours', hours(1), new Date(hours(5).getTime() + 1), 'end', '预约时段最长4小时'],
    [
      'ending beyond 14 days',
      hours(14 * 24 - 1),
      new Date(hours(14 * 24).getTime() + 1),
      'end',
      '只能预约14天以内的时间',
    ],
    ['with an invalid start', at('x'), hours(2), 'start', '预约开始时间无效'],
  ])('refuses a window %s', (_name, start, end, field, message) => {
    expect(appointmentWindowProblem({ start, end }, now)).toEqual({ field, message });
  });
});
