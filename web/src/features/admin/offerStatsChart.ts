import type { OfferStatsReport } from '@/api/adminBrand';
import type { AdminOffer } from '@/api/admin';
import { type Cell, type ChartOption, type ChartSpec, type Labels } from './chartOptions';

// Offer claims and redemptions as charts, built like the dashboard's (chartOptions.ts): an
// ECharts option with axes, units, tooltip and legend, and the same numbers as a table for the
// table view and the CSV.

const base = (): ChartOption => ({
  tooltip: { trigger: 'axis', confine: true },
  legend: { type: 'scroll', bottom: 0 },
  grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
  animation: false,
});

/** Claims and redemptions of one offer per period (the period's first day, in the brand's zone), with a total row. */
export function offerTimelineChart(report: OfferStatsReport, labels: Labels & { bucket: (t: string) => string }): ChartSpec {
  const buckets = report.buckets;
  const option: ChartOption = {
    ...base(),
    xAxis: { type: 'category', name: labels.axis, nameLocation: 'middle', nameGap: 28, data: buckets.map((b) => labels.bucket(b.start)) },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: [
      { type: 'bar', name: labels.name('claims'), data: buckets.map((b) => b.claims), barMaxWidth: 24 },
      { type: 'bar', name: labels.name('redemptions'), data: buckets.map((b) => b.redemptions), barMaxWidth: 24 },
    ],
  };
  const rows: Cell[][] = buckets.map((b) => [b.start, b.claims, b.redemptions]);
  rows.push([labels.name('total'), report.claims, report.redemptions]);
  return {
    option,
    table: { head: [labels.axis, labels.name('claims'), labels.name('redemptions')], rows },
    empty: report.claims === 0 && report.redemptions === 0,
  };
}

/** Redemptions per store of one offer, best first; store ids shown by name. */
export function offerStoresChart(report: OfferStatsReport, storeName: (id: string) => string, labels: Labels): ChartSpec {
  const stores = report.stores;
  const top = [...stores].reverse(); // ECharts draws the first category at the bottom
  const option: ChartOption = {
    ...base(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 24, top: 36, bottom: 56, containLabel: true },
    // The unit under the axis, not at its end where a narrow card cuts it off.
    xAxis: { type: 'value', name: labels.unit, nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'category', name: labels.axis, data: top.map((s) => storeName(s.storeId)) },
    series: [{ type: 'bar', name: labels.name('redemptions'), data: top.map((s) => s.redemptions), barMaxWidth: 36 }],
  };
  return {
    option,
    table: { head: [labels.axis, labels.name('redemptions')], rows: stores.map((s) => [storeName(s.storeId), s.redemptions]) },
    empty: stores.length === 0,
  };
}

/** The dashboard's "per offer" chart: claims and redemptions in the range for each offer, with the redemption rate in the table. */
export function offersCompareChart(
  entries: { offer: Pick<AdminOffer, 'id' | 'title'>; report: OfferStatsReport }[],
  labels: Labels,
): ChartSpec {
  const option: ChartOption = {
    ...base(),
    grid: { left: 8, right: 16, top: 36, bottom: entries.length > 3 ? 56 : 40, containLabel: true },
    xAxis: {
      type: 'category',
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: entries.length > 3 ? 72 : 28,
      data: entries.map((e) => e.offer.title),
      axisLabel: { rotate: entries.length > 3 ? 35 : 0, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: [
      { type: 'bar', name: labels.name('claims'), data: entries.map((e) => e.report.claims), barMaxWidth: 36 },
      { type: 'bar', name: labels.name('redemptions'), data: entries.map((e) => e.report.redemptions), barMaxWidth: 36 },
    ],
  };
  const rate = (e: { report: OfferStatsReport }) =>
    e.report.claims === 0 ? '—' : `${Math.round((e.report.redemptions / e.report.claims) * 1000) / 10}%`;
  return {
    option,
    table: {
      head: [labels.axis, labels.name('claims'), labels.name('redemptions'), labels.name('redemptionRate')],
      rows: entries.map((e) => [e.offer.title, e.report.claims, e.report.redemptions, rate(e)]),
    },
    empty: entries.every((e) => e.report.claims === 0 && e.report.redemptions === 0),
  };
}
