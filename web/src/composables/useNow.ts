import { onBeforeUnmount, ref } from 'vue';

/** The current time in milliseconds, ticking every `everyMs` (for countdowns). */
export function useNow(everyMs = 1000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
