import { onBeforeUnmount, ref, type Ref } from 'vue';

export interface RotatingToken {
  token: string;
  expiresAt: string;
  /** Seconds after which the server suggests fetching a fresh token; default: shortly before expiry. */
  refreshInSeconds?: number;
}

/**
 * When to fetch the next token: at the server's `refreshIn`, else a few seconds before it expires,
 * never sooner than one second and never later than the expiry itself.
 */
export function nextRefreshDelayMs(token: RotatingToken, now: number, marginMs = 5000): number {
  const untilExpiry = new Date(token.expiresAt).getTime() - now;
  const suggested =
    token.refreshInSeconds !== undefined && token.refreshInSeconds > 0
      ? token.refreshInSeconds * 1000
      : untilExpiry - marginMs;
  return Math.max(1000, Math.min(suggested, untilExpiry));
}

export interface RotatingTokenState<T extends RotatingToken> {
  current: Ref<T | null>;
  secondsLeft: Ref<number>;
  error: Ref<unknown>;
  stop: () => void;
  refresh: () => Promise<void>;
}

/**
 * Keeps a short-lived signed token (check-in or coupon QR) fresh: fetches one, schedules the next
 * before it expires, counts down the seconds left, and stops when `fetch` says there is nothing to
 * show any more (it resolves to null, e.g. once the member has checked in) or the screen closes.
 * A failed fetch is retried after a few seconds.
 */
export function useRotatingToken<T extends RotatingToken>(
  fetch: () => Promise<T | null>,
  options: { retryMs?: number; now?: () => number } = {},
): RotatingTokenState<T> {
  const now = options.now ?? Date.now;
  const current = ref<T | null>(null) as Ref<T | null>;
  const secondsLeft = ref(0);
  const error = ref<unknown>(null);
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const tick = () => {
    secondsLeft.value = current.value
      ? Math.max(0, Math.ceil((new Date(current.value.expiresAt).getTime() - now()) / 1000))
      : 0;
  };

  async function refresh(): Promise<void> {
    clearTimeout(refreshTimer);
    if (stopped) return;
    try {
      const next = await fetch();
      error.value = null;
      current.value = next;
      tick();
      if (next === null) return;
      refreshTimer = setTimeout(refresh, nextRefreshDelayMs(next, now()));
    } catch (failure) {
      error.value = failure;
      refreshTimer = setTimeout(refresh, options.retryMs ?? 3000);
    }
  }

  function stop(): void {
    stopped = true;
    clearTimeout(refreshTimer);
    clearInterval(ticker);
  }

  ticker = setInterval(tick, 1000);
  void refresh();
  onBeforeUnmount(stop);
  return { current, secondsLeft, error, stop, refresh };
}
