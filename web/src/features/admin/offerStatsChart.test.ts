import { describe, expect, it } from 'vitest';
import type { OfferStatsReport } from '@/api/adminBrand';
import { offerStoresChart, offerTimelineChart, offersCompareChart } from './offerStatsChart';
import { toCsv } from './csv';

const labels = { name: (k: string) => `[${k}]`, unit: 'coupons', axis: 'day', bucket: (t: string) => t.slice(5) };

function report(overrides: Partial<OfferStatsReport> = {}): OfferStatsReport {
  return {
    offerId: 'o1',
    brandId: 'b',
    timezone: 'Asia/Shanghai',
    from: '2026-11-29',
    to: '2026-12-01',
    granularity: 'DAY',
    claims: 5,
    redemptions: 2,
    buckets: [
      { start: '2026-11-29', claims: 1, redemptions: 0 },
      { start: '2026-11-30', claims: 0, redemptions: 0 },
      { start: '2026-12-01', claims: 4, redemptions: 2 },
    ],
    stores: [
      { storeId: 's1', redemptions: 2 },
      { storeId: 's2', redemptions: 1 },
    ],
    ...overrides,
  };
}

describe('offerTimelineChart', () => {
  it('draws claims and redemptions per period with the unit, and the same numbers plus a total in the table', () => {
    const spec = offerTimelineChart(report(), labels);
    const series = spec.option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['[claims]', [1, 0, 4]],
      ['[redemptions]', [0, 0, 2]],
    ]);
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['11-29', '11-30', '12-01']);
    expect((spec.option.yAxis as { name: string }).name).toBe('coupons');
    expect(spec.table.head).toEqual(['day', '[claims]', '[redemptions]']);
    expect(spec.table.rows).toEqual([
      ['2026-11-29', 1, 0],
      ['2026-11-30', 0, 0],
      ['2026-12-01', 4, 2],
      ['[total]', 5, 2],
    ]);
    expect(spec.empty).toBe(false);
    expect(toCsv(spec.table).split('\r\n')[4]).toBe('[total],5,2');
  });

  it('is empty when nothing was claimed or redeemed', () => {
    const none = report({ claims: 0, redemptions: 0, buckets: [{ start: '2026-12-01', claims: 0, redemptions: 0 }], stores: [] });
    expect(offerTimelineChart(none, labels).empty).toBe(true);
  });
});

describe('offerStoresChart', () => {
  it('names stores and puts the best at the top', () => {
    const spec = offerStoresChart(report(), (id) => `Store ${id}`, labels);
    expect((spec.option.yAxis as { data: string[] }).data).toEqual(['Store s2', 'Store s1']);
    expect(spec.table.rows).toEqual([
      ['Store s1', 2],
      ['Store s2', 1],
    ]);
    expect(offerStoresChart(report({ stores: [] }), String, labels).empty).toBe(true);
  });
});

describe('offersCompareChart', () => {
  it('compares offers by title with the redemption rate in the table', () => {
    const spec = offersCompareChart(
      [
        { offer: { id: 'o1', title: 'Tea' }, report: report() },
        { offer: { id: 'o2', title: 'Cake' }, report: report({ claims: 0, redemptions: 0 }) },
      ],
      labels,
    );
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['Tea', 'Cake']);
    expect((spec.option.series as { data: number[] }[])[1]!.data).toEqual([2, 0]);
    expect(spec.table.rows).toEqual([
      ['Tea', 5, 2, '40%'],
      ['Cake', 0, 0, '—'],
    ]);
    expect(spec.empty).toBe(false);
    expect(offersCompareChart([], labels).empty).toBe(true);
  });
});
