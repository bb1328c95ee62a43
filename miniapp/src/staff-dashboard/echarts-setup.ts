import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { init, setPlatformAPI, use as registerParts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// A minimal ECharts: the dashboard's bar and line charts on a canvas (weapp has no DOM, so no SVG),
// axes without axis pointers and no tooltip component: the day tapped is read out by the page
// (docs/architecture.md#miniapp, the chart chunk's budget). ECharts' TooltipComponent and the
// axis pointers it needs weigh ≈ 16 KB gzip, more than a tenth of the chunk.
registerParts([BarChart, LineChart, GridSimpleComponent, CanvasRenderer]);

// Named imports only: `import * as echarts` re-exported as a value kept every export of echarts/core
// (graphic, helpers, GeoJSON parsing…) in the dashboard's chunk.
export const echarts = { init, setPlatformAPI };
export type ChartOption = EChartsCoreOption;
type Chart = ReturnType<typeof init>;

/** The index of the day (x category) under a point of the chart, in its pixels; null outside the plot. */
export function dayAt(chart: Chart, point: [number, number], days: number): number | null {
  if (!chart.containPixel({ gridIndex: 0 }, point)) return null;
  const [x] = chart.convertFromPixel({ gridIndex: 0 }, point) as number[];
  const index = Math.round(x);
  return Number.isFinite(index) && index >= 0 && index < days ? index : null;
}
