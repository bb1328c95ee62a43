import type { DailyPoint } from '@utility/shared';
import type { ChartOption } from './echarts-setup';

const label = (date: string) => date.slice(5);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** A chart of the last days and what the page reads out for the day tapped (ECharts has no tooltip here). */
export interface DailyChartSpec {
  option: ChartOption;
  readout: (index: number) => string;
}

const base = (days: DailyPoint[]) => ({
  animation: false,
  grid: { left: 36, right: 12, top: 16, bottom: 24 },
  xAxis: { type: 'category', data: days.map((d) => label(d.date)), axisLabel: { fontSize: 10 } },
});

/** 每日受理量: bars of tickets received per Shanghai day. */
export const intakeChart = (days: DailyPoint[]): DailyChartSpec => ({
  option: {
    ...base(days),
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '受理量', type: 'bar', data: days.map((d) => d.intake), itemStyle: { color: '#0b5cad' } }],
  },
  readout: (i) => `${label(days[i].date)} 受理量 ${days[i].intake} 件`,
});

/** A rate per day in %, with gaps where nothing was counted. */
export const rateChart = (
  days: DailyPoint[],
  pick: (d: DailyPoint) => number | null,
  name: string,
  color: string,
): DailyChartSpec => ({
  option: {
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
  },
  readout: (i) => {
    const value = percent(pick(days[i]));
    return `${label(days[i].date)} ${name} ${value === null ? '无数据' : `${value}%`}`;
  },
});
