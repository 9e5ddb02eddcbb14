/**
 * The dashboards' chart options, built without importing ECharts itself (types only), so that a
 * page can prepare its charts while the ECharts chunk (StatChart.vue → echarts.ts) downloads.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption>;

/** This period beside the same period last year, one bar pair per group. */
export function comparisonBars(labels: string[], current: number[], previous: number[]): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '本期', type: 'bar', data: current, label: { show: true, position: 'top' }, itemStyle: { color: '#1d63c9' } },
      { name: '上年同期', type: 'bar', data: previous, itemStyle: { color: '#8a9bb5' } },
    ],
  } as ChartOption;
}

/** Month by month: this year's line beside last year's. */
export function comparisonLines(labels: string[], current: number[], previous: number[]): ChartOption {
  return {
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
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
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: values, label: { show: true, position: 'top' }, itemStyle: { color: '#1d63c9' } }],
  } as ChartOption;
}

/** The colours of the two series, for the HTML legend beside a chart. */
export const SERIES_COLOURS = { current: '#1d63c9', previous: '#8a9bb5' };
