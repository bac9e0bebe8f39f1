import { computed, getCurrentInstance, onBeforeUnmount, onMounted, ref } from 'vue';
import { staffApi } from '@/api/staff';
import { indexedDbQueue, type QueuedScan, type ScanQueue } from './queue';
import { oldestAgeMs, syncQueue, WARN_AGE_MS, type SyncedScan } from './sync';

const RETRY_MS = 30_000;

/**
 * The scan screen's view of the offline queue: what is pending, what the last sync answered, and a
 * sync when the network comes back, every 30 s while scans wait, and on demand.
 */
export function useOfflineQueue(queue: ScanQueue = indexedDbQueue()) {
  const pending = ref<QueuedScan[]>([]);
  const lastSynced = ref<SyncedScan[]>([]);
  const syncing = ref(false);
  const failed = ref(false);
  const now = ref(Date.now());

  async function refresh(): Promise<void> {
    pending.value = await queue.all();
    now.value = Date.now();
  }

  async function sync(): Promise<void> {
    if (syncing.value) return;
    await refresh();
    if (pending.value.length === 0 || !navigator.onLine) return;
    syncing.value = true;
    try {
      const { synced, error } = await syncQueue(queue, staffApi.batch);
      if (synced.length > 0) lastSynced.value = synced;
      failed.value = error !== null;
    } finally {
      syncing.value = false;
      await refresh();
    }
  }

  const nearLimit = computed(() => oldestAgeMs(pending.value, now.value) > WARN_AGE_MS);
  const online = () => void sync();
  let timer: ReturnType<typeof setInterval> | undefined;
  if (getCurrentInstance()) {
    onMounted(() => {
      window.addEventListener('online', online);
      timer = setInterval(() => void (pending.value.length > 0 ? sync() : refresh()), RETRY_MS);
      void sync();
    });
    onBeforeUnmount(() => {
      window.removeEventListener('online', online);
      clearInterval(timer);
    });
  }
  return { queue, pending, lastSynced, syncing, failed, nearLimit, refresh, sync };
}
