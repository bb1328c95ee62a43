import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, setPlatformAPI, use as registerParts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// A minimal ECharts: the dashboard's bar and line charts on a canvas (weapp has no DOM, so no SVG).
registerParts([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

// Named imports only: `import * as echarts` re-exported as a value kept every export of echarts/core
// (graphic, helpers, GeoJSON parsing…) in the dashboard's chunk (601 KB instead of 617 KB raw).
export const echarts = { init, setPlatformAPI };
export type ChartOption = EChartsCoreOption;
