import type { TreeSeriesOption } from 'echarts/charts';
import type { Retention } from '@/api/admin';
import type { ChainNode, ShareChainReport } from '@/api/communityAdmin';
import { percent, type Cell, type ChartOption, type ChartSpec } from '../chartOptions';

/** Translated words the share tree needs; kept out so the builder stays pure. */
export interface TreeLabels {
  /** The synthetic root above the chains, e.g. "Share chains". */
  root: string;
  head: { member: string; level: string; sharedBy: string; shares: string; outcome: string };
  outcome: { sharer: string; visited: string; joined: string };
  /** A member without a known name: a short form of the id. */
  unnamed: (memberId: string) => string;
}

export const TREE_COLOURS = { sharer: '#d6102a', joined: '#12803a', visited: '#8a91a0' } as const;

type TreeDatum = NonNullable<TreeSeriesOption['data']>[number];

const nameOf = (node: ChainNode, labels: TreeLabels) => node.name ?? labels.unnamed(node.memberId);
const outcomeOf = (node: ChainNode): keyof TreeLabels['outcome'] =>
  node.level === 0 ? 'sharer' : node.joined ? 'joined' : 'visited';

function datum(node: ChainNode, labels: TreeLabels): TreeDatum {
  const outcome = outcomeOf(node);
  const colour = TREE_COLOURS[outcome];
  return {
    name: nameOf(node, labels),
    value: node.shares,
    itemStyle: { color: colour, borderColor: colour },
    children: node.children.map((child) => datum(child, labels)),
  };
}

function leaves(node: ChainNode): number {
  return node.children.length === 0 ? 1 : node.children.reduce((sum, child) => sum + leaves(child), 0);
}

/**
 * The share chains as one left-to-right tree (a root above the chains), nodes coloured by what the member did:
 * shared first (red), arrived and joined (green), arrived only (grey). The table lists every node depth-first with
 * who brought them, for screen readers and the CSV. {@link treeHeight} gives the drawing room it needs.
 */
export function shareTreeChart(report: ShareChainReport, labels: TreeLabels): ChartSpec {
  const option: ChartOption = {
    tooltip: { trigger: 'item', triggerOn: 'mousemove', confine: true },
    animation: false,
    series: [
      {
        type: 'tree',
        data: [
          {
            name: labels.root,
            children: report.chains.map((chain) => datum(chain, labels)),
            itemStyle: { color: '#1f2430' },
            label: { position: 'left', verticalAlign: 'middle', align: 'right' },
          },
        ],
        orient: 'LR',
        top: 12,
        bottom: 12,
        left: 90,
        right: 110,
        symbolSize: 10,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        // Names above the nodes (clear of the links); leaves' names to their right.
        label: { position: 'top', distance: 6, fontSize: 12, color: '#1f2430' },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left', distance: 6 } },
        lineStyle: { color: '#8a91a0', width: 1.5 },
      },
    ],
  };
  const rows: Cell[][] = [];
  const walk = (node: ChainNode, parent: ChainNode | null) => {
    rows.push([
      nameOf(node, labels),
      node.level,
      parent ? nameOf(parent, labels) : '—',
      node.shares,
      labels.outcome[outcomeOf(node)],
    ]);
    node.children.forEach((child) => walk(child, node));
  };
  report.chains.forEach((chain) => walk(chain, null));
  const h = labels.head;
  return {
    option,
    table: { head: [h.member, h.level, h.sharedBy, h.shares, h.outcome], rows },
    empty: report.chains.length === 0,
  };
}

/** Pixels the tree needs: room for every leaf row, never less than a normal chart. */
export function treeHeight(report: ShareChainReport): number {
  const rows = report.chains.reduce((sum, chain) => sum + leaves(chain), 0);
  return Math.max(280, Math.min(2400, rows * 26 + 40));
}

/** Pixels the tree needs across: about 150 per level (so the names above the nodes stay apart), scrolled on a phone. */
export function treeWidth(report: ShareChainReport): number {
  return (report.maxLevel + 2) * 150 + 200;
}

/** Of the members active in a month, how many were active again the next: bars for both, the rate in the table. */
export function retentionChart(
  retention: readonly Retention[],
  labels: { name: (key: string) => string; unit: string; axis: string; month: (m: string) => string },
): ChartSpec {
  const option: ChartOption = {
    tooltip: { trigger: 'axis', confine: true },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
    animation: false,
    xAxis: { type: 'category', name: labels.axis, nameLocation: 'middle', nameGap: 28, data: retention.map((r) => labels.month(r.month)) },
    yAxis: { type: 'value', name: labels.unit, minInterval: 1 },
    series: [
      { type: 'bar', name: labels.name('active'), data: retention.map((r) => r.active) },
      { type: 'bar', name: labels.name('retainedNextMonth'), data: retention.map((r) => r.retainedNextMonth) },
    ],
  };
  return {
    option,
    table: {
      head: [labels.axis, labels.name('active'), labels.name('retainedNextMonth'), labels.name('rate')],
      rows: retention.map((r) => [r.month, r.active, r.retainedNextMonth, percent(r.rate)]),
    },
    empty: retention.every((r) => r.active === 0 && r.retainedNextMonth === 0),
  };
}
