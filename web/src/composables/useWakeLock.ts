import { onBeforeUnmount, onMounted } from 'vue';

/** Keeps the screen on while a QR code is shown, where the browser allows it; silently does nothing elsewhere. */
export function useWakeLock(): void {
  let lock: WakeLockSentinel | null = null;
  const request = async () => {
    try {
      if ('wakeLock' in navigator && document.visibilityState === 'visible') {
        lock = await navigator.wakeLock.request('screen');
      }
    } catch {
      lock = null;
    }
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void request();
  };
  onMounted(() => {
    void request();
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisible);
    void lock?.release();
  });
}
