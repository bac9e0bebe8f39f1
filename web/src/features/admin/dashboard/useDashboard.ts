import { ref } from 'vue';
import { analytics, type EngagementReport, type Granularity, type Leaderboard } from '@/api/admin';
import { lastDays } from '../zonedTime';

/** The dashboard's query (dates in the brand's zone, granularity) and its two answers. */
export function useDashboard(brandId: () => string | null, timezone: () => string) {
  const range = ref(lastDays(30, timezone()));
  const granularity = ref<Granularity>('DAY');
  const report = ref<EngagementReport | null>(null);
  const board = ref<Leaderboard | null>(null);
  const loading = ref(true);
  const error = ref<unknown>(null);

  async function load(): Promise<void> {
    const id = brandId();
    if (!id) return;
    loading.value = true;
    error.value = null;
    try {
      const [r, b] = await Promise.all([
        analytics.brand(id, { from: range.value.from, to: range.value.to, granularity: granularity.value }),
        analytics.leaderboard(id, 10),
      ]);
      report.value = r;
      board.value = b;
    } catch (failure) {
      error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  return { range, granularity, report, board, loading, error, load };
}

/** What the health label suggests doing, as a message key. */
export function suggestionKey(health: string, members: number): string {
  if (health === 'CROWDED' || members >= 500) return 'admin.health.suggest.split';
  if (health === 'SEEDING' || members < 30) return 'admin.health.suggest.seed';
  if (health === 'DECLINING') return 'admin.health.suggest.revive';
  return 'admin.health.suggest.keep';
}
