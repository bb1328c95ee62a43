import { View } from '@tarojs/components';
import { useEffect } from 'react';
import { dayAt, echarts, type ChartOption } from './echarts-setup';

interface Props {
  id: string;
  option: ChartOption;
  days: number;
  /** The day tapped (its index), for the page to read it out. */
  onPick: (index: number) => void;
}

/** H5: ECharts draws into the page's own element (a canvas inside it), resized with it. */
export function DailyChart({ id, option, days, onPick }: Props) {
  useEffect(() => {
    const host = document.getElementById(id);
    if (!host) return;
    const chart = echarts.init(host, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    chart.getZr().on('click', (e) => {
      const index = dayAt(chart, [e.offsetX, e.offsetY], days);
      if (index !== null) onPick(index);
    });
    // The page may still be sliding in (zero size) when the chart starts.
    const resized = new ResizeObserver(() => chart.resize());
    resized.observe(host);
    return () => {
      resized.disconnect();
      chart.dispose();
    };
  }, [id, option, days, onPick]);
  return <View id={id} className="daily-chart" />;
}
