import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, TreeSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { EngagementReport, Leaderboard, Series, Spread } from '@/api/admin';

/**
 * The dashboard's charts as plain data: an ECharts option (axes with units, tooltip, legend) and the
 * same numbers as a table (for screen readers, copying and the CSV download). Labels come from the
 * caller (translated), so these builders stay pure and testable.
 */
export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | TreeSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type Cell = string | number;

export interface ChartTable {
  head: string[];
  rows: Cell[][];
}

export interface ChartSpec {
  option: ChartOption;
  table: ChartTable;
  /** Nothing to draw: the screen shows an empty state instead of a blank chart. */
  empty: boolean;
}

export interface Labels {
  /** Name of a series or column (already translated). */
  name: (key: string) => string;
  /** Name of the value axis, with its unit. */
  unit: string;
  /** Name of the category axis. */
  axis: string;
}

const base = (): ChartOption => ({
  tooltip: { trigger: 'axis', confine: true },
  legend: { type: 'scroll', bottom: 0 },
  grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
  animation: false,
});

function seriesOf(report: EngagementReport, name: string): Series | undefined {
  return report.series.find((s) => s.name === name);
}

/** Bucket labels (the bucket's first day, already in the brand's zone) and one line or bar per series. */
export function timeSeriesChart(
  report: EngagementReport,
  names: readonly string[],
  labels: Labels & { bucket: (t: string) => string },
  kind: 'line' | 'bar' = 'line',
): ChartSpec {
  const present = names.map((name) => seriesOf(report, name)).filter((s): s is Series => s !== undefined);
  const buckets = present[0]?.points.map((p) => p.t) ?? [];
  const values = present.map((s) => s.points.map((p) => p.v));
  const option: ChartOption = {
    ...base(),
    xAxis: { type: 'category', name: labels.axis, nameLocation: 'middle', nameGap: 28, data: buckets.map(labels.bucket) },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: present.map((s, i) =>
      kind === 'line'
        ? ({ type: 'line', name: labels.name(s.name), data: values[i], showSymbol: buckets.length <= 31 } as LineSeriesOption)
        : ({ type: 'bar', name: labels.name(s.name), data: values[i] } as BarSeriesOption),
    ),
  };
  const rows = buckets.map((t, row) => [t, ...values.map((v) => round(v[row] ?? 0))]);
  const empty = values.every((v) => v.every((n) => n === 0));
  return { option, table: { head: [labels.axis, ...present.map((s) => labels.name(s.name))], rows }, empty };
}

/** Share → visit → join, stacked by chain depth (depth 1 = shared by someone who came on their own). */
export function spreadChart(spread: Spread, labels: Labels & { depth: (d: number) => string }): ChartSpec {
  const stages = ['shares', 'visits', 'joins'] as const;
  const option: ChartOption = {
    ...base(),
    xAxis: { type: 'category', name: labels.axis, nameLocation: 'middle', nameGap: 28, data: stages.map(labels.name) },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: spread.byDepth.map((d) => ({
      type: 'bar',
      stack: 'depth',
      name: labels.depth(d.depth),
      data: stages.map((stage) => d[stage]),
    })),
  };
  const rows: Cell[][] = spread.byDepth.map((d) => [labels.depth(d.depth), d.shares, d.visits, d.joins]);
  rows.push([labels.name('total'), spread.shares, spread.visits, spread.joins]);
  return {
    option,
    table: { head: [labels.name('depth'), ...stages.map(labels.name)], rows },
    empty: spread.shares === 0 && spread.visits === 0 && spread.joins === 0,
  };
}

/** RSVPs and check-ins per event, with the check-in rate in the table. */
export function eventFunnelChart(report: EngagementReport, labels: Labels): ChartSpec {
  const events = report.events;
  const option: ChartOption = {
    ...base(),
    // Many events: slanted titles, and the axis name moved clear of them.
    grid: { left: 8, right: 16, top: 36, bottom: events.length > 3 ? 56 : 40, containLabel: true },
    xAxis: {
      type: 'category',
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: events.length > 3 ? 72 : 28,
      data: events.map((e) => e.title),
      axisLabel: { rotate: events.length > 3 ? 35 : 0, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: [
      { type: 'bar', name: labels.name('rsvps'), data: events.map((e) => e.rsvps) },
      { type: 'bar', name: labels.name('checkIns'), data: events.map((e) => e.checkIns) },
    ],
  };
  return {
    option,
    table: {
      head: [labels.axis, labels.name('rsvps'), labels.name('checkIns'), labels.name('checkInRate')],
      rows: events.map((e) => [e.title, e.rsvps, e.checkIns, percent(e.checkInRate)]),
    },
    empty: events.length === 0,
  };
}

/** Horizontal bars, best first at the top: rows of a name and numbers. */
export function rankingChart(
  entries: { who: string; values: Record<string, number> }[],
  keys: readonly string[],
  labels: Labels,
): ChartSpec {
  const top = [...entries].reverse(); // ECharts draws the first category at the bottom
  const option: ChartOption = {
    ...base(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    yAxis: { type: 'category', name: labels.axis, data: top.map((e) => e.who) },
    series: keys.map((key) => ({ type: 'bar', name: labels.name(key), data: top.map((e) => e.values[key] ?? 0) })),
  };
  return {
    option,
    table: { head: [labels.axis, ...keys.map(labels.name)], rows: entries.map((e) => [e.who, ...keys.map((k) => e.values[k] ?? 0)]) },
    empty: entries.length === 0,
  };
}

/** The referral leaderboard as ranking rows: member number (or id) with converted invites and spread. */
export function leaderboardEntries(board: Leaderboard, who: (memberNumber: number | null, memberId: string) => string) {
  return board.top.map((e) => ({ who: who(e.memberNumber, e.memberId), values: { converted: e.converted, spread: e.spread, depth: e.depth } }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
