import { describe, expect, it } from 'vitest';
import type { ChainNode, ShareChainReport } from '@/api/communityAdmin';
import { toCsv } from '../csv';
import { TREE_COLOURS, retentionChart, shareTreeChart, treeHeight, treeWidth, type TreeLabels } from './shareTree';

const labels: TreeLabels = {
  root: 'Chains',
  head: { member: 'member', level: 'level', sharedBy: 'from', shares: 'shares', outcome: 'outcome' },
  outcome: { sharer: 'shared first', visited: 'visited', joined: 'joined' },
  unnamed: (id) => `#${id.slice(0, 4)}`,
};

const node = (memberId: string, name: string | null, level: number, joined: boolean, children: ChainNode[] = [], shares = 0): ChainNode => ({
  memberId, name, level, shares, visited: level > 0, joined, size: 1 + children.reduce((n, c) => n + c.size, 0), children,
});

function report(chains: ChainNode[]): ShareChainReport {
  return {
    brandId: 'b', timezone: 'UTC', from: '2026-11-01', to: '2026-11-30', limit: 10, chainCount: chains.length, truncated: false,
    sharers: 2, shares: 3, visits: 3, joins: 2, kFactor: 1, maxLevel: 2, chains,
  };
}

const alice = node('alice-1', 'Alice', 0, false, [
  node('bob-1', 'Bob', 1, true, [node('carol-1', 'Carol', 2, true)], 1),
  node('dan-12345', null, 1, false),
], 1);

describe('shareTreeChart', () => {
  it('draws one tree under a root, coloured by what each member did', () => {
    const spec = shareTreeChart(report([alice]), labels);
    const series = (spec.option.series as { type: string; data: { name: string; children: { name: string; itemStyle: { color: string }; children: { name: string }[] }[] }[] }[])[0]!;
    expect(series.type).toBe('tree');
    const root = series.data[0]!;
    expect(root.name).toBe('Chains');
    const a = root.children[0]!;
    expect(a.name).toBe('Alice');
    expect(a.itemStyle.color).toBe(TREE_COLOURS.sharer);
    expect(a.children.map((c) => c.name)).toEqual(['Bob', '#dan-']);
    expect(spec.empty).toBe(false);
  });

  it('lists every node depth-first with who brought them, for the table and CSV', () => {
    const spec = shareTreeChart(report([alice]), labels);
    expect(spec.table.head).toEqual(['member', 'level', 'from', 'shares', 'outcome']);
    expect(spec.table.rows).toEqual([
      ['Alice', 0, '—', 1, 'shared first'],
      ['Bob', 1, 'Alice', 1, 'joined'],
      ['Carol', 2, 'Bob', 0, 'joined'],
      ['#dan-', 1, 'Alice', 0, 'visited'],
    ]);
    expect(toCsv(spec.table).split('\r\n')[2]).toBe('Bob,1,Alice,1,joined');
  });

  it('is empty without chains and grows with the leaves', () => {
    expect(shareTreeChart(report([]), labels).empty).toBe(true);
    expect(treeHeight(report([]))).toBe(280);
    const wide = node('w', 'W', 0, false, Array.from({ length: 40 }, (_, i) => node(`v${i}`, null, 1, false)));
    expect(treeHeight(report([wide]))).toBe(40 * 26 + 40);
    expect(treeWidth({ ...report([alice]), maxLevel: 2 })).toBe(4 * 150 + 200);
  });
});

describe('retentionChart', () => {
  const month = (m: string) => `M${m.slice(5)}`;
  const l = { name: (k: string) => `[${k}]`, unit: 'people', axis: 'month', month };

  it('has bars of active and retained members per month and the rate in the table', () => {
    const spec = retentionChart([
      { month: '2026-10', active: 8, retainedNextMonth: 6, rate: 0.75 },
      { month: '2026-11', active: 4, retainedNextMonth: 1, rate: 0.25 },
    ], l);
    const series = spec.option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([['[active]', [8, 4]], ['[retainedNextMonth]', [6, 1]]]);
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['M10', 'M11']);
    expect(spec.table.rows).toEqual([['2026-10', 8, 6, '75%'], ['2026-11', 4, 1, '25%']]);
    expect(spec.empty).toBe(false);
  });

  it('is empty without months or without anyone active', () => {
    expect(retentionChart([], l).empty).toBe(true);
    expect(retentionChart([{ month: '2026-11', active: 0, retainedNextMonth: 0, rate: 0 }], l).empty).toBe(true);
  });
});
