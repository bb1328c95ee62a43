import { View } from '@tarojs/components';
import { useEffect } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

/** H5: ECharts draws into the page's own element (a canvas inside it), resized with it. */
export function DailyChart({ id, option }: { id: string; option: ChartOption }) {
  useEffect(() => {
    const host = document.getElementById(id);
    if (!host) return;
    const chart = echarts.init(host, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    // The page may still be sliding in (zero size) when the chart starts.
    const resized = new ResizeObserver(() => chart.resize());
    resized.observe(host);
    return () => {
      resized.disconnect();
      chart.dispose();
    };
  }, [id, option]);
  return <View id={id} className="daily-chart" />;
}
