/**
 * ECharts for the dashboards: only the bar and line charts and the components they use, drawn
 * as SVG (crisp when printed, labels as text). Each chart's container carries a sentence for
 * screen readers (StatChart's `label`), so ECharts' own aria component is not loaded.
 * Import this module only from dashboard routes: it is about 150 KB brotli.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export { init };

/** This period beside the same period last year, one bar pair per group. */
export function comparisonBars(labels: string[], current: number[], previous: number[], unit = '人'): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)} ${unit}` },
    legend: { data: ['本期', '上年同期'], top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '本期', type: 'bar', data: current, label: { show: true, position: 'top' }, itemStyle: { color: '#1d63c9' } },
      { name: '上年同期', type: 'bar', data: previous, itemStyle: { color: '#a3b8d6' } },
    ],
  } as ChartOption;
}

/** Month by month: this year's line beside last year's. */
export function comparisonLines(labels: string[], current: number[], previous: number[], unit = '人'): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)} ${unit}` },
    legend: { data: ['本期', '上年同期'], top: 0 },
    grid: { left: 48, right: 24, top: 44, bottom: 32 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '本期', type: 'line', data: current, label: { show: true }, itemStyle: { color: '#1d63c9' } },
      { name: '上年同期', type: 'line', data: previous, lineStyle: { type: 'dashed' }, itemStyle: { color: '#8a9bb5' } },
    ],
  } as ChartOption;
}

/** One series of bars (a funnel's steps, each workshop's people). */
export function simpleBars(labels: string[], values: number[], name: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: values, label: { show: true, position: 'top' }, itemStyle: { color: '#1d63c9' } }],
  } as ChartOption;
}
