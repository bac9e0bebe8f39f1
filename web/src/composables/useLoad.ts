import { onMounted, ref, type Ref } from 'vue';

/** Loads what a screen shows: `data`, `loading` (for skeletons), `error` (for the error state), `reload`. */
export function useLoad<T>(fetch: () => Promise<T>, options: { immediate?: boolean } = {}) {
  const data = ref<T | null>(null) as Ref<T | null>;
  const loading = ref(true);
  const error = ref<unknown>(null);

  async function reload(): Promise<void> {
    loading.value = true;
    try {
      data.value = await fetch();
      error.value = null;
    } catch (failure) {
      error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  if (options.immediate !== false) onMounted(reload);
  return { data, loading, error, reload };
}
