import type { DailyPoint } from '@utility/shared';
import type { ChartOption } from './echarts-setup';

const label = (date: string) => date.slice(5);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

const base = (days: DailyPoint[]) => ({
  animation: false,
  grid: { left: 36, right: 12, top: 16, bottom: 24 },
  tooltip: { trigger: 'axis', confine: true },
  xAxis: { type: 'category', data: days.map((d) => label(d.date)), axisLabel: { fontSize: 10 } },
});

/** 每日受理量: bars of tickets received per Shanghai day. */
export const intakeOption = (days: DailyPoint[]): ChartOption => ({
  ...base(days),
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ name: '受理量', type: 'bar', data: days.map((d) => d.intake), itemStyle: { color: '#0b5cad' } }],
});

/** A rate per day in %, with gaps where nothing was counted. */
export const rateOption = (
  days: DailyPoint[],
  pick: (d: DailyPoint) => number | null,
  name: string,
  color: string,
): ChartOption => ({
  ...base(days),
  yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
  series: [
    {
      name,
      type: 'line',
      data: days.map((d) => percent(pick(d))),
      connectNulls: false,
      showSymbol: true,
      symbolSize: 5,
      lineStyle: { color, width: 2 },
      itemStyle: { color },
    },
  ],
});
