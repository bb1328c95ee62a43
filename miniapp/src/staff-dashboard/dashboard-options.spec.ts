import type { DailyPoint } from '@utility/shared';
import { intakeChart, rateChart } from './dashboard-options';

const days: DailyPoint[] = [
  { date: '2026-11-09', intake: 1, onTimeRate: 1, satisfactionRate: null },
  { date: '2026-11-10', intake: 2, onTimeRate: 0.6667, satisfactionRate: 0.75 },
];

describe('dashboard charts', () => {
  it('intake: one bar per day, labelled MM-DD; the day tapped reads out its count', () => {
    const intake = intakeChart(days);
    const option = intake.option as { xAxis: { data: string[] }; series: { type: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['11-09', '11-10']);
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', data: [1, 2] })]);
    expect(intake.readout(1)).toBe('11-10 受理量 2 件');
  });

  it('rates: percent with one decimal, a gap (null) where nothing was counted, read out as such', () => {
    const onTime = rateChart(days, (d) => d.onTimeRate, '按时率', '#16a34a');
    const option = onTime.option as { yAxis: { max: number }; series: { data: (number | null)[] }[] };
    expect(option.series[0].data).toEqual([100, 66.7]);
    expect(option.yAxis.max).toBe(100);
    expect(onTime.readout(1)).toBe('11-10 按时率 66.7%');
    const satisfaction = rateChart(days, (d) => d.satisfactionRate, '满意率', '#d97706');
    expect((satisfaction.option as { series: { data: (number | null)[] }[] }).series[0].data).toEqual([null, 75]);
    expect(satisfaction.readout(0)).toBe('11-09 满意率 无数据');
  });
});
