/**
 * ECharts for the dashboards: only the bar and line charts and the components they use, drawn
 * as SVG (crisp when printed, labels as text). Each chart's container carries a sentence for
 * screen readers (StatChart's `label`), so ECharts' own aria component is not loaded.
 * Values are printed on the bars and points, and the legend is HTML beside the chart, so the
 * tooltip and legend components are not loaded (about 25 KB brotli less).
 * Import this module only from dashboard routes: it is about 130 KB brotli.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, SVGRenderer]);

export { init };
export type { ChartOption } from './options';
