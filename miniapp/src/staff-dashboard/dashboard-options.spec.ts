import type { DailyPoint } from '@utility/shared';
import { intakeOption, rateOption } from './dashboard-options';

const days: DailyPoint[] = [
  { date: '2026-11-09', intake: 1, onTimeRate: 1, satisfactionRate: null },
  { date: '2026-11-10', intake: 2, onTimeRate: 0.6667, satisfactionRate: 0.75 },
];

describe('dashboard chart options', () => {
  it('intake: one bar per day, labelled MM-DD', () => {
    const option = intakeOption(days) as { xAxis: { data: string[] }; series: { type: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['11-09', '11-10']);
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', data: [1, 2] })]);
  });

  it('rates: percent with one decimal, a gap (null) where nothing was counted', () => {
    const onTime = rateOption(days, (d) => d.onTimeRate, '按时率', '#16a34a') as {
      yAxis: { max: number };
      series: { data: (number | null)[] }[];
    };
    expect(onTime.series[0].data).toEqual([100, 66.7]);
    expect(onTime.yAxis.max).toBe(100);
    const satisfaction = rateOption(days, (d) => d.satisfactionRate, '满意率', '#d97706') as {
      series: { data: (number | null)[] }[];
    };
    expect(satisfaction.series[0].data).toEqual([null, 75]);
  });
});
