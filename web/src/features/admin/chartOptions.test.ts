import { describe, expect, it } from 'vitest';
import type { EngagementReport } from '@/api/admin';
import { eventFunnelChart, leaderboardEntries, rankingChart, spreadChart, timeSeriesChart } from './chartOptions';
import { toCsv } from './csv';

const labels = { name: (k: string) => `[${k}]`, unit: 'people', axis: 'day', bucket: (t: string) => t.slice(5), depth: (d: number) => `depth ${d}` };

function report(overrides: Partial<EngagementReport> = {}): EngagementReport {
  return {
    brandId: 'b',
    communityId: null,
    timezone: 'Asia/Shanghai',
    from: '2026-11-29',
    to: '2026-12-01',
    granularity: 'DAY',
    series: [
      { name: 'members', points: [{ t: '2026-11-29', v: 10 }, { t: '2026-11-30', v: 12 }, { t: '2026-12-01', v: 13 }] },
      { name: 'activeMembers', points: [{ t: '2026-11-29', v: 2 }, { t: '2026-11-30', v: 0 }, { t: '2026-12-01', v: 5 }] },
      { name: 'interactionsPerActiveMember', points: [{ t: '2026-11-29', v: 1 / 3 }, { t: '2026-11-30', v: 0 }, { t: '2026-12-01', v: 2 }] },
    ],
    spread: { shares: 3, visits: 2, joins: 1, visitsPerShare: 0.67, visitToJoinRate: 0.5, maxDepth: 2, byDepth: [{ depth: 1, shares: 2, visits: 2, joins: 1 }, { depth: 2, shares: 1, visits: 0, joins: 0 }] },
    events: [{ eventId: 'e1', title: 'Tasting', rsvps: 4, checkIns: 3, checkInRate: 0.75 }],
    retention: [],
    kols: [],
    communities: [],
    ...overrides,
  };
}

describe('timeSeriesChart', () => {
  it('has one series per name present, bucket labels, the unit, and the same numbers in the table', () => {
    const spec = timeSeriesChart(report(), ['members', 'activeMembers', 'absent'], labels);
    const series = spec.option.series as { name: string; data: number[]; type: string }[];
    expect(series.map((s) => s.name)).toEqual(['[members]', '[activeMembers]']);
    expect(series[0]!.data).toEqual([10, 12, 13]);
    expect(series[0]!.type).toBe('line');
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['11-29', '11-30', '12-01']);
    expect((spec.option.yAxis as { name: string }).name).toBe('people');
    expect(spec.table.head).toEqual(['day', '[members]', '[activeMembers]']);
    expect(spec.table.rows[1]).toEqual(['2026-11-30', 12, 0]);
    expect(spec.empty).toBe(false);
  });

  it('rounds ratios in the table and is empty when every value is zero', () => {
    expect(timeSeriesChart(report(), ['interactionsPerActiveMember'], labels).table.rows[0]).toEqual(['2026-11-29', 0.33]);
    const zero = report({ series: [{ name: 'joins', points: [{ t: '2026-12-01', v: 0 }] }] });
    expect(timeSeriesChart(zero, ['joins'], labels, 'bar').empty).toBe(true);
    expect(timeSeriesChart(report({ series: [] }), ['joins'], labels).empty).toBe(true);
  });
});

describe('spreadChart', () => {
  it('stacks share → visit → join by depth and adds a total row', () => {
    const spec = spreadChart(report().spread, labels);
    const series = spec.option.series as { name: string; data: number[]; stack: string }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([['depth 1', [2, 2, 1]], ['depth 2', [1, 0, 0]]]);
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['[shares]', '[visits]', '[joins]']);
    expect(spec.table.rows.at(-1)).toEqual(['[total]', 3, 2, 1]);
  });

  it('is empty without shares, visits and joins', () => {
    expect(spreadChart({ shares: 0, visits: 0, joins: 0, visitsPerShare: 0, visitToJoinRate: 0, maxDepth: 0, byDepth: [] }, labels).empty).toBe(true);
  });
});

describe('eventFunnelChart and rankingChart', () => {
  it('shows RSVPs and check-ins per event with the rate in the table', () => {
    const spec = eventFunnelChart(report(), labels);
    expect((spec.option.series as { data: number[] }[]).map((s) => s.data)).toEqual([[4], [3]]);
    expect(spec.table.rows).toEqual([['Tasting', 4, 3, '75%']]);
    expect(eventFunnelChart(report({ events: [] }), labels).empty).toBe(true);
  });

  it('ranks the leaderboard best first in the table and at the top of the chart', () => {
    const entries = leaderboardEntries(
      { brandId: 'b', members: 10, convertedInvites: 3, refereesCheckedIn: 1, kFactor: 0.3, maxChainDepth: 2, top: [
        { memberId: 'm1', memberNumber: 7, converted: 2, spread: 3, depth: 2 },
        { memberId: 'm2', memberNumber: null, converted: 1, spread: 1, depth: 1 },
      ] },
      (n, id) => (n === null ? id : `#${n}`),
    );
    const spec = rankingChart(entries, ['converted', 'spread'], labels);
    expect(spec.table.rows).toEqual([['#7', 2, 3], ['m2', 1, 1]]);
    expect((spec.option.yAxis as { data: string[] }).data).toEqual(['m2', '#7']);
  });
});

describe('toCsv', () => {
  it('quotes cells that need it and defuses spreadsheet formulas', () => {
    expect(toCsv({ head: ['a', 'b'], rows: [['x,y', 'say "hi"'], ['=SUM(A1)', -3]] })).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-3\r\n',
    );
  });
});
