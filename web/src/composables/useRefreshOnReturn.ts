import { onBeforeUnmount, onMounted } from 'vue';

/**
 * The server holds the truth: when the person comes back to the app after a while (another tab,
 * the phone locked, the shop visited), the screen fetches again instead of showing stale points,
 * seats or stock. Short switches (under `afterMs`) do not refetch.
 */
export function useRefreshOnReturn(refresh: () => unknown, afterMs = 30_000, now: () => number = Date.now): void {
  let hiddenAt: number | null = null;
  const onChange = () => {
    if (document.visibilityState === 'hidden') {
      hiddenAt = now();
    } else if (hiddenAt !== null) {
      const away = now() - hiddenAt;
      hiddenAt = null;
      if (away >= afterMs) void refresh();
    }
  };
  onMounted(() => document.addEventListener('visibilitychange', onChange));
  onBeforeUnmount(() => document.removeEventListener('visibilitychange', onChange));
}
